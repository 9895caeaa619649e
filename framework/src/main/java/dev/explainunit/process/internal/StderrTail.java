package dev.explainunit.process.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last lines a child wrote to its stderr, kept by a daemon thread that drains the pipe so the
 * child never blocks on a full one. Memory is bounded: {@value #LINES} lines of at most
 * {@value #LINE_CHARACTERS} characters.
 */
final class StderrTail {

    static final int LINES = 20;
    static final int LINE_CHARACTERS = 300;

    /** Quiet time after which the pipe counts as drained, see {@link #settle}. */
    static final long QUIET_NANOS = 20_000_000L;

    private final ArrayDeque<String> lines = new ArrayDeque<>(LINES);
    private final Thread drainer;
    private volatile long lastRead = System.nanoTime();

    StderrTail(InputStream stderr, String name) {
        drainer = new Thread(() -> drain(stderr), name);
        drainer.setDaemon(true);
        drainer.start();
    }

    private void drain(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                lastRead = System.nanoTime();
                for (int k = 0; k < n; k++) {
                    if (buffer[k] == '\n') {
                        add(line);
                    } else if (line.size() < 4 * LINE_CHARACTERS) {
                        line.write(buffer[k]);
                    }
                }
            }
        } catch (IOException closed) {
            // the process is gone; what was read is kept
        }
        if (line.size() > 0) {
            add(line);
        }
    }

    private void add(ByteArrayOutputStream bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8).stripTrailing();
        bytes.reset();
        if (text.length() > LINE_CHARACTERS) {
            text = text.substring(0, LINE_CHARACTERS) + " …";
        }
        synchronized (lines) {
            if (lines.size() == LINES) {
                lines.removeFirst();
            }
            lines.addLast(text);
        }
    }

    /** Waits up to {@code millis} for the child to close its stderr (it has exited), so the tail is complete. */
    void awaitEnd(long millis) {
        try {
            drainer.join(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the drainer has read nothing for {@link #QUIET_NANOS} (at most {@code millis}), so
     * that lines a live child wrote just before its reply are in the tail: the reply and the stderr
     * lines travel in two pipes, read by two threads.
     */
    void settle(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() - lastRead < QUIET_NANOS && System.nanoTime() < deadline && drainer.isAlive()) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The last lines, oldest first. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
