package dev.explainunit.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The frames of an exception that its author needs, as JUnit prunes its own frames and AssertJ its
 * own: ExplainUnit calls an explainer from its checks, so every frame from the first of
 * {@code dev.explainunit.checks} or the engine ({@code dev.explainunit.junit.internal}) down, and
 * the thread pool's below them, is the engine's; and frames of the process bridge
 * ({@code dev.explainunit.process}) on top of the stack are ExplainUnit's too, not the user's (the
 * user's code of an explainer process is in its traceback, which the message quotes). What is left
 * is the user's code, with what it called.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CallerFrames {

    private static final List<String> ENGINE = List.of("dev.explainunit.checks.", "dev.explainunit.junit.internal.");
    private static final String BRIDGE = "dev.explainunit.process.";

    private CallerFrames() {
    }

    /** The frames of {@code thrown} above the engine's call, without the process bridge's on top. */
    public static List<StackTraceElement> of(Throwable thrown) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (ENGINE.stream().anyMatch(frame.getClassName()::startsWith)) {
                break;
            }
            if (!frames.isEmpty() || !frame.getClassName().startsWith(BRIDGE)) {
                frames.add(frame);
            }
        }
        return frames;
    }

    /**
     * Leaves only {@link #of} in the stack trace of {@code thrown}, its causes and suppressed
     * exceptions (modified), so that a report shows the user's frames and no engine's.
     */
    public static void trim(Throwable thrown) {
        trim(thrown, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void trim(Throwable thrown, Set<Throwable> seen) {
        if (thrown == null || !seen.add(thrown)) {
            return;
        }
        thrown.setStackTrace(of(thrown).toArray(StackTraceElement[]::new));
        trim(thrown.getCause(), seen);
        for (Throwable suppressed : thrown.getSuppressed()) {
            trim(suppressed, seen);
        }
    }
}
