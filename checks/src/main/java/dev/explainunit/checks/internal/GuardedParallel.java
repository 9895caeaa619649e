package dev.explainunit.checks.internal;

import dev.explainunit.internal.StallLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apiguardian.api.API;

/**
 * Runs independent jobs (one per model) on all cores, with a watchdog on each single call into
 * user code: a call that runs longer than its limit (the per-call limit; for a call that explains
 * several inputs, see {@link CallClock}) is a hang, the run is abandoned and reported; many slow
 * calls that each return in time are not a hang.
 *
 * <p>Java cannot stop a thread, so a hung call is left running on a daemon thread (it cannot keep
 * the JVM alive) and interrupted; the run returns without waiting for it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GuardedParallel {

    /** One job; it reports each call into user code to its {@link CallClock}. */
    @FunctionalInterface
    public interface Job {
        void run(int index, CallClock clock) throws Exception;
    }

    /**
     * Marks the start and end of calls into user code on one worker. A call carries its own limit:
     * the run's per-call limit for one input; for a call that explains several at once, twice that
     * plus what its inputs take at the rate of this worker's earlier {@code explain} calls, never
     * more than the per-call limit times its inputs ({@link StallLimit}).
     */
    public static final class CallClock {
        /** The call running now; one immutable record so the watchdog never sees half of a call. */
        private record Running(String method, String description, long startedAt, StallLimit.Limit limit,
                               int inputs) {
        }

        private final Duration callLimit;
        private final StallLimit explained = new StallLimit();
        private volatile Running running;

        CallClock(Duration callLimit) {
            this.callLimit = callLimit;
        }

        /** A call of {@code explain} described by {@code description} (e.g. "model addition-3, sequence 17") starts now. */
        public void start(String description) {
            start("explain", description, 1);
        }

        /** A call of the user's {@code method} (e.g. "supports") described by {@code description} starts now. */
        public void start(String method, String description) {
            start(method, description, 1);
        }

        /**
         * A call of the user's {@code method} on {@code inputs} inputs at once starts now; it may take
         * the per-call limit for one input, for several the {@link StallLimit} of this worker's
         * {@code explain} calls so far.
         *
         * @throws IllegalArgumentException if {@code inputs} is less than 1
         */
        public void start(String method, String description, int inputs) {
            if (inputs < 1) {
                throw new IllegalArgumentException("a call explains at least one input, not " + inputs);
            }
            running = new Running(method, description, System.nanoTime(),
                    explained.limit(callLimit.toNanos(), inputs), inputs);
        }

        /** The call returned (or threw); an {@code explain} call's time joins the rate later calls are judged by. */
        public void stop() {
            Running call = running;
            running = null;
            if (call != null && call.method().equals("explain")) {
                explained.returned(System.nanoTime() - call.startedAt(), call.inputs());
            }
        }

        /** What the overdue call is, or null when no call runs past its limit at {@code now}. */
        String overdue(long now) {
            Running call = running;
            if (call == null || now - call.startedAt() <= call.limit().nanos()) {
                return null;
            }
            return call.method() + " did not return within " + call.limit().words() + " (" + call.description() + ")";
        }

        /** What the running call is ("model addition-3, sequence 17"), or null when none runs. */
        String description() {
            Running call = running;
            return call == null ? null : call.description();
        }
    }

    /** Thrown by {@link #run} when a call exceeded the limit; the message names the call. */
    public static final class HangException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String call;

        HangException(String message, String call) {
            super(message);
            this.call = call;
        }

        /** The call that did not return: "sequence 17 of model addition-3". */
        public String call() {
            return call;
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private GuardedParallel() {
    }

    /**
     * Runs {@code jobs} jobs with up to {@code threads} at a time and waits for all.
     *
     * @throws HangException      if one call into user code ran longer than {@code callLimit} (times its inputs)
     * @throws ExecutionException with the first job's exception
     */
    public static void run(int jobs, int threads, Duration callLimit, Job job)
            throws HangException, ExecutionException, InterruptedException {
        int workers = Math.max(1, Math.min(threads, jobs));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "explainunit-worker-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<CallClock> clocks = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int k = 0; k < jobs; k++) {
                int index = k;
                CallClock clock = new CallClock(callLimit);
                clocks.add(clock);
                futures.add(pool.submit(() -> {
                    job.run(index, clock);
                    return null;
                }));
            }
            long poll = Math.max(1, Math.min(100, callLimit.toMillis() / 4));
            for (Future<?> future : futures) {
                while (true) {
                    try {
                        future.get(poll, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException stillRunning) {
                        long now = System.nanoTime();
                        for (CallClock clock : clocks) {
                            String overdue = clock.overdue(now);
                            if (overdue != null) {
                                throw new HangException(overdue, clock.description());
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** No call of user code is timed by {@link #forEach}: its body runs the model only, which cannot hang. */
    private static final Duration UNTIMED = Duration.ofDays(1);

    /**
     * Runs {@code body(i)} for i = 0..n−1 on up to {@code threads} daemon threads, each taking the next
     * index as it finishes one, so long and short items balance; on the calling thread when one
     * thread is enough. For passes of a model, which cannot hang: nothing is timed.
     *
     * @throws IllegalStateException with the first failure of {@code body} as its cause (a runtime
     *                               exception is rethrown as it is)
     */
    public static void forEach(int n, int threads, IntConsumer body) {
        int workers = Math.max(1, Math.min(threads, n));
        if (workers == 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        try {
            run(workers, workers, UNTIMED, (job, clock) -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    body.accept(i);
                }
            });
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (HangException e) {
            throw new IllegalStateException(e.getMessage(), e); // nothing is timed: cannot happen
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
