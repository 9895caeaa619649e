package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * The outcome of a check. {@link #NOT_APPLICABLE}: the explainer declared through
 * {@link dev.explainunit.Explainer#supports} that it does not apply to the task's models, or the
 * task lacks the ground truth the check needs, so the check was not run (the JUnit engine reports
 * it as skipped). {@link #SKIPPED}: the check was not evaluated because the contract check of the
 * same explainer and task failed, the one root cause (the JUnit engine reports it as aborted).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Verdict {
    PASS, FAIL, NOT_APPLICABLE,
    /** Not evaluated: the contract check of the same explainer and task failed. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    SKIPPED;

    /** PASS or FAIL. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static Verdict of(boolean passed) {
        return passed ? PASS : FAIL;
    }

    /** The word every report format uses: "pass", "fail", "not applicable" or "skipped". */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String word() {
        return this == NOT_APPLICABLE ? "not applicable" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
