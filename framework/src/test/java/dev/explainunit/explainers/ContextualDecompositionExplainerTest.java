package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.DirectionWeights;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ContextualDecompositionExplainerTest {

    private final ContextualDecompositionExplainer cd = new ContextualDecompositionExplainer();

    @Test
    void relevant_and_irrelevant_parts_add_up_to_the_hidden_state_at_every_step() {
        for (int m = 0; m < TestModels.SHAPES.length; m++) {
            TestModels.Shape shape = TestModels.SHAPES[m];
            RecurrentNetwork model = TestModels.random(shape, 700 + m, 1.5, true);
            Sequence x = TestModels.sequence(9, shape.inputs(), m);
            double[][] forward = hiddenStates(model.layer(0).forward(), x, false);
            double[][] reverse = shape.bidirectional() ? hiddenStates(model.layer(0).reverse(), x, true) : null;
            for (int word = 0; word < x.length(); word++) {
                checkParts(cd.decomposition(model, x, word, false), forward, shape, word);
                if (shape.bidirectional()) {
                    checkParts(cd.decomposition(model, x, word, true), reverse, shape, word);
                }
            }
        }
    }

    private static void checkParts(double[][][] parts, double[][] h, TestModels.Shape shape, int word) {
        for (int s = 0; s < h.length; s++) {
            for (int k = 0; k < shape.hidden(); k++) {
                assertThat(parts[0][s][k] + parts[1][s][k]).as("%s word %d step %d unit %d", shape, word, s, k)
                        .isCloseTo(h[s][k], within(1e-12));
            }
        }
    }

    @Test
    void relevant_plus_irrelevant_scores_equal_the_output_without_its_bias() {
        for (int m = 0; m < TestModels.SHAPES.length; m++) {
            TestModels.Shape shape = TestModels.SHAPES[m];
            RecurrentNetwork model = TestModels.random(shape, 710 + m);
            Sequence x = TestModels.sequence(6, shape.inputs(), 20 + m);
            for (int c = 0; c < shape.outputs(); c++) {
                for (int word = 0; word < x.length(); word++) {
                    double total = 0;
                    for (int direction = 0; direction < (shape.bidirectional() ? 2 : 1); direction++) {
                        double[][][] parts = cd.decomposition(model, x, word, direction == 1);
                        for (int k = 0; k < shape.hidden(); k++) {
                            double w = model.fcWeight(c, direction * shape.hidden() + k);
                            total += w * (parts[0][x.length() - 1][k] + parts[1][x.length() - 1][k]);
                        }
                    }
                    assertThat(total).isCloseTo(model.predict(x)[c] - model.fcBias(c), within(1e-12));
                }
            }
        }
    }

    @Test
    void cd_equals_the_authors_algorithm_with_the_papers_stop_index_fix() {
        for (int m = 0; m < TestModels.SHAPES.length; m++) {
            TestModels.Shape shape = TestModels.SHAPES[m];
            RecurrentNetwork model = TestModels.random(shape, 720 + m, 1.5, true);
            for (int length : new int[] {1, 2, 7}) {
                Sequence x = TestModels.sequence(length, shape.inputs(), 30L * length + m);
                for (int c = 0; c < shape.outputs(); c++) {
                    Relevance r = cd.explain(model, x, c);
                    for (int word = 0; word < length; word++) {
                        double expected = referenceScore(model, x, word, c);
                        assertThat(r.step(word)).as("%s T=%d word %d", shape, length, word).isCloseTo(expected, within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void on_a_single_step_the_word_gets_the_whole_output_without_its_bias() {
        TestModels.Shape shape = TestModels.SHAPES[1];
        RecurrentNetwork model = TestModels.random(shape, 730);
        Sequence x = TestModels.sequence(1, shape.inputs(), 3);
        for (int c = 0; c < shape.outputs(); c++) {
            assertThat(cd.explain(model, x, c).step(0)).isCloseTo(model.predict(x)[c] - model.fcBias(c), within(1e-12));
        }
    }

    @Test
    void cd_refuses_a_model_that_is_not_an_lstm() {
        RecurrentNetwork model = TestModels.random(TestModels.SHAPES[0], 1);
        assertThatThrownBy(() -> cd.explain(TestModels.blackBox(model), TestModels.sequence(3, 2, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cd").hasMessageContaining("RecurrentNetwork");
    }

    /** h after every step of one direction, recomputed from the weights (row s = after step s). */
    private static double[][] hiddenStates(DirectionWeights w, Sequence x, boolean reversed) {
        int hidden = w.hiddenSize();
        double[][] states = new double[x.length()][hidden];
        double[] h = new double[hidden];
        double[] c = new double[hidden];
        for (int s = 0; s < x.length(); s++) {
            int t = reversed ? x.length() - 1 - s : s;
            double[] z = new double[4 * hidden];
            for (int j = 0; j < 4 * hidden; j++) {
                z[j] = w.bias(j) + dot(w, j, x, t) + hh(w, j, h);
            }
            for (int k = 0; k < hidden; k++) {
                c[k] = sigmoid(z[hidden + k]) * c[k] + sigmoid(z[k]) * Math.tanh(z[2 * hidden + k]);
            }
            for (int k = 0; k < hidden; k++) {
                h[k] = sigmoid(z[3 * hidden + k]) * Math.tanh(c[k]);
            }
            states[s] = h.clone();
        }
        return states;
    }

    /**
     * The authors' {@code CD(batch, model, start, stop)} (train_model/sent_util.py) for one
     * direction, written out anew: start = processing step of the word, stop = start + 1, and the
     * input term is relevant iff start ≤ i &lt; stop (paper A.3). Returns w_c · β_T.
     */
    private static double referenceDirection(DirectionWeights w, Sequence x, boolean reversed, int start, int stop,
                                              RecurrentNetwork model, int c, int fcOffset) {
        int hidden = w.hiddenSize();
        int length = x.length();
        double[] relC = new double[hidden], irrelC = new double[hidden];
        double[] relH = new double[hidden], irrelH = new double[hidden];
        for (int i = 0; i < length; i++) {
            int t = reversed ? length - 1 - i : i;
            double[] rel = new double[4 * hidden], irrel = new double[4 * hidden], bias = new double[4 * hidden];
            for (int j = 0; j < 4 * hidden; j++) {
                rel[j] = hh(w, j, relH);
                irrel[j] = hh(w, j, irrelH);
                if (i >= start && i < stop) {
                    rel[j] += dot(w, j, x, t);
                } else {
                    irrel[j] += dot(w, j, x, t);
                }
                bias[j] = w.bias(j);
            }
            double[] newRelC = new double[hidden], newIrrelC = new double[hidden];
            double[] newRelH = new double[hidden], newIrrelH = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                double[] di = decompThree(rel[k], irrel[k], bias[k], ContextualDecompositionExplainerTest::sigmoid);
                double[] dg = decompThree(rel[2 * hidden + k], irrel[2 * hidden + k], bias[2 * hidden + k], Math::tanh);
                double relevant = di[0] * (dg[0] + dg[2]) + di[2] * dg[0];
                double irrelevant = di[1] * (dg[0] + dg[1] + dg[2]) + (di[0] + di[2]) * dg[1];
                if (i >= start && i < stop) {
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
                double o = sigmoid(dot(w, 3 * hidden + k, x, t) + hh(w, 3 * hidden + k, relH)
                        + hh(w, 3 * hidden + k, irrelH) + bias[3 * hidden + k]);
                newRelC[k] = relevant;
                newIrrelC[k] = irrelevant;
                newRelH[k] = o * 0.5 * (Math.tanh(relevant) + (Math.tanh(relevant + irrelevant) - Math.tanh(irrelevant)));
                newIrrelH[k] = o * 0.5 * (Math.tanh(irrelevant) + (Math.tanh(relevant + irrelevant) - Math.tanh(relevant)));
            }
            relC = newRelC;
            irrelC = newIrrelC;
            relH = newRelH;
            irrelH = newIrrelH;
        }
        double score = 0;
        for (int k = 0; k < hidden; k++) {
            score += model.fcWeight(c, fcOffset + k) * relH[k];
        }
        return score;
    }

    private static double referenceScore(RecurrentNetwork model, Sequence x, int word, int c) {
        double score = referenceDirection(model.layer(0).forward(), x, false, word, word + 1, model, c, 0);
        if (model.isBidirectional()) {
            int start = x.length() - 1 - word;
            score += referenceDirection(model.layer(0).reverse(), x, true, start, start + 1, model, c, model.hiddenSize());
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

    private static double dot(DirectionWeights w, int row, Sequence x, int t) {
        double sum = 0;
        for (int d = 0; d < w.inputSize(); d++) {
            sum += w.weightIh(row, d) * x.get(t, d);
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
