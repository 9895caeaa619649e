package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContextualDecompositionExplainerTest {

    private final ContextualDecompositionExplainer cd = new ContextualDecompositionExplainer();

    /** LSTMs of 1 to 3 layers, uni- and bidirectional, H = 1 among them. */
    static List<NetworkShape> lstmShapes() {
        List<NetworkShape> shapes = new ArrayList<>();
        for (int layers = 1; layers <= 3; layers++) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                shapes.add(new NetworkShape(CellKind.LSTM, layers, 2, 1, 1, bidirectional, true, false));
                shapes.add(new NetworkShape(CellKind.LSTM, layers, 3, 4, 2, bidirectional, true, true));
            }
        }
        return shapes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lstmShapes")
    void relevant_and_irrelevant_parts_add_up_to_the_state_at_every_step_of_every_layer_and_direction(
            NetworkShape shape) {
        RecurrentNetwork model = TestModels.random(shape, shape.seed(), 1.5, true);
        Sequence x = TestModels.sequence(7, shape.inputs(), shape.layers());
        NetworkTrace trace = model.forward(x, model.newTrace());
        for (int layer = 0; layer < shape.layers(); layer++) {
            for (boolean reverse : shape.bidirectional() ? new boolean[] {false, true} : new boolean[] {false}) {
                var direction = reverse ? trace.reverse(layer) : trace.forward(layer);
                for (int word = 0; word < x.length(); word++) {
                    double[][][] parts = cd.decomposition(model, x, word, layer, reverse);
                    for (int s = 0; s < x.length(); s++) {
                        for (int k = 0; k < shape.hidden(); k++) {
                            assertThat(parts[0][s][k] + parts[1][s][k])
                                    .as("%s layer %d %s word %d step %d unit %d", shape, layer,
                                            reverse ? "reverse" : "forward", word, s, k)
                                    .isCloseTo(direction.h(s, k), within(1e-12));
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lstmShapes")
    void relevant_plus_irrelevant_scores_equal_the_output_without_its_bias(NetworkShape shape) {
        RecurrentNetwork model = TestModels.random(shape, 710 + shape.seed());
        Sequence x = TestModels.sequence(6, shape.inputs(), 20 + shape.layers());
        int last = shape.layers() - 1;
        for (int c = 0; c < shape.outputs(); c++) {
            for (int word = 0; word < x.length(); word++) {
                double total = 0;
                for (int direction = 0; direction < (shape.bidirectional() ? 2 : 1); direction++) {
                    double[][][] parts = cd.decomposition(model, x, word, last, direction == 1);
                    for (int k = 0; k < shape.hidden(); k++) {
                        double w = model.fcWeight(c, direction * shape.hidden() + k);
                        total += w * (parts[0][x.length() - 1][k] + parts[1][x.length() - 1][k]);
                    }
                }
                assertThat(total).as("%s c=%d word %d", shape, c, word)
                        .isCloseTo(model.predict(x)[c] - model.fcBias(c), within(1e-12));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lstmShapes")
    void cd_equals_the_authors_algorithm_with_the_papers_stop_index_fix_carried_up_the_layers(NetworkShape shape) {
        RecurrentNetwork model = TestModels.random(shape, 720 + shape.seed(), 1.5, true);
        for (int length : new int[] {1, 2, 7}) {
            Sequence x = TestModels.sequence(length, shape.inputs(), 30L * length + shape.layers());
            for (int c = 0; c < shape.outputs(); c++) {
                Relevance r = cd.explain(model, x, c);
                for (int word = 0; word < length; word++) {
                    double expected = referenceScore(model, x, word, c);
                    assertThat(r.step(word)).as("%s T=%d word %d", shape, length, word)
                            .isCloseTo(expected, within(1e-12));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lstmShapes")
    void on_a_single_step_the_word_gets_the_whole_output_without_its_bias(NetworkShape shape) {
        RecurrentNetwork model = TestModels.random(shape, 730 + shape.seed());
        Sequence x = TestModels.sequence(1, shape.inputs(), 3);
        for (int c = 0; c < shape.outputs(); c++) {
            assertThat(cd.explain(model, x, c).step(0)).as("%s c=%d", shape, c)
                    .isCloseTo(model.predict(x)[c] - model.fcBias(c), within(1e-12));
        }
    }

    @Test
    void cd_refuses_a_black_box_model() {
        RecurrentNetwork model = TestModels.random(TestModels.SHAPES[0], 1);
        assertThatThrownBy(() -> cd.explain(TestModels.blackBox(model), TestModels.sequence(3, 2, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cd")
                .hasMessageContaining("RecurrentNetwork");
    }

    @Test
    void cd_does_not_support_a_gru_because_murdoch_et_al_decompose_the_lstms_gates_and_refuses_to_explain_one() {
        for (NetworkShape shape : TestModels.SHAPES) {
            RecurrentNetwork model = TestModels.random(shape, 2);
            if (shape.kind() == CellKind.LSTM) {
                assertThat(cd.supports(model)).as("%s", shape).isTrue();
                continue;
            }
            assertThat(cd.supports(model)).as("%s", shape).isFalse();
            assertThatThrownBy(() -> cd.explain(model, TestModels.sequence(3, shape.inputs(), 1), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cd: ")
                    .hasMessageContaining("defined for LSTMs")
                    .hasMessageContaining("GRU");
        }
    }

    /**
     * The authors' {@code CD(batch, model, start, stop)} (train_model/sent_util.py) for one
     * direction, written out anew, with the input of each step given as its relevant and
     * irrelevant parts (layer 0: x_t at the word's row and 0, or 0 and x_t; a layer above: the
     * layer below's β and γ outputs, DESIGN "CD on a stacked LSTM"). The input term and the
     * bias·bias term are relevant iff the step reads the word's row (paper A.3: start ≤ i &lt; stop
     * with stop = start + 1). Returns β and γ of h after every processing step, [0 or 1][s][k].
     */
    private static double[][][] referenceDirection(DirectionWeights w, double[][] relevantIn, double[][] irrelevantIn,
                                                  boolean reversed, int wordRow) {
        int hidden = w.hiddenSize();
        int length = relevantIn.length;
        double[] relC = new double[hidden];
        double[] irrelC = new double[hidden];
        double[] relH = new double[hidden];
        double[] irrelH = new double[hidden];
        double[][][] states = new double[2][length][];
        for (int i = 0; i < length; i++) {
            int t = reversed ? length - 1 - i : i;
            boolean relevantStep = t == wordRow;
            double[] rel = new double[4 * hidden];
            double[] irrel = new double[4 * hidden];
            double[] bias = new double[4 * hidden];
            for (int j = 0; j < 4 * hidden; j++) {
                rel[j] = hh(w, j, relH) + ih(w, j, relevantIn[t]);
                irrel[j] = hh(w, j, irrelH) + ih(w, j, irrelevantIn[t]);
                bias[j] = w.bias(j);
            }
            double[] newRelC = new double[hidden];
            double[] newIrrelC = new double[hidden];
            double[] newRelH = new double[hidden];
            double[] newIrrelH = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                double[] di = decompThree(rel[k], irrel[k], bias[k], ContextualDecompositionExplainerTest::sigmoid);
                double[] dg = decompThree(rel[2 * hidden + k], irrel[2 * hidden + k], bias[2 * hidden + k], Math::tanh);
                double relevant = di[0] * (dg[0] + dg[2]) + di[2] * dg[0];
                double irrelevant = di[1] * (dg[0] + dg[1] + dg[2]) + (di[0] + di[2]) * dg[1];
                if (relevantStep) {
                    relevant += di[2] * dg[2];
                } else {
                    irrelevant += di[2] * dg[2];
                }
                if (i > 0) {
                    double[] df = decompThree(rel[hidden + k], irrel[hidden + k], bias[hidden + k],
                            ContextualDecompositionExplainerTest::sigmoid);
                    relevant += (df[0] + df[2]) * relC[k];
                    irrelevant += (df[0] + df[1] + df[2]) * irrelC[k] + df[1] * relC[k];
                }
                double o = sigmoid(rel[3 * hidden + k] + irrel[3 * hidden + k] + bias[3 * hidden + k]);
                newRelC[k] = relevant;
                newIrrelC[k] = irrelevant;
                newRelH[k] = o * 0.5 * (Math.tanh(relevant) + (Math.tanh(relevant + irrelevant) - Math.tanh(irrelevant)));
                newIrrelH[k] = o * 0.5 * (Math.tanh(irrelevant) + (Math.tanh(relevant + irrelevant) - Math.tanh(relevant)));
            }
            relC = newRelC;
            irrelC = newIrrelC;
            relH = newRelH;
            irrelH = newIrrelH;
            states[0][i] = relH;
            states[1][i] = irrelH;
        }
        return states;
    }

    /** w_c · [forward β_T ; reverse β_T] of the last layer for the word at row {@code word}. */
    private static double referenceScore(RecurrentNetwork model, Sequence x, int word, int c) {
        int length = x.length();
        int hidden = model.hiddenSize();
        double[][] relevant = new double[length][x.dim()];
        double[][] irrelevant = x.toArray();
        relevant[word] = irrelevant[word];
        irrelevant[word] = new double[x.dim()];
        double[][][] forward = null;
        double[][][] reverse = null;
        for (int k = 0; k < model.layerCount(); k++) {
            forward = referenceDirection(model.layer(k).forward(), relevant, irrelevant, false, word);
            reverse = model.isBidirectional()
                    ? referenceDirection(model.layer(k).reverse(), relevant, irrelevant, true, word) : null;
            int features = model.features();
            relevant = new double[length][features];
            irrelevant = new double[length][features];
            for (int t = 0; t < length; t++) {
                System.arraycopy(forward[0][t], 0, relevant[t], 0, hidden);
                System.arraycopy(forward[1][t], 0, irrelevant[t], 0, hidden);
                if (reverse != null) {
                    System.arraycopy(reverse[0][length - 1 - t], 0, relevant[t], hidden, hidden);
                    System.arraycopy(reverse[1][length - 1 - t], 0, irrelevant[t], hidden, hidden);
                }
            }
        }
        double score = 0;
        for (int k = 0; k < hidden; k++) {
            score += model.fcWeight(c, k) * forward[0][length - 1][k];
            if (reverse != null) {
                score += model.fcWeight(c, hidden + k) * reverse[0][length - 1][k];
            }
        }
        return score;
    }

    private static double[] decompThree(double a, double b, double c, DoubleUnaryOperator activation) {
        double aContrib = 0.5 * (activation.applyAsDouble(a + c) - activation.applyAsDouble(c)
                + activation.applyAsDouble(a + b + c) - activation.applyAsDouble(b + c));
        double bContrib = 0.5 * (activation.applyAsDouble(b + c) - activation.applyAsDouble(c)
                + activation.applyAsDouble(a + b + c) - activation.applyAsDouble(a + c));
        return new double[] {aContrib, bContrib, activation.applyAsDouble(c)};
    }

    private static double ih(DirectionWeights w, int row, double[] x) {
        double sum = 0;
        for (int d = 0; d < w.inputSize(); d++) {
            sum += w.weightIh(row, d) * x[d];
        }
        return sum;
    }

    private static double hh(DirectionWeights w, int row, double[] h) {
        double sum = 0;
        for (int k = 0; k < h.length; k++) {
            sum += w.weightHh(row, k) * h[k];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
