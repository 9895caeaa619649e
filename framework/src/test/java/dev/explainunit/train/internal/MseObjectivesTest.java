package dev.explainunit.train.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.toy.ForwardPassMse;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.toy.ToyTask;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MseObjectivesTest {

    private static final List<ToySample> SAMPLES = ToyData.generate(ToyTask.SUBTRACTION, Split.TRAIN, 40, 11);

    /** Random parameters of moderate size (U(−2, 2) for every entry, biases included). */
    private static double[] randomTheta(NetworkParameters layout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[layout.count()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 4 * random.nextDouble() - 2;
        }
        return theta;
    }

    /** Central differences (L(θ + h e_k) − L(θ − h e_k)) / 2h, error O(h²). */
    private static double[] centralDifferences(MseLoss loss, double[] theta) {
        double h = 1e-6;
        double[] numeric = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            numeric[k] = (loss.value(plus) - loss.value(minus)) / (2 * h);
        }
        return numeric;
    }

    private static void assertGradientMatchesFiniteDifferences(MseLoss loss, double[] theta) {
        double[] gradient = new double[theta.length];
        double value = loss.valueAndGradient(theta, gradient);
        assertThat(value).isEqualTo(loss.value(theta));
        double[] numeric = centralDifferences(loss, theta);
        double largest = 0;
        for (int k = 0; k < theta.length; k++) {
            largest = Math.max(largest, Math.abs(numeric[k]));
            assertThat(gradient[k]).as("∂L/∂θ[%d] of %d", k, theta.length)
                    .isCloseTo(numeric[k], within(1e-7 + 1e-6 * Math.abs(numeric[k])));
        }
        assertThat(largest).as("the check is not vacuous").isGreaterThan(1e-3);
    }

    @ParameterizedTest(name = "{0}, L = {1}, H = {2}")
    @CsvSource({"LSTM, 1, 1, 1", "LSTM, 1, 3, 2", "LSTM, 2, 1, 3", "LSTM, 2, 2, 4", "GRU, 1, 1, 5", "GRU, 1, 3, 6",
            "GRU, 2, 1, 7", "GRU, 2, 2, 8"})
    void general_backpropagation_through_time_matches_central_differences(CellKind cell, int layers, int hidden,
                                                                          long seed) {
        NetworkParameters layout = new NetworkParameters(cell, layers, hidden, 2);
        assertGradientMatchesFiniteDifferences(new NetworkMseObjective(SequenceBatch.of(SAMPLES), layout),
                randomTheta(layout, seed));
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "5"})
    void single_unit_backpropagation_through_time_matches_central_differences(long seed) {
        NetworkParameters layout = new NetworkParameters(CellKind.LSTM, 1, 1, 2);
        assertGradientMatchesFiniteDifferences(new SingleUnitMseObjective(SequenceBatch.of(SAMPLES)),
                randomTheta(layout, seed));
    }

    /**
     * The specialised copy of the paper's model, {@link SingleUnitMseObjective}, pinned to the general
     * objective to 1e-12 relative: the value, and every gradient entry relative to the gradient's
     * largest entry, on random parameters and on the paper's initialisation.
     */
    @ParameterizedTest(name = "{0}, θ {1}")
    @CsvSource({"ADDITION, random", "SUBTRACTION, random", "ADDITION, initial", "SUBTRACTION, initial"})
    void single_unit_objective_agrees_with_the_general_one(ToyTask task, String start) {
        NetworkParameters layout = new NetworkParameters(CellKind.LSTM, 1, 1, 2);
        assertThat(SingleUnitMseObjective.supports(layout)).isTrue();
        SequenceBatch batch = SequenceBatch.of(ToyData.generate(task, Split.TRAIN, 500, 3));
        MseLoss general = new NetworkMseObjective(batch, layout);
        MseLoss unrolled = new SingleUnitMseObjective(batch);
        assertThat(MseLoss.create(batch, layout)).isInstanceOf(SingleUnitMseObjective.class);
        for (long seed = 0; seed < 5; seed++) {
            double[] theta = "random".equals(start) ? randomTheta(layout, seed) : layout.initial(seed);
            double[] g1 = new double[17];
            double[] g2 = new double[17];
            double v1 = general.valueAndGradient(theta, g1);
            double v2 = unrolled.valueAndGradient(theta, g2);
            assertThat(v2).isCloseTo(v1, within(1e-12 * Math.abs(v1)));
            assertThat(unrolled.value(theta)).isEqualTo(v2);
            // relative to the gradient's scale: an entry that is a sum of terms cancelling to 1e-8
            // carries their rounding, which the two objectives sum in different orders
            double scale = 0;
            for (double g : g1) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int k = 0; k < 17; k++) {
                assertThat(g2[k]).as("θ[%d]", k).isCloseTo(g1[k], within(1e-12 * scale));
            }
        }
    }

    @Test
    void every_other_architecture_gets_the_general_objective() {
        SequenceBatch batch = SequenceBatch.of(SAMPLES);
        assertThat(MseLoss.create(batch, new NetworkParameters(CellKind.GRU, 1, 1, 2)))
                .isInstanceOf(NetworkMseObjective.class);
        assertThat(MseLoss.create(batch, new NetworkParameters(CellKind.LSTM, 2, 1, 2)))
                .isInstanceOf(NetworkMseObjective.class);
        assertThat(MseLoss.create(batch, new NetworkParameters(CellKind.LSTM, 1, 2, 2)))
                .isInstanceOf(NetworkMseObjective.class);
    }

    @ParameterizedTest(name = "{0}, L = {1}, H = {2}")
    @CsvSource({"LSTM, 1, 1", "LSTM, 1, 2", "LSTM, 2, 1", "GRU, 1, 1", "GRU, 2, 2"})
    void loss_equals_the_mean_squared_error_of_the_models_own_forward_pass(CellKind cell, int layers, int hidden) {
        NetworkParameters layout = new NetworkParameters(cell, layers, hidden, 2);
        List<ToySample> samples = ToyData.generate(ToyTask.ADDITION, Split.TEST, 200, 4);
        double[] theta = randomTheta(layout, 9);
        RecurrentNetwork model = layout.toNetwork(theta);
        double expected = ForwardPassMse.of(model, samples);
        MseLoss loss = MseLoss.create(SequenceBatch.of(samples), layout);
        assertThat(loss.value(theta)).isCloseTo(expected, within(1e-13 * expected));
    }

    @Test
    void the_papers_parameter_vector_round_trips_through_the_model_with_the_bias_in_bias_ih() {
        NetworkParameters layout = new NetworkParameters(CellKind.LSTM, 1, 1, 2);
        assertThat(layout.count()).isEqualTo(17);
        double[] theta = randomTheta(layout, 1);
        RecurrentNetwork model = layout.toNetwork(theta);
        assertThat(model.layer(0).forward().biasIh(2)).isEqualTo(theta[layout.biasOffset(0) + 2]);
        assertThat(model.layer(0).forward().biasHh(2)).isZero();
        assertThat(model.hasFcBias()).isFalse();
        assertThat(layout.fromNetwork(model)).containsExactly(theta);
    }

    @Test
    void a_grus_parameter_vector_holds_b_ih_and_the_n_block_of_b_hh() {
        NetworkParameters layout = new NetworkParameters(CellKind.GRU, 1, 1, 2);
        // W_ih 3x2, W_hh 3x1, b_ih 3, b_hn 1, fc 1
        assertThat(layout.count()).isEqualTo(14);
        assertThat(layout.candidateBiasOffset(0)).isEqualTo(12);
        double[] theta = randomTheta(layout, 2);
        RecurrentNetwork model = layout.toNetwork(theta);
        DirectionWeights w = model.layer(0).forward();
        assertThat(model.cellKind()).isEqualTo(CellKind.GRU);
        for (int j = 0; j < 3; j++) {
            assertThat(w.biasIh(j)).isEqualTo(theta[9 + j]);
        }
        assertThat(w.biasHh(0)).isZero();
        assertThat(w.biasHh(1)).isZero();
        assertThat(w.biasHh(2)).isEqualTo(theta[12]);
        assertThat(layout.fromNetwork(model)).containsExactly(theta);

        NetworkParameters two = new NetworkParameters(CellKind.GRU, 2, 2, 2);
        // layer 0: 6x2 + 6x2 + 6 + 2 = 32; layer 1: 6x2 + 6x2 + 6 + 2 = 32; fc 2
        assertThat(two.count()).isEqualTo(66);
        assertThat(two.weightIhOffset(1)).isEqualTo(32);
        double[] deep = randomTheta(two, 3);
        assertThat(two.fromNetwork(two.toNetwork(deep))).containsExactly(deep);
    }

    @Test
    void a_two_layer_lstms_second_layer_reads_the_first_layers_h() {
        NetworkParameters layout = new NetworkParameters(CellKind.LSTM, 2, 1, 2);
        // layer 0: 4x2 + 4x1 + 4 = 16; layer 1: 4x1 + 4x1 + 4 = 12; fc 1
        assertThat(layout.count()).isEqualTo(29);
        assertThat(layout.layerInputs(1)).isEqualTo(1);
        RecurrentNetwork model = layout.toNetwork(randomTheta(layout, 4));
        assertThat(model.layerCount()).isEqualTo(2);
        assertThat(model.layer(1).inputSize()).isEqualTo(1);
        assertThat(layout.architecture().describe()).isEqualTo("2-layer LSTM, H = 1");
    }

    @Test
    void folded_bias_vectors_of_a_model_give_the_same_function() {
        NetworkParameters layout = new NetworkParameters(CellKind.GRU, 1, 2, 2);
        double[] theta = randomTheta(layout, 5);
        RecurrentNetwork trained = layout.toNetwork(theta);
        DirectionWeights w = trained.layer(0).forward();
        org.ejml.data.DMatrixRMaj biasHh = w.biasHh();
        for (int j = 0; j < 4; j++) {
            biasHh.data[j] = 0.25 * (j + 1); // r and z rows of b_hh, folded into b_ih by fromNetwork
        }
        RecurrentNetwork both = RecurrentNetwork.singleLayer(DirectionWeights.gru(w.weightIh(), w.weightHh(),
                w.biasIh(), biasHh), null, trained.fcWeight(), null);
        RecurrentNetwork folded = layout.toNetwork(layout.fromNetwork(both));
        Sequence x = SAMPLES.get(0).sequence();
        assertThat(folded.predict(x)[0]).isCloseTo(both.predict(x)[0], within(1e-14));
    }

    @ParameterizedTest(name = "{0}, L = {1}, H = {2}")
    @CsvSource({"LSTM, 1, 1", "LSTM, 2, 1", "GRU, 1, 1", "GRU, 2, 3"})
    void initialisation_draws_weights_from_minus_one_to_one_and_zero_biases(CellKind cell, int layers, int hidden) {
        NetworkParameters layout = new NetworkParameters(cell, layers, hidden, 2);
        List<Double> weights = new ArrayList<>();
        int biases = 0;
        for (long seed = 0; seed < 200; seed++) {
            double[] theta = layout.initial(seed);
            for (int k = 0; k < theta.length; k++) {
                if (layout.isBias(k)) {
                    assertThat(theta[k]).isZero();
                    biases++;
                } else {
                    weights.add(theta[k]);
                }
            }
        }
        int rows = cell.gates() * hidden;
        assertThat(biases).isEqualTo(200 * layers * (rows + (cell == CellKind.GRU ? hidden : 0)));
        assertThat(weights).allSatisfy(w -> assertThat(w).isBetween(-1.0, 1.0));
        double mean = weights.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // U(−1, 1) has mean 0 and standard deviation 1/√3; 5 standard errors
        assertThat(mean).isCloseTo(0, within(5 / Math.sqrt(3 * weights.size())));
        assertThat(layout.initial(7)).containsExactly(layout.initial(7));
    }

    /** The paper's model draws as version 0.1 did: nextDouble() once per weight in θ order, biases θ[12..15] = 0. */
    @Test
    void the_papers_initialisation_draws_what_version_0_1_drew() {
        NetworkParameters layout = new NetworkParameters(CellKind.LSTM, 1, 1, 2);
        SplittableRandom random = new SplittableRandom(42);
        double[] expected = new double[17];
        for (int k = 0; k < 17; k++) {
            expected[k] = k >= 12 && k < 16 ? 0 : 2 * random.nextDouble() - 1;
        }
        assertThat(layout.initial(42)).containsExactly(expected);
    }

    @Test
    void a_parameter_that_is_not_finite_gives_a_loss_that_is_not_either() {
        NetworkParameters layout = new NetworkParameters(CellKind.GRU, 1, 1, 2);
        double[] theta = randomTheta(layout, 1);
        theta[3] = Double.POSITIVE_INFINITY;
        double[] gradient = new double[theta.length];
        assertThat(new NetworkMseObjective(SequenceBatch.of(SAMPLES), layout).valueAndGradient(theta, gradient))
                .isNaN();
    }

    @Test
    void batch_and_layouts_refuse_what_does_not_fit() {
        List<ToySample> mixed = new ArrayList<>(SAMPLES.subList(0, 2));
        mixed.add(new ToySample(Sequence.of(new double[][] {{1, 0, 0}, {0, 1, 0}}), 0, 1, 1, 1, 0));
        assertThatThrownBy(() -> SequenceBatch.of(mixed)).hasMessageContaining("sample 2 has 3 inputs");
        assertThatThrownBy(() -> new NetworkParameters(CellKind.GRU, 0, 1, 2)).hasMessageContaining("L=0");
        NetworkParameters lstm = new NetworkParameters(CellKind.LSTM, 1, 1, 2);
        assertThatThrownBy(() -> lstm.candidateBiasOffset(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lstm.fromNetwork(new NetworkParameters(CellKind.GRU, 1, 1, 2)
                .toNetwork(new double[14]))).hasMessageContaining("1-layer GRU");
        assertThatThrownBy(() -> new NetworkMseObjective(SequenceBatch.of(SAMPLES), new NetworkParameters(
                CellKind.LSTM, 1, 1, 3))).hasMessageContaining("3");
    }
}
