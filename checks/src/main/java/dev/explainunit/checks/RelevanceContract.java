package dev.explainunit.checks;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import org.apiguardian.api.API;

/**
 * The per-sequence contract every explanation must meet (DESIGN "Sanity tests"): present, one
 * value per step, per-input values (if given) one per input dimension, every value (and the
 * declared rest) finite. Determinism is checked by re-running explanations, see
 * {@link ExplainedPopulation}. That the input is not modified needs no check: {@link Sequence} is
 * immutable ({@code Sequence.of} copies its argument, {@code toArray} returns a copy, there are
 * no mutators).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
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

    /**
     * As {@link #violation(Relevance, int)} for the explanation of {@code x}, and also: per-input
     * values, when given, have one value per input dimension of every step.
     */
    public static String violation(Relevance r, Sequence x) {
        String problem = violation(r, x.length());
        if (problem != null || !r.hasPerInput()) {
            return problem;
        }
        for (int t = 0; t < x.length(); t++) {
            if (r.inputCount(t) != x.dim()) {
                return "returned " + r.inputCount(t) + " per-input relevance values at step " + t + " for an input of "
                        + x.dim() + " dimensions";
            }
        }
        return null;
    }
}
