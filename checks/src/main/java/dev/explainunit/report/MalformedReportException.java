package dev.explainunit.report;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * A {@code report.json}, a published check result or a figures entry that the strict reader
 * refuses: the message names where in the document ("checks[3].counterexample.shrunk") and what is
 * wrong ("unknown key [a]; known keys: ...", "format_version 1, this build reads 2").
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MalformedReportException extends IOException {

    private static final long serialVersionUID = 1L;

    public MalformedReportException(String message) {
        super(message);
    }
}
