package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationTest {

    /**
     * At and above 1/16 the error of e = exp(−2|x|) (≤ 1 ulp of e ≤ 1.1e-16) is amplified by 1/(1 − e)
     * ≤ 1/(1 − exp(−1/8)) = 8.5 in the relative error, plus three roundings: ≤ 1.3e-15.
     */
    private static final double RELATIVE_ERROR = 1.3e-15;

    /**
     * Below 1/16, e = exp(−2|x|) lies in (0.88, 1], so 1 − e is exact and the error of e (≤ 1 ulp =
     * 1.1e-16) reaches t = (1 − e)/(1 + e) scaled by 2/(1 + e)² ≤ 0.57, plus two roundings of
     * t ≤ 0.0625: ≤ 7.7e-17; the reference Math.tanh adds at most 2.5 ulp of 0.0625 (1.7e-17).
     */
    private static final double ABSOLUTE_ERROR_NEAR_ZERO = 1e-16;

    @Test
    void tanh_agrees_with_the_jdk_to_the_analysed_relative_error_from_one_sixteenth_and_absolute_error_below() {
        Random random = new Random(17);
        for (int k = 0; k < 200_000; k++) {
            // log-uniform magnitudes from 1e-300 to 40, both signs
            double x = Math.copySign(Math.pow(10, -300 + 301.6 * random.nextDouble()), random.nextDouble() - 0.5);
            double expected = Math.tanh(x);
            double tolerance = Math.abs(x) < 0.0625 ? ABSOLUTE_ERROR_NEAR_ZERO : RELATIVE_ERROR * Math.abs(expected);
            assertThat(Lstm.tanh(x)).as("tanh(%s)", x).isCloseTo(expected, within(tolerance));
        }
        for (double x : new double[] {0.0625, -0.0625, 20, 400, -400}) {
            assertThat(Lstm.tanh(x)).as("tanh(%s)", x).isCloseTo(Math.tanh(x), within(RELATIVE_ERROR * Math.abs(Math.tanh(x))));
        }
        assertThat(Lstm.tanh(Math.nextDown(0.0625))).isCloseTo(Math.tanh(Math.nextDown(0.0625)),
                within(ABSOLUTE_ERROR_NEAR_ZERO));
        assertThat(Lstm.tanh(0.0)).isZero();
        assertThat(Lstm.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    }

    @Test
    void tanh_loses_relative_accuracy_near_zero_where_one_minus_exp_cancels() {
        // below 2^-55, exp(-2|x|) rounds to 1 and tanh(x) to 0; just above, the values step by about 5.6e-17
        assertThat(Lstm.tanh(1e-17)).isZero();
        assertThat(Lstm.tanh(1e-10)).isCloseTo(1e-10, within(ABSOLUTE_ERROR_NEAR_ZERO));
    }

    @Test
    void tanh_is_odd_and_saturates_exactly_at_plus_and_minus_one() {
        Random random = new Random(23);
        for (int k = 0; k < 10_000; k++) {
            double x = Math.pow(10, -12 + 13.6 * random.nextDouble());
            assertThat(Lstm.tanh(-x)).as("tanh(-%s)", x).isEqualTo(-Lstm.tanh(x));
        }
        assertThat(Lstm.tanh(0.0625)).isEqualTo(-Lstm.tanh(-0.0625));
        assertThat(Lstm.tanh(1000)).isEqualTo(1.0);
        assertThat(Lstm.tanh(-1000)).isEqualTo(-1.0);
    }

    @Test
    void sigmoid_is_the_logistic_function() {
        assertThat(Lstm.sigmoid(0)).isEqualTo(0.5);
        assertThat(Lstm.sigmoid(2)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-16));
        assertThat(Lstm.sigmoid(-800)).isZero();
        assertThat(Lstm.sigmoid(800)).isEqualTo(1.0);
    }
}
