package dev.explainunit.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    void a_batch_call_that_stalls_after_quick_calls_is_a_hang_after_twice_the_limit_plus_its_time_at_their_rate()
            throws Exception {
        // the limit per input would give the call of 1000 inputs 100 s; the bound of this test is far below it
        CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> catchThrowable(
                () -> GuardedParallel.run(1, 1, LIMIT, (job, clock) -> {
                    clock.start("sequence 0 of model m");
                    clock.stop();
                    clock.start("explain", "sequences 1 to 2 of model m", 2);
                    clock.stop();
                    clock.start("explain", "sequences 3 to 1002 of model m", 1000);
                    sleep(60_000);
                })));

        assertThat(run.get(30, TimeUnit.SECONDS)).isInstanceOf(GuardedParallel.HangException.class)
                .hasMessageStartingWith("explain did not return within ")
                .hasMessageContaining(" (twice the limit of 100 ms per call, plus 1000 inputs at the ")
                .hasMessageEndingWith(" each that earlier calls took) (sequences 3 to 1002 of model m)");
    }

    @Test
    void a_call_of_no_inputs_is_refused() {
        assertThatThrownBy(() -> new GuardedParallel.CallClock(LIMIT).start("explain", "nothing", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
