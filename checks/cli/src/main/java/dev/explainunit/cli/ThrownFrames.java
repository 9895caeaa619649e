package dev.explainunit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an exception an explainer threw that its author needs: those above the call from
 * ExplainUnit's checks into the explainer, at most {@value #MAX_FRAMES}, as {@code check} prints
 * them (a stack trace of ExplainUnit's own frames would only hide the explainer's).
 */
final class ThrownFrames {

    static final int MAX_FRAMES = 10;
    /** Where ExplainUnit calls the explainer; the frames from here on are ExplainUnit's and the JDK's. */
    private static final String CALLER = "dev.explainunit.checks.";

    private ThrownFrames() {
    }

    /** "java.lang.IllegalStateException: my bug", its frames "\tat ...", and a line per cause, each ending with a line break. */
    static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder().append(thrown).append(System.lineSeparator());
        List<StackTraceElement> own = explainerFrames(thrown);
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
            text.append("Caused by: ").append(cause);
            List<StackTraceElement> frames = explainerFrames(cause);
            text.append(frames.isEmpty() ? "" : System.lineSeparator() + "\tat " + frames.get(0))
                    .append(System.lineSeparator());
        }
        return text.toString();
    }

    /** The frames above the first of ExplainUnit's checks (all of them when there is none). */
    private static List<StackTraceElement> explainerFrames(Throwable thrown) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith(CALLER)) {
                break;
            }
            frames.add(frame);
        }
        return frames;
    }
}
