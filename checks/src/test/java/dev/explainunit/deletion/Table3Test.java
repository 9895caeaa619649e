package dev.explainunit.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class Table3Test {

    private static final RandomDeletion RANDOM = new RandomDeletion(
            new DeletionCurve("random", new double[] {100, 90, 80, 70}, new double[] {0, 5, 10, 15}, 100, 40),
            new double[] {0, 0.3, 0.3, 0.3}, new double[] {0, 0.5, 0.5, 0.5}, 0.2, 0.4, 10, 1);
    private static final DeletionCurve OCCLUSION = new DeletionCurve("occlusion-p-diff",
            new double[] {100, 70, 50, 40}, new double[] {0, 20, 30, 40}, 100, 40);
    private static final DeletionCurve METHOD = new DeletionCurve("lrp-all",
            new double[] {100, 80, 60, 50}, new double[] {0, 5, 10, 15}, 100, 40);

    @Test
    void normalises_the_mean_change_over_one_to_three_words_to_random_0_and_occlusion_100_as_worked_by_hand() {
        Table3 table = Table3.of(List.of(METHOD, OCCLUSION), RANDOM);
        // decreasing: Δ̄ = −110/3 (method), −60/3 (random), −140/3 (occlusion): 100 · (−50) / (−80) = 62.5
        assertThat(table.decreasing().get("lrp-all")).isCloseTo(62.5, within(1e-12));
        // increasing: the method equals random: 0
        assertThat(table.increasing().get("lrp-all")).isCloseTo(0.0, within(1e-12));
        assertThat(table.decreasing().get("occlusion-p-diff")).isCloseTo(100.0, within(1e-12));
        assertThat(table.decreasing().get("random")).isEqualTo(0.0);
        assertThat(Math.copySign(1.0, table.decreasing().get("random"))).isEqualTo(1.0); // 0.0, not −0.0, in the JSON
        assertThat(table.decreasing().keySet()).containsExactly("random", "lrp-all", "occlusion-p-diff");
        // the SE of the zero point: 100 · 0.2 / |−140/3 + 60/3|
        assertThat(table.decreasingZeroError()).isCloseTo(100 * 0.2 / (80.0 / 3), within(1e-12));
        assertThat(table.accuracy().get("random").decreasing()).containsExactly(100, 90, 80, 70);
    }

    @Test
    void is_undefined_where_occlusion_changes_accuracy_no_more_than_random() {
        DeletionCurve flat = new DeletionCurve("occlusion-p-diff", RANDOM.curve().decreasing(),
                RANDOM.curve().increasing(), 100, 40);
        assertThat(Table3.of(List.of(flat, METHOD), RANDOM).decreasing().get("lrp-all")).isNaN();
    }

    @Test
    void refuses_a_table_without_the_occlusion_reference_naming_it() {
        assertThatThrownBy(() -> Table3.of(List.of(METHOD), RANDOM)).hasMessageContaining("occlusion-p-diff")
                .hasMessageContaining("lrp-all");
    }
}
