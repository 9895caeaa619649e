package dev.explainunit.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-call limit of the watchdog, and how it grows with the inputs of a batch call. */
class GuardedParallelTest {

    private static final Duration LIMIT = Duration.ofMillis(100);

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    @Test
    void a_single_call_longer_than_the_limit_is_a_hang_naming_the_call() {
        assertThatThrownBy(() -> GuardedParallel.run(1, 1, LIMIT, (job, clock) -> {
            clock.start("sequence 3 of model m");
            sleep(60_000);
        })).isInstanceOf(GuardedParallel.HangException.class)
                .hasMessage("explain did not return within 100 ms (sequence 3 of model m)");
    }

    @Test
    void a_batch_call_may_take_the_limit_times_its_inputs() throws Exception {
        // 20 inputs: 2 s allowed; the call takes 300 ms, three times the single-call limit
        GuardedParallel.run(1, 1, LIMIT, (job, clock) -> {
            clock.start("explain", "sequences 0 to 19 of model m", 20);
            sleep(300);
            clock.stop();
        });
    }

    @Test
    void a_batch_call_longer_than_the_limit_times_its_inputs_is_a_hang_naming_both() {
        assertThatThrownBy(() -> GuardedParallel.run(1, 1, LIMIT, (job, clock) -> {
            clock.start("explain", "sequences 0 to 1 of model m", 2);
            sleep(60_000);
        })).isInstanceOf(GuardedParallel.HangException.class)
                .hasMessage("explain did not return within 200 ms (2 inputs × 100 ms) (sequences 0 to 1 of model m)");
    }

    @Test
    void a_call_of_no_inputs_is_refused() {
        assertThatThrownBy(() -> new GuardedParallel.CallClock(LIMIT).start("explain", "nothing", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
