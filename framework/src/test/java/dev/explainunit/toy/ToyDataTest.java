package dev.explainunit.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ToyDataTest {

    /** Tolerance for a frequency estimated from {@code n} Bernoulli(p) draws: 5 standard deviations. */
    private static double fiveSigma(double p, int n) {
        return 5 * Math.sqrt(p * (1 - p) / n);
    }

    @ParameterizedTest
    @EnumSource(Split.class)
    void splits_have_the_papers_sizes_and_every_length_of_their_range(Split split) {
        List<ToySample> samples = ToyData.generate(ToyTask.ADDITION, split, 1);
        assertThat(samples).hasSize(split.size());
        int range = split.maxLength() - split.minLength() + 1;
        int[] counts = new int[range];
        for (ToySample s : samples) {
            assertThat(s.length()).isBetween(split.minLength(), split.maxLength());
            assertThat(s.sequence().dim()).isEqualTo(2);
            counts[s.length() - split.minLength()]++;
        }
        double p = 1.0 / range;
        for (int count : counts) {
            assertThat((double) count / samples.size()).isCloseTo(p, offset(
                    fiveSigma(p, samples.size())));
        }
    }

    @Test
    void paper_split_lengths_are_4_to_10_then_11_12_then_13_14() {
        assertThat(new int[] {Split.TRAIN.size(), Split.TRAIN.minLength(), Split.TRAIN.maxLength()})
                .containsExactly(10_000, 4, 10);
        assertThat(new int[] {Split.VALIDATION.size(), Split.VALIDATION.minLength(), Split.VALIDATION.maxLength()})
                .containsExactly(2_500, 11, 12);
        assertThat(new int[] {Split.TEST.size(), Split.TEST.minLength(), Split.TEST.maxLength()})
                .containsExactly(2_500, 13, 14);
    }

    @ParameterizedTest
    @EnumSource(ToyTask.class)
    void marked_steps_carry_the_number_in_the_first_input_and_others_in_the_second(ToyTask task) {
        for (ToySample s : ToyData.generate(task, Split.TRAIN, 3000, 2)) {
            assertThat(s.a()).isGreaterThanOrEqualTo(0).isLessThan(s.b());
            assertThat(s.b()).isLessThan(s.length());
            for (int t = 0; t < s.length(); t++) {
                boolean marked = t == s.a() || t == s.b();
                double n = marked ? s.sequence().get(t, 0) : s.sequence().get(t, 1);
                double other = marked ? s.sequence().get(t, 1) : s.sequence().get(t, 0);
                assertThat(other).isZero();
                assertInTaskRange(task, n);
            }
            assertThat(s.na()).isEqualTo(s.sequence().get(s.a(), 0));
            assertThat(s.nb()).isEqualTo(s.sequence().get(s.b(), 0));
        }
    }

    private static void assertInTaskRange(ToyTask task, double n) {
        if (task == ToyTask.ADDITION) {
            assertThat(Math.abs(n)).isBetween(0.5, 1.0);
        } else {
            assertThat(n).isBetween(0.5, 1.0);
        }
    }

    @Test
    void addition_target_is_the_sum_and_subtraction_target_the_difference() {
        for (ToySample s : ToyData.generate(ToyTask.ADDITION, Split.TEST, 500, 3)) {
            assertThat(s.y()).isEqualTo(s.na() + s.nb());
        }
        for (ToySample s : ToyData.generate(ToyTask.SUBTRACTION, Split.TEST, 500, 3)) {
            assertThat(s.y()).isEqualTo(s.na() - s.nb());
        }
    }

    @Test
    void addition_numbers_are_negative_half_the_time_and_magnitudes_uniform_on_half_to_one() {
        int n = 0;
        int negative = 0;
        int lowerHalf = 0;
        double sumMagnitude = 0;
        for (ToySample s : ToyData.generate(ToyTask.ADDITION, Split.TRAIN, 2)) {
            for (int t = 0; t < s.length(); t++) {
                double v = s.sequence().get(t, 0) + s.sequence().get(t, 1);
                n++;
                negative += v < 0 ? 1 : 0;
                lowerHalf += Math.abs(v) < 0.75 ? 1 : 0;
                sumMagnitude += Math.abs(v);
            }
        }
        assertThat((double) negative / n).isCloseTo(0.5, offset(fiveSigma(0.5, n)));
        assertThat((double) lowerHalf / n).isCloseTo(0.5, offset(fiveSigma(0.5, n)));
        // U[0.5, 1] has mean 0.75 and standard deviation 0.5 / sqrt(12)
        assertThat(sumMagnitude / n).isCloseTo(0.75, offset(5 * 0.5 / Math.sqrt(12 * n)));
    }

    @Test
    void subtraction_numbers_are_uniform_on_half_to_one() {
        int n = 0;
        int lowerHalf = 0;
        for (ToySample s : ToyData.generate(ToyTask.SUBTRACTION, Split.TRAIN, 4)) {
            for (int t = 0; t < s.length(); t++) {
                double v = s.sequence().get(t, 0) + s.sequence().get(t, 1);
                n++;
                lowerHalf += v < 0.75 ? 1 : 0;
            }
        }
        assertThat((double) lowerHalf / n).isCloseTo(0.5, offset(fiveSigma(0.5, n)));
    }

    @Test
    void marked_pair_is_uniform_over_all_pairs_of_a_length() {
        int length = 5;
        int pairs = length * (length - 1) / 2;
        int[][] counts = new int[length][length];
        int n = 0;
        for (ToySample s : ToyData.generate(ToyTask.SUBTRACTION, Split.TRAIN, 40_000, 5)) {
            if (s.length() == length) {
                counts[s.a()][s.b()]++;
                n++;
            }
        }
        double p = 1.0 / pairs;
        for (int a = 0; a < length; a++) {
            for (int b = a + 1; b < length; b++) {
                assertThat((double) counts[a][b] / n).as("pair (%d, %d)", a, b)
                        .isCloseTo(p, offset(fiveSigma(p, n)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ToyTask.class)
    void same_seed_gives_the_same_data_and_other_seeds_or_splits_differ(ToyTask task) {
        assertThat(ToyData.generate(task, Split.VALIDATION, 100, 42))
                .isEqualTo(ToyData.generate(task, Split.VALIDATION, 100, 42));
        assertThat(ToyData.generate(task, Split.VALIDATION, 100, 42))
                .isNotEqualTo(ToyData.generate(task, Split.VALIDATION, 100, 43));
        assertThat(ToyData.generate(task, Split.TRAIN, 100, 42).get(0).sequence())
                .isNotEqualTo(ToyData.generate(task, Split.VALIDATION, 100, 42).get(0).sequence());
        assertThat(ToyData.generate(task, Split.TEST, 10, 42))
                .isEqualTo(ToyData.generate(task, Split.TEST, 42).subList(0, 10));
    }

    @Test
    void bad_arguments_are_refused_with_a_message_naming_them() {
        assertThatThrownBy(() -> ToyData.generate(ToyTask.ADDITION, Split.TRAIN, -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> ToyData.generate(null, Split.TRAIN, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task");
    }

    @Test
    void task_ids_round_trip_and_unknown_ids_are_named() {
        for (ToyTask task : ToyTask.values()) {
            assertThat(ToyTask.fromId(task.id())).isSameAs(task);
        }
        assertThat(ToyTask.fromId(" Subtraction ")).isSameAs(ToyTask.SUBTRACTION);
        assertThatThrownBy(() -> ToyTask.fromId("multiplication"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[multiplication]").hasMessageContaining("addition, subtraction");
    }
}
