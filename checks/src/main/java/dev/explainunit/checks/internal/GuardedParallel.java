package dev.explainunit.checks.internal;

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

/**
 * Runs independent jobs (one per model) on all cores, with a watchdog on each single call into
 * user code: a call that runs longer than the limit is a hang, the run is abandoned and reported;
 * many slow calls that each return in time are not a hang.
 *
 * <p>Java cannot stop a thread, so a hung call is left running on a daemon thread (it cannot keep
 * the JVM alive) and interrupted; the run returns without waiting for it.
 */
public final class GuardedParallel {

    /** One job; it reports each call into user code to its {@link CallClock}. */
    @FunctionalInterface
    public interface Job {
        void run(int index, CallClock clock) throws Exception;
    }

    /** Marks the start and end of calls into user code on one worker. */
    public static final class CallClock {
        private volatile long startedAt;
        private volatile String method = "explain";
        private volatile String call;

        /** A call of {@code explain} described by {@code description} (e.g. "model addition-3, sequence 17") starts now. */
        public void start(String description) {
            start("explain", description);
        }

        /** A call of the user's {@code method} (e.g. "supports") described by {@code description} starts now. */
        public void start(String method, String description) {
            this.method = method;
            call = description;
            startedAt = System.nanoTime();
        }

        /** The call returned. */
        public void stop() {
            startedAt = 0;
        }

        long runningNanos(long now) {
            long s = startedAt;
            return s == 0 ? 0 : now - s;
        }
    }

    /** Thrown by {@link #run} when a call exceeded the limit; the message names the call. */
    public static final class HangException extends Exception {
        private static final long serialVersionUID = 1L;

        HangException(String message) {
            super(message);
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private GuardedParallel() {
    }

    /**
     * Runs {@code jobs} jobs with up to {@code threads} at a time and waits for all.
     *
     * @throws HangException      if one call into user code ran longer than {@code callLimit}
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
                CallClock clock = new CallClock();
                clocks.add(clock);
                futures.add(pool.submit(() -> {
                    job.run(index, clock);
                    return null;
                }));
            }
            long limit = callLimit.toNanos();
            long poll = Math.max(1, Math.min(100, callLimit.toMillis() / 4));
            for (Future<?> future : futures) {
                while (true) {
                    try {
                        future.get(poll, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException stillRunning) {
                        long now = System.nanoTime();
                        for (CallClock clock : clocks) {
                            long running = clock.runningNanos(now);
                            if (running > limit) {
                                throw new HangException(clock.method + " did not return within " + describe(callLimit)
                                        + " (" + clock.call + ")");
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
