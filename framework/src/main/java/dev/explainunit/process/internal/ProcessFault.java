package dev.explainunit.process.internal;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What went wrong with a child process: a description ("exited with code 1 while explaining 3
 * inputs"), whether the process is gone (killed or exited; a user's error leaves it ready) and the
 * last lines of its stderr.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProcessFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean processLost;
    private final boolean interrupted;
    private final transient List<String> stderrTail;

    ProcessFault(String description, boolean processLost, boolean interrupted, List<String> stderrTail) {
        super(description);
        this.processLost = processLost;
        this.interrupted = interrupted;
        this.stderrTail = List.copyOf(stderrTail);
    }

    /** Whether the process is gone: it exited, was killed, or broke the protocol and was killed for it. */
    public boolean processLost() {
        return processLost;
    }

    /** Whether the process was stopped because the calling thread was interrupted (not the process's fault). */
    public boolean interrupted() {
        return interrupted;
    }

    /** The last lines of the process's stderr, oldest first. */
    public List<String> stderrTail() {
        return stderrTail;
    }
}
