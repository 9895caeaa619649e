package dev.explainunit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An explainer cannot modify its input: the sanity checks rely on this instead of checking it. */
class SequenceTest {

    @Test
    void of_copies_its_argument_so_later_changes_to_the_array_do_not_show() {
        double[][] steps = {{1, 2}, {3, 4}};
        Sequence x = Sequence.of(steps);
        steps[0][0] = 99;
        steps[1] = new double[] {7, 7};
        assertThat(x.get(0, 0)).isEqualTo(1);
        assertThat(x.get(1, 0)).isEqualTo(3);
        assertThat(x.get(1, 1)).isEqualTo(4);
    }

    @Test
    void to_array_and_copy_to_return_copies_so_changing_them_leaves_the_sequence_unchanged() {
        Sequence x = Sequence.of(new double[][] {{1, 2}, {3, 4}});
        double[][] out = x.toArray();
        out[0][0] = 99;
        double[] flat = new double[4];
        x.copyTo(flat);
        flat[3] = 99;
        assertThat(x.get(0, 0)).isEqualTo(1);
        assertThat(x.get(1, 1)).isEqualTo(4);
        assertThat(x.toArray()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
    }
}
