package dev.explainunit.report;

import org.apiguardian.api.API;

/** The verdict strings used in every report format. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Verdicts {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";

    private Verdicts() {
    }

    /** {@code "pass"} or {@code "fail"}. */
    public static String of(boolean passed) {
        return passed ? PASS : FAIL;
    }
}
