package dev.explainunit.process;

import java.util.List;
import org.apiguardian.api.API;

/**
 * An explainer process failed: it could not be started, broke the protocol, reported an error,
 * exited, or did not answer in time. The message names the command in brackets, says what
 * happened, and quotes the last lines of the process's stderr.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProcessExplainerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final String description;
    private final transient List<String> stderrTail;

    ProcessExplainerException(String command, String description, List<String> stderrTail, Throwable cause) {
        super(message(command, description, stderrTail), cause);
        this.command = command;
        this.description = description;
        this.stderrTail = List.copyOf(stderrTail);
    }

    private static String message(String command, String description, List<String> tail) {
        StringBuilder message = new StringBuilder("explainer process [").append(command).append("] ").append(description);
        if (tail.isEmpty()) {
            return message.append("; its stderr was empty").toString();
        }
        message.append("; the last ").append(tail.size() == 1 ? "line" : tail.size() + " lines").append(" of its stderr:");
        for (String line : tail) {
            message.append("\n  | ").append(line);
        }
        return message.toString();
    }

    /** The command, its words joined by spaces. */
    public String command() {
        return command;
    }

    /** What happened, without the command and the stderr tail. */
    public String description() {
        return description;
    }

    /** The last lines the process wrote to its stderr, oldest first (at most 20). */
    public List<String> stderrTail() {
        return stderrTail;
    }
}
