package dev.explainunit.checks;

import org.apiguardian.api.API;

/** The outcome of a check. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Verdict {
    PASS, FAIL
}
