package dev.explainunit.train.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.toy.ForwardPassMse;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MseLossGradientTest {

    private static final List<ToySample> SAMPLES = ToyData.generate(ToyTask.SUBTRACTION, Split.TRAIN, 40, 11);

    /** Random parameters of moderate size (the U(−2, 2) of every entry, biases included). */
    private static double[] randomTheta(LstmParameters layout, long seed) {
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
        for (int k = 0; k < theta.length; k++) {
            assertThat(gradient[k]).as("∂L/∂θ[%d]", k)
                    .isCloseTo(numeric[k], within(1e-7 + 1e-6 * Math.abs(numeric[k])));
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 2, 1", "1, 2, 2", "2, 2, 3", "3, 2, 4"})
    void general_backpropagation_through_time_matches_central_differences(int hidden, int inputs, long seed) {
        LstmParameters layout = new LstmParameters(hidden, inputs);
        assertGradientMatchesFiniteDifferences(new LstmMseObjective(SequenceBatch.of(SAMPLES), layout),
                randomTheta(layout, seed));
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "5"})
    void single_unit_backpropagation_through_time_matches_central_differences(long seed) {
        LstmParameters layout = new LstmParameters(1, 2);
        assertGradientMatchesFiniteDifferences(new SingleUnitMseObjective(SequenceBatch.of(SAMPLES)),
                randomTheta(layout, seed));
    }

    @Test
    void single_unit_loss_agrees_with_the_general_one() {
        LstmParameters layout = new LstmParameters(1, 2);
        SequenceBatch batch = SequenceBatch.of(ToyData.generate(ToyTask.ADDITION, Split.TRAIN, 500, 3));
        MseLoss general = new LstmMseObjective(batch, layout);
        MseLoss unrolled = new SingleUnitMseObjective(batch);
        for (long seed = 0; seed < 5; seed++) {
            double[] theta = randomTheta(layout, seed);
            double[] g1 = new double[17];
            double[] g2 = new double[17];
            double v1 = general.valueAndGradient(theta, g1);
            double v2 = unrolled.valueAndGradient(theta, g2);
            assertThat(v2).isCloseTo(v1, within(1e-13 * Math.max(1, v1)));
            for (int k = 0; k < 17; k++) {
                assertThat(g2[k]).as("θ[%d]", k).isCloseTo(g1[k], within(1e-12 * Math.max(1, Math.abs(g1[k]))));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void loss_equals_the_mean_squared_error_of_the_models_own_forward_pass(int hidden) {
        LstmParameters layout = new LstmParameters(hidden, 2);
        List<ToySample> samples = ToyData.generate(ToyTask.ADDITION, Split.TEST, 200, 4);
        double[] theta = randomTheta(layout, 9);
        Lstm model = layout.toLstm(theta);
        double expected = ForwardPassMse.of(model, samples);
        MseLoss loss = MseLoss.create(SequenceBatch.of(samples), layout);
        assertThat(loss.value(theta)).isCloseTo(expected, within(1e-13 * expected));
    }

    @Test
    void parameter_vector_round_trips_through_the_model_with_the_bias_in_bias_ih() {
        LstmParameters layout = new LstmParameters(1, 2);
        assertThat(layout.count()).isEqualTo(17);
        double[] theta = randomTheta(layout, 1);
        Lstm model = layout.toLstm(theta);
        assertThat(model.forwardDirection().biasIh(2)).isEqualTo(theta[layout.biasOffset() + 2]);
        assertThat(model.forwardDirection().biasHh(2)).isZero();
        assertThat(model.hasFcBias()).isFalse();
        assertThat(layout.fromLstm(model)).containsExactly(theta);
    }

    @Test
    void initialisation_draws_weights_from_minus_one_to_one_and_zero_biases() {
        LstmParameters layout = new LstmParameters(1, 2);
        List<Double> weights = new ArrayList<>();
        for (long seed = 0; seed < 200; seed++) {
            double[] theta = layout.initial(seed);
            for (int k = 0; k < theta.length; k++) {
                if (k >= layout.biasOffset() && k < layout.fcOffset()) {
                    assertThat(theta[k]).isZero();
                } else {
                    weights.add(theta[k]);
                }
            }
        }
        assertThat(weights).allSatisfy(w -> assertThat(w).isBetween(-1.0, 1.0));
        double mean = weights.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // U(−1, 1) has mean 0 and standard deviation 1/√3; 5 standard errors
        assertThat(mean).isCloseTo(0, within(5 / Math.sqrt(3 * weights.size())));
        assertThat(layout.initial(7)).containsExactly(layout.initial(7));
    }

    @Test
    void batch_rejects_mixed_input_sizes() {
        List<ToySample> mixed = new ArrayList<>(SAMPLES.subList(0, 2));
        mixed.add(new ToySample(Sequence.of(new double[][] {{1, 0, 0}, {0, 1, 0}}), 0, 1, 1, 1, 0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SequenceBatch.of(mixed))
                .hasMessageContaining("sample 2 has 3 inputs");
    }
}
