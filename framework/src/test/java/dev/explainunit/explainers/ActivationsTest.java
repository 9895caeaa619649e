package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void tanh_agrees_with_math_tanh_to_a_few_units_in_the_last_place() {
        Random random = new Random(5);
        double worst = 0;
        for (int k = 0; k < 200_000; k++) {
            // log-uniform magnitudes from 1e-12 to 40, both signs, both sides of the series limit
            double x = Math.pow(10, -12 + 13.6 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            double expected = Math.tanh(x);
            double error = Math.abs(Activations.tanh(x) - expected) / Math.ulp(expected);
            worst = Math.max(worst, error);
        }
        assertThat(worst).isLessThanOrEqualTo(16);
        assertThat(Activations.tanh(0.0)).isEqualTo(0.0);
        assertThat(Activations.tanh(1000)).isEqualTo(1.0);
        assertThat(Activations.tanh(-1000)).isEqualTo(-1.0);
        assertThat(Activations.tanh(1.0 / 16)).isEqualTo(-Activations.tanh(-1.0 / 16));
    }
}
