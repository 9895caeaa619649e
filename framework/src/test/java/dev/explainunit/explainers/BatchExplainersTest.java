package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.BatchExplainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.RandomNetworks;
import dev.explainunit.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch path of the built-in gradient and LRP explainers: element k of a batch has the bits of
 * {@code explain(model, inputs.get(k), targets[k])}, for every step, input and rest, on random
 * models and batches of mixed lengths (groups of one input, of exactly and of more than
 * {@value BatchWorkspace#LANES} inputs of one length, length 1).
 */
class BatchExplainersTest {

    /** Random models of four outputs: LSTMs and GRUs, one and two layers, H = 1 and the paper's sentence size among them. */
    private static final NetworkShape[] SHAPES = {
            new NetworkShape(CellKind.LSTM, 1, 2, 1, 4, false, true, true),
            new NetworkShape(CellKind.LSTM, 1, 2, 1, 4, true, true, true),
            new NetworkShape(CellKind.LSTM, 1, 1, 3, 4, true, true, true),
            new NetworkShape(CellKind.LSTM, 1, 6, 3, 4, false, true, true),
            new NetworkShape(CellKind.LSTM, 1, 5, 60, 4, true, true, true),
            new NetworkShape(CellKind.LSTM, 1, 60, 60, 4, true, true, true),
            new NetworkShape(CellKind.LSTM, 2, 3, 5, 4, true, true, true),
            new NetworkShape(CellKind.LSTM, 2, 2, 1, 4, false, true, true),
            new NetworkShape(CellKind.GRU, 1, 2, 1, 4, true, true, true),
            new NetworkShape(CellKind.GRU, 1, 6, 3, 4, false, true, true),
            new NetworkShape(CellKind.GRU, 2, 3, 5, 4, true, true, true),
    };

    private static List<BatchExplainer> explainers() {
        List<BatchExplainer> explainers = new ArrayList<>();
        explainers.add(new GradientExplainer());
        explainers.add(new GradientTimesInputExplainer());
        for (LrpRule rule : LrpRule.values()) {
            explainers.add(new LrpExplainer(rule, 0.001, 0));
            explainers.add(new LrpExplainer(rule, 0.2, 1));
            explainers.add(new LrpExplainer(rule, 0, 0.5));
        }
        return explainers;
    }

    /** Lengths of a batch: 19 inputs of length 6 (groups of 8, 8, 3), 8 of length 3, single ones, length 1. */
    private static List<Sequence> mixedBatch(Random random, int dim) {
        List<Sequence> inputs = new ArrayList<>();
        int[] lengths = {6, 1, 3, 11, 6, 2, 1};
        int[] counts = {12, 1, 8, 1, 7, 1, 2};
        for (int g = 0; g < lengths.length; g++) {
            for (int k = 0; k < counts[g]; k++) {
                inputs.add(RandomNetworks.sequence(random, lengths[g], dim));
            }
        }
        java.util.Collections.shuffle(inputs, random);
        return inputs;
    }

    @Test
    void every_element_of_a_batch_has_the_bits_of_the_single_explanation() {
        Random random = new Random(5);
        for (NetworkShape shape : SHAPES) {
            RecurrentNetwork model = RandomNetworks.network(random, shape, 0.7);
            List<Sequence> inputs = mixedBatch(random, shape.inputs());
            int[] targets = random.ints(inputs.size(), 0, 4).toArray();
            int[] targetsBefore = targets.clone();
            for (BatchExplainer explainer : explainers()) {
                List<Relevance> batch = explainer.explain(model, inputs, targets);

                assertThat(batch).hasSize(inputs.size());
                for (int k = 0; k < inputs.size(); k++) {
                    Relevance alone = explainer.explain(model, inputs.get(k), targets[k]);
                    String where = explainer + " " + shape + " input " + k + " (T=" + inputs.get(k).length() + ")";
                    assertSameBits(batch.get(k), alone, where);
                }
            }
            assertThat(targets).isEqualTo(targetsBefore);
        }
    }

    @Test
    void lrp_conserves_the_output_on_the_batch_path() {
        Random random = new Random(8);
        for (NetworkShape shape : new NetworkShape[] {NetworkShape.lstm(7, 60, 5, false), NetworkShape.lstm(7, 60, 5, true),
                new NetworkShape(CellKind.GRU, 2, 7, 20, 5, true, true, true)}) {
            RecurrentNetwork model = RandomNetworks.network(random, shape, 0.3);
            List<Sequence> inputs = mixedBatch(random, 7);
            int[] targets = random.ints(inputs.size(), 0, 5).toArray();
            for (LrpRule rule : LrpRule.values()) {
                for (double biasFactor : new double[] {0, 1}) {
                    // PROP with the paper's ε = 0.2: with a small ε it may divide by nearly 0 (see LrpExplainer)
                    double eps = rule == LrpRule.PROP ? 0.2 : 0.01;
                    List<Relevance> batch = new LrpExplainer(rule, eps, biasFactor).explain(model, inputs, targets);
                    for (int k = 0; k < inputs.size(); k++) {
                        Relevance r = batch.get(k);
                        double output = model.predict(inputs.get(k))[targets[k]];
                        assertThat(r.sum() + r.rest().getAsDouble()).as("%s β=%s input %d", rule, biasFactor, k)
                                .isCloseTo(output, within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void gradient_times_input_of_the_batch_path_matches_finite_differences() {
        Random random = new Random(9);
        RecurrentNetwork model = RandomNetworks.network(random, new NetworkShape(CellKind.GRU, 2, 3, 5, 2, true, true, true), 0.6);
        List<Sequence> inputs = mixedBatch(random, 3);
        int[] targets = random.ints(inputs.size(), 0, 2).toArray();
        List<Relevance> batch = new GradientTimesInputExplainer().explain(model, inputs, targets);
        for (int k = 0; k < inputs.size(); k += 5) {
            double[][] gradient = TestModels.finiteDifferenceGradient(model, inputs.get(k), targets[k]);
            double[][] x = inputs.get(k).toArray();
            for (int t = 0; t < x.length; t++) {
                for (int d = 0; d < x[t].length; d++) {
                    assertThat(batch.get(k).input(t, d)).as("input %d (%d, %d)", k, t, d)
                            .isCloseTo(gradient[t][d] * x[t][d], within(1e-6));
                }
            }
        }
    }

    @Test
    void an_empty_batch_gives_no_relevances() {
        RecurrentNetwork model = RandomNetworks.lstm(new Random(1), 2, 3, 2, false, 0.5);
        for (BatchExplainer explainer : explainers()) {
            assertThat(explainer.explain(model, List.of(), new int[0])).isEmpty();
        }
    }

    @Test
    void a_bad_target_in_a_batch_is_refused_naming_the_input() {
        Random random = new Random(2);
        RecurrentNetwork model = RandomNetworks.lstm(random, 2, 3, 2, false, 0.5);
        List<Sequence> inputs = List.of(RandomNetworks.sequence(random, 3, 2), RandomNetworks.sequence(random, 3, 2));

        for (BatchExplainer explainer : explainers()) {
            assertThatThrownBy(() -> explainer.explain(model, inputs, new int[] {0, 2}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input 1 of the batch: " + explainer.id()
                            + ": target 2 is outside [0, 2), the model's outputs");
            assertThatThrownBy(() -> explainer.explain(model, inputs, new int[] {0}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(explainer.id() + ": 2 inputs but 1 targets");
        }
    }

    @Test
    void groups_hold_inputs_of_one_length_in_their_order_and_at_most_the_given_number() {
        Random random = new Random(4);
        List<Sequence> inputs = mixedBatch(random, 2);
        List<int[]> groups = EqualLengthGroups.of(inputs, 8);

        List<Integer> seen = new ArrayList<>();
        for (int[] group : groups) {
            assertThat(group.length).isBetween(1, 8);
            for (int k = 0; k < group.length; k++) {
                assertThat(inputs.get(group[k]).length()).isEqualTo(inputs.get(group[0]).length());
                if (k > 0) {
                    assertThat(group[k]).isGreaterThan(group[k - 1]);
                }
                seen.add(group[k]);
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, inputs.size())
                .boxed().toList());
        // 19 of length 6 in groups of 8, 8 and 3
        assertThat(groups.stream().filter(g -> inputs.get(g[0]).length() == 6).map(g -> g.length).toList())
                .containsExactly(8, 8, 3);
    }

    private static void assertSameBits(Relevance actual, Relevance expected, String where) {
        assertThat(actual.length()).as(where).isEqualTo(expected.length());
        assertThat(actual.hasPerInput()).as(where).isEqualTo(expected.hasPerInput());
        for (int t = 0; t < expected.length(); t++) {
            assertThat(Double.doubleToRawLongBits(actual.step(t))).as("%s step %d", where, t)
                    .isEqualTo(Double.doubleToRawLongBits(expected.step(t)));
            for (int d = 0; d < expected.inputCount(t); d++) {
                assertThat(Double.doubleToRawLongBits(actual.input(t, d))).as("%s (%d, %d)", where, t, d)
                        .isEqualTo(Double.doubleToRawLongBits(expected.input(t, d)));
            }
        }
        assertThat(actual.rest().isPresent()).as(where).isEqualTo(expected.rest().isPresent());
        if (expected.rest().isPresent()) {
            assertThat(Double.doubleToRawLongBits(actual.rest().getAsDouble())).as(where + " rest")
                    .isEqualTo(Double.doubleToRawLongBits(expected.rest().getAsDouble()));
        }
        assertThat(actual).as(where).isEqualTo(expected);
    }
}
