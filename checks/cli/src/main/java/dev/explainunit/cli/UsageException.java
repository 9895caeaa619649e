package dev.explainunit.cli;

import org.apiguardian.api.API;

/**
 * A problem with what the user gave (an argument, a file): reported as one line, exit code 2.
 * The message names the culprit, e.g. the file and its defect.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
