package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * The outcome of a check. {@link #NOT_APPLICABLE}: the explainer declared through
 * {@link dev.explainunit.Explainer#supports} that it does not apply to the task's models, so the
 * check was not run (the JUnit engine reports it as skipped).
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Verdict {
    PASS, FAIL, NOT_APPLICABLE
}
