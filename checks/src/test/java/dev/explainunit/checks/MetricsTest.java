package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void pearson_is_one_for_a_positive_affine_map_and_minus_one_for_a_negative_one() {
        double[] x = {0.3, -1.2, 2.5, 0.7, 0.0};
        double[] up = new double[x.length];
        double[] down = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            up[i] = 3 * x[i] + 1;
            down[i] = -0.5 * x[i] + 7;
        }
        assertThat(Metrics.pearson(x, up)).isCloseTo(1.0, within(1e-12));
        assertThat(Metrics.pearson(x, down)).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void pearson_matches_the_hand_worked_value() {
        // x = 1,2,3; y = 1,3,2: means 2, 2; Σdxdy = (−1)(−1) + 0 + (1)(0) = 1; Σdx² = 2, Σdy² = 2 -> 0.5
        assertThat(Metrics.pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2})).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void pearson_is_undefined_for_a_constant_series() {
        assertThat(Metrics.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
    }

    @Test
    void pearson_agrees_with_the_one_pass_textbook_formula_on_random_data() {
        Random random = new Random(7);
        double[] x = new double[500];
        double[] y = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            y[i] = 0.3 * x[i] + random.nextGaussian();
        }
        double n = x.length;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }
        double textbook = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
        assertThat(Metrics.pearson(x, y)).isCloseTo(textbook, within(1e-10));
    }

    @Test
    void spearman_ignores_monotone_distortions_and_averages_ties() {
        double[] x = {0.1, 0.5, 0.2, 3.0};
        double[] cubed = {0.001, 0.125, 0.008, 27.0};
        assertThat(Metrics.spearman(x, cubed, 4, new double[4], new double[4])).isCloseTo(1.0, within(1e-12));
        double[] ranks = new double[4];
        Metrics.ranks(new double[] {5, 1, 5, 2}, 4, ranks);
        assertThat(ranks).containsExactly(3.5, 1, 3.5, 2);
    }

    @Test
    void relevant_mass_is_the_share_of_absolute_relevance_on_a_and_b() {
        Relevance r = Relevance.perStep(0.5, -1.0, 0.25, -0.25);
        // (|−1| + |0.25|) / (0.5 + 1 + 0.25 + 0.25) = 1.25 / 2
        assertThat(Metrics.relevantMass(r, 1, 2)).isEqualTo(0.625);
        assertThat(Metrics.relevantMass(r.toArray(), 4, 1, 2)).isEqualTo(0.625);
        assertThat(Metrics.relevantMass(Relevance.perStep(0, 0, 0), 0, 1)).isZero();
    }

    @Test
    void conservation_mse_averages_the_squared_gap_between_operand_relevance_and_prediction() {
        double[] ra = {1.0, 0.5};
        double[] rb = {0.5, -0.5};
        double[] y = {1.0, 0.5};
        // (1.5 − 1)² = 0.25, (0 − 0.5)² = 0.25 -> 0.25
        assertThat(Metrics.conservationMse(ra, rb, y, 2)).isEqualTo(0.25);
        assertThat(Metrics.conservationSquaredError(1.0, 0.5, 1.0)).isEqualTo(0.25);
    }

    @Test
    void exact_conservation_uses_the_declared_rest_and_refuses_a_relevance_without_one() {
        Relevance r = Relevance.perStep(0.25, 0.5).withRest(0.125);
        assertThat(Metrics.conservationError(r, 1.0)).isEqualTo(0.125);
        assertThatThrownBy(() -> Metrics.conservationError(Relevance.perStep(1.0), 1.0))
                .hasMessageContaining("declares no rest");
    }
}
