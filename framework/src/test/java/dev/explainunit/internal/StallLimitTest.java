package dev.explainunit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a call of several inputs counts as stalled: a pure function of the per-call limit and the rate observed. */
class StallLimitTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void a_single_input_may_take_the_per_call_limit_whatever_was_observed() {
        assertThat(StallLimit.nanos(10 * SECOND, 1, 0, 0)).isEqualTo(10 * SECOND);
        assertThat(StallLimit.nanos(10 * SECOND, 1, 5 * MILLI, 10)).isEqualTo(10 * SECOND);
    }

    @Test
    void before_anything_was_observed_a_batch_may_take_the_limit_per_input() {
        assertThat(StallLimit.nanos(10 * SECOND, 32, 0, 0)).isEqualTo(320 * SECOND);
    }

    @Test
    void once_calls_returned_a_batch_may_take_twice_the_limit_plus_its_inputs_at_the_observed_rate() {
        // 31 inputs took 31 ms: 1 ms each, so 1000 inputs should take 1 s; 2 × 10 s + 1 s
        assertThat(StallLimit.nanos(10 * SECOND, 1000, 31 * MILLI, 31)).isEqualTo(21 * SECOND);
        // the old limit, 1000 × 10 s, was 2.8 hours
        assertThat(StallLimit.nanos(10 * SECOND, 1000, 31 * MILLI, 31)).isLessThan(1000 * 10 * SECOND / 400);
    }

    @Test
    void a_slow_but_steady_explainer_gets_its_own_rate_and_never_less_than_before_capped_by_the_limit_per_input() {
        // 9 s per input, under the 10 s limit: 32 inputs may take 2 × 10 s + 32 × 9 s = 308 s
        assertThat(StallLimit.nanos(10 * SECOND, 32, 63 * 9 * SECOND, 63)).isEqualTo(308 * SECOND);
        // never more than the limit per input: 4 inputs at 9 s would be 56 s, capped at 40 s
        assertThat(StallLimit.nanos(10 * SECOND, 4, 9 * SECOND, 1)).isEqualTo(40 * SECOND);
    }

    @Test
    void the_instance_pools_what_its_calls_took() {
        StallLimit limit = new StallLimit();
        assertThat(limit.observed()).isFalse();
        limit.returned(10 * MILLI, 1);
        limit.returned(20 * MILLI, 2);
        assertThat(limit.observed()).isTrue();
        assertThat(limit.limit(SECOND, 300).nanos()).isEqualTo(2 * SECOND + 300 * 10 * MILLI);
        assertThat(limit.limit(SECOND, 300).words()).isEqualTo(
                "5 s (twice the limit of 1 s per call, plus 300 inputs at the 10 ms each that earlier calls took)");
    }

    @Test
    void the_description_says_where_the_limit_comes_from() {
        assertThat(StallLimit.describe(10 * SECOND, 1, 0, 0)).isEqualTo("10 s");
        assertThat(StallLimit.describe(100 * MILLI, 2, 0, 0)).isEqualTo("200 ms (2 inputs × 100 ms)");
        assertThat(StallLimit.describe(10 * SECOND, 1000, 31 * MILLI, 31)).isEqualTo(
                "21 s (twice the limit of 10 s per call, plus 1000 inputs at the 1 ms each that earlier calls took)");
    }
}
