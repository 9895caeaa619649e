package dev.explainunit.checks;

import dev.explainunit.Relevance;
import org.apiguardian.api.API;

/**
 * The per-sequence contract every explanation must meet (DESIGN "Sanity tests"): present, one
 * value per step, every value (and the declared rest) finite. Determinism and an untouched input
 * are checked by re-running explanations, see {@link ExplainedPopulation}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RelevanceContract {

    private RelevanceContract() {
    }

    /**
     * What is wrong with {@code r} as the explanation of a sequence of {@code length} steps, as a
     * phrase ("returned null", "returned 3 values for 14 steps", "returned NaN at step 4"), or
     * {@code null} when it meets the contract.
     */
    public static String violation(Relevance r, int length) {
        if (r == null) {
            return "returned null instead of a relevance";
        }
        if (r.length() != length) {
            return "returned " + r.length() + " relevance values for a sequence of " + length + " steps";
        }
        for (int t = 0; t < length; t++) {
            double v = r.step(t);
            if (!Double.isFinite(v)) {
                return "returned a non-finite relevance (" + v + ") at step " + t;
            }
        }
        if (r.rest().isPresent() && !Double.isFinite(r.rest().getAsDouble())) {
            return "declared a non-finite rest (" + r.rest().getAsDouble() + ")";
        }
        return null;
    }
}
