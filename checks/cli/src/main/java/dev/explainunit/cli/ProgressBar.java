package dev.explainunit.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (so logs and CI output
 * stay clean). Thread-safe: workers call {@link #step()}; redraws are throttled.
 */
final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean enabled;
    private final AtomicLong done = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile long lastDraw;

    /** A bar for {@code total} units of work, labelled {@code label}, drawn on stderr if it is a terminal. */
    public ProgressBar(String label, long total) {
        this(label, total, System.err, System.console() != null);
    }

    ProgressBar(String label, long total, PrintStream out, boolean enabled) {
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        this.enabled = enabled;
    }

    /** One unit done. */
    public void step() {
        advance(1);
    }

    /** {@code units} done. */
    public void advance(long units) {
        long now = done.addAndGet(units);
        if (!enabled) {
            return;
        }
        long time = System.nanoTime();
        if (now >= total || time - lastDraw > REDRAW_NANOS) {
            lastDraw = time;
            draw(Math.min(now, total), time);
        }
    }

    private synchronized void draw(long now, long time) {
        int filled = (int) (WIDTH * now / total);
        double seconds = (time - started) / 1e9;
        out.printf("\r%s [%s%s] %d/%d %.1fs", label, "#".repeat(filled), " ".repeat(WIDTH - filled), now, total,
                seconds);
        out.flush();
    }

    /** Ends the line the bar was drawn on. */
    @Override
    public void close() {
        if (enabled) {
            draw(Math.min(done.get(), total), System.nanoTime());
            out.println();
        }
    }
}
