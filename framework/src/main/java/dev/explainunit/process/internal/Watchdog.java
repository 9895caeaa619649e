package dev.explainunit.process.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches every live child: one daemon thread looks every {@value #PERIOD_MILLIS} ms at the calls
 * waiting for a child and kills the child of one that is overdue, whose thread was interrupted, or
 * whose thread ended (an abandoned call), so a read blocked on a pipe always ends. A JVM shutdown
 * hook kills every child still registered, with its descendants.
 */
final class Watchdog {

    static final long PERIOD_MILLIS = 10;

    private static final Set<ExplainerProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    private static boolean started;

    private Watchdog() {
    }

    static void register(ExplainerProcess child) {
        synchronized (LOCK) {
            LIVE.add(child);
            if (!started) {
                started = true;
                Thread thread = new Thread(Watchdog::run, "explainunit-process-watchdog");
                thread.setDaemon(true);
                thread.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> ExplainerProcess.killAll(LIVE),
                        "explainunit-process-reaper"));
            }
            LOCK.notifyAll();
        }
    }

    static void unregister(ExplainerProcess child) {
        LIVE.remove(child);
    }

    private static void run() {
        try {
            while (true) {
                synchronized (LOCK) {
                    while (LIVE.isEmpty()) {
                        LOCK.wait();
                    }
                }
                Thread.sleep(PERIOD_MILLIS);
                long now = System.nanoTime();
                for (ExplainerProcess child : LIVE) {
                    child.watch(now);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** "10 s" or "250 ms". */
    static String describe(long nanos) {
        long millis = nanos / 1_000_000;
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
