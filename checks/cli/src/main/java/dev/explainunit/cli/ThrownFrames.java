package dev.explainunit.cli;

import dev.explainunit.checks.CallerFrames;
import java.util.List;

/**
 * The frames of an exception an explainer threw that its author needs: those above the call from
 * ExplainUnit's checks into the explainer, without the process bridge's ({@link CallerFrames}), at
 * most {@value #MAX_FRAMES}, as {@code check} prints them (a stack trace of ExplainUnit's own frames
 * would only hide the explainer's).
 */
final class ThrownFrames {

    static final int MAX_FRAMES = 10;

    private ThrownFrames() {
    }

    /** "java.lang.IllegalStateException: my bug", its frames "\tat ...", and a line per cause, each ending with a line break. */
    static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder().append(thrown).append(System.lineSeparator());
        List<StackTraceElement> own = CallerFrames.of(thrown);
        StackTraceElement[] all = thrown.getStackTrace();
        for (int i = 0; i < Math.min(own.size(), MAX_FRAMES); i++) {
            text.append("\tat ").append(own.get(i)).append(System.lineSeparator());
        }
        int left = all.length - Math.min(own.size(), MAX_FRAMES);
        if (left > 0) {
            text.append("\t... ").append(left).append(own.size() > MAX_FRAMES ? " more" : " more in ExplainUnit and the JDK")
                    .append(System.lineSeparator());
        }
        for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            List<StackTraceElement> frames = CallerFrames.of(cause);
            if (frames.isEmpty() && cause.getMessage() != null && String.valueOf(thrown.getMessage())
                    .contains(cause.getMessage())) {
                continue; // ExplainUnit's own wrapping (an explainer process's fault): its text was shown above
            }
            text.append("Caused by: ").append(cause);
            text.append(frames.isEmpty() ? "" : System.lineSeparator() + "\tat " + frames.get(0))
                    .append(System.lineSeparator());
        }
        return text.toString();
    }

    /** Whether {@code thrown} has frames of the explainer's author: none when ExplainUnit's process bridge threw. */
    static boolean hasCallerFrames(Throwable thrown) {
        return !CallerFrames.of(thrown).isEmpty();
    }
}
