package dev.explainunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationTest {

    /**
     * At and above 1/16 the error of e = exp(−2|x|) (≤ 1 ulp of e ≤ 1.1e-16) is amplified by 1/(1 − e)
     * ≤ 1/(1 − exp(−1/8)) = 8.5 in the relative error, plus three roundings: ≤ 1.3e-15. Below 1/16
     * the Taylor series is within about one rounding (3e-16); the reference Math.tanh adds at most
     * 2.5 ulp (5.6e-16).
     */
    private static final double RELATIVE_ERROR = 1.3e-15;

    @Test
    void tanh_agrees_with_the_jdk_to_the_analysed_relative_error_on_every_magnitude() {
        Random random = new Random(17);
        for (int k = 0; k < 200_000; k++) {
            // log-uniform magnitudes from 1e-300 to 40, both signs
            double x = Math.copySign(Math.pow(10, -300 + 301.6 * random.nextDouble()), random.nextDouble() - 0.5);
            double expected = Math.tanh(x);
            assertThat(Activations.tanh(x)).as("tanh(%s)", x).isCloseTo(expected, within(RELATIVE_ERROR * Math.abs(expected)));
        }
        for (double x : new double[] {0.0625, -0.0625, Math.nextDown(0.0625), 1e-17, 20, 400, -400}) {
            assertThat(Activations.tanh(x)).as("tanh(%s)", x).isCloseTo(Math.tanh(x), within(RELATIVE_ERROR * Math.abs(Math.tanh(x))));
        }
        assertThat(Activations.tanh(0.0)).isZero();
        assertThat(Activations.tanh(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(Activations.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    }

    @Test
    void the_branch_free_tanh_of_a_layer_has_the_bits_of_tanh_on_both_sides_of_the_series_limit() {
        Random random = new Random(29);
        for (int k = 0; k < 200_000; k++) {
            double x = Math.copySign(Math.pow(10, -20 + 21.6 * random.nextDouble()), random.nextDouble() - 0.5);
            assertThat(Activations.tanhOfLayer(x)).as("tanh(%s)", x).isEqualTo(Activations.tanh(x));
        }
        for (double x : new double[] {0.0, -0.0, 0.0625, Math.nextDown(0.0625), -0.0625, Double.MIN_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
            assertThat(Double.doubleToRawLongBits(Activations.tanhOfLayer(x))).as("tanh(%s)", x)
                    .isEqualTo(Double.doubleToRawLongBits(Activations.tanh(x)));
        }
    }

    @Test
    void the_vector_loop_tanh_of_a_layer_has_the_bits_of_tanh_on_every_magnitude_and_at_the_edges() {
        double[] edges = {0.0, -0.0, 0.0625, -0.0625, Math.nextDown(0.0625), -Math.nextDown(0.0625),
            Math.nextUp(0.0625), Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310, -1e-310, 19.1,
            -19.1, 400, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN};
        Random random = new Random(31);
        int count = 200_000;
        double[] x = new double[count + edges.length + 3];
        for (int k = 0; k < count; k++) {
            // log-uniform magnitudes from 1e-320 to 1e308, and as many around the series limit
            double magnitude = k % 2 == 0 ? Math.pow(10, -320 + 628 * random.nextDouble())
                    : Math.pow(10, -3 + 3 * random.nextDouble());
            x[3 + k] = Math.copySign(magnitude, random.nextDouble() - 0.5);
        }
        System.arraycopy(edges, 0, x, 3 + count, edges.length);
        double[] e = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            e[k] = Math.exp(-2 * Math.abs(x[k]));
        }
        double[] out = new double[x.length];
        out[0] = 7;
        Activations.tanhOfLayers(x, e, out, 3, x.length);
        assertThat(out[0]).as("before the range").isEqualTo(7);
        for (int k = 3; k < x.length; k++) {
            assertThat(Double.doubleToRawLongBits(out[k])).as("tanh(%s)", x[k])
                    .isEqualTo(Double.doubleToRawLongBits(Activations.tanh(x[k])));
        }
    }

    @Test
    void tanh_is_odd_and_saturates_exactly_at_plus_and_minus_one() {
        Random random = new Random(23);
        for (int k = 0; k < 10_000; k++) {
            double x = Math.pow(10, -12 + 13.6 * random.nextDouble());
            assertThat(Activations.tanh(-x)).as("tanh(-%s)", x).isEqualTo(-Activations.tanh(x));
        }
        assertThat(Activations.tanh(0.0625)).isEqualTo(-Activations.tanh(-0.0625));
        assertThat(Activations.tanh(1000)).isEqualTo(1.0);
        assertThat(Activations.tanh(-1000)).isEqualTo(-1.0);
    }

    @Test
    void sigmoid_is_the_logistic_function() {
        assertThat(Activations.sigmoid(0)).isEqualTo(0.5);
        assertThat(Activations.sigmoid(2)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-16));
        assertThat(Activations.sigmoid(-800)).isZero();
        assertThat(Activations.sigmoid(800)).isEqualTo(1.0);
    }
}
