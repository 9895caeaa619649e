package dev.explainunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RelevanceTest {

    @Test
    void row_major_values_give_the_same_relevance_as_the_rows() {
        Random random = new Random(3);
        double[][] rows = new double[7][3];
        double[] flat = new double[7 * 3 + 5]; // a longer reused buffer: only the first T·D count
        for (int t = 0; t < 7; t++) {
            for (int d = 0; d < 3; d++) {
                rows[t][d] = random.nextGaussian();
                flat[t * 3 + d] = rows[t][d];
            }
        }
        flat[21] = 99;
        Relevance fromRows = Relevance.perInput(rows);
        Relevance fromFlat = Relevance.perInput(7, 3, flat);
        assertThat(fromFlat).isEqualTo(fromRows);
        assertThat(fromFlat.toPerInputArray()).isDeepEqualTo(rows);
        for (int t = 0; t < 7; t++) {
            assertThat(fromFlat.step(t)).isEqualTo(rows[t][0] + rows[t][1] + rows[t][2]);
            for (int d = 0; d < 3; d++) {
                assertThat(fromFlat.input(t, d)).isEqualTo(rows[t][d]);
            }
        }
    }

    @Test
    void given_values_are_copied_so_later_changes_do_not_show() {
        double[] flat = {1, 2, 3, 4};
        double[][] rows = {{1, 2}, {3, 4}};
        Relevance fromFlat = Relevance.perInput(2, 2, flat);
        Relevance fromRows = Relevance.perInput(rows);
        flat[0] = 50;
        rows[0][0] = 50;
        assertThat(fromFlat.input(0, 0)).isEqualTo(1);
        assertThat(fromRows.input(0, 0)).isEqualTo(1);
        assertThat(fromFlat.step(0)).isEqualTo(3);
        fromFlat.toPerInputArray()[1][1] = 50;
        assertThat(fromFlat.input(1, 1)).isEqualTo(4);
    }

    @Test
    void rows_of_different_lengths_are_kept_as_given_and_sum_per_row() {
        double[][] ragged = {{1}, {2, 3, 4}, {}};
        Relevance r = Relevance.perInput(ragged);
        assertThat(r.toPerInputArray()).isDeepEqualTo(ragged);
        assertThat(r.toArray()).containsExactly(1, 9, 0);
        assertThat(r.input(1, 2)).isEqualTo(4);
        assertThatThrownBy(() -> r.input(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(r).isNotEqualTo(Relevance.perInput(new double[][] {{1, 2}, {3, 4}, {}}));
    }

    @Test
    void an_input_outside_the_row_is_refused_rather_than_read_from_the_next_row() {
        Relevance r = Relevance.perInput(2, 2, new double[] {1, 2, 3, 4});
        assertThatThrownBy(() -> r.input(0, 2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("[0][2]");
        assertThatThrownBy(() -> r.input(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Relevance.perStep(1, 2).input(0, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_short_or_missing_buffer_or_a_bad_shape_is_refused_with_the_shape() {
        assertThatThrownBy(() -> Relevance.perInput(3, 2, new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 x 2");
        assertThatThrownBy(() -> Relevance.perInput(3, 0, new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 x 0");
        assertThatThrownBy(() -> Relevance.perInput(1, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Relevance.perInput(new double[][] {{1}, null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
    }

    @Test
    void rest_and_equality_carry_over_from_the_per_input_values() {
        Relevance r = Relevance.perInput(2, 1, new double[] {0.5, 0.25}).withRest(0.25);
        assertThat(r.rest()).hasValue(0.25);
        assertThat(r.sum()).isEqualTo(0.75);
        assertThat(r).isEqualTo(Relevance.perInput(new double[][] {{0.5}, {0.25}}).withRest(0.25));
        assertThat(r).isNotEqualTo(Relevance.perStep(0.5, 0.25).withRest(0.25));
        assertThat(r.hasPerInput()).isTrue();
    }
}
