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
     * How a relevance breaks the contract.
     *
     * @param kind   which rule it breaks
     * @param phrase what it did, as a phrase: "returned a non-finite relevance (NaN) at step 4"
     * @param found  the offending value, or null when there is none (a null relevance)
     */
    record Breach(ContractViolation.Kind kind, String phrase, String found) {
    }

    /**
     * What is wrong with {@code r} as the explanation of a sequence of {@code length} steps, as a
     * phrase ("returned null", "returned 3 values for 14 steps", "returned NaN at step 4"), or
     * {@code null} when it meets the contract.
     */
    public static String violation(Relevance r, int length) {
        Breach breach = breach(r, length);
        return breach == null ? null : breach.phrase();
    }

    /**
     * As {@link #violation(Relevance, int)} for the explanation of {@code x}, and also: per-input
     * values, when given, have one value per input dimension of every step.
     */
    public static String violation(Relevance r, Sequence x) {
        Breach breach = breach(r, x);
        return breach == null ? null : breach.phrase();
    }

    /** How {@code r} breaks the contract for a sequence of {@code length} steps, or null. */
    static Breach breach(Relevance r, int length) {
        if (r == null) {
            return new Breach(ContractViolation.Kind.RETURNED_NULL, "returned null instead of a relevance", null);
        }
        if (r.length() != length) {
            return new Breach(ContractViolation.Kind.WRONG_LENGTH, "returned " + r.length()
                    + " relevance values for a sequence of " + length + " steps", String.valueOf(r.length()));
        }
        for (int t = 0; t < length; t++) {
            double v = r.step(t);
            if (!Double.isFinite(v)) {
                return new Breach(ContractViolation.Kind.NOT_FINITE, "returned a non-finite relevance (" + v
                        + ") at step " + t, String.valueOf(v));
            }
        }
        if (r.rest().isPresent() && !Double.isFinite(r.rest().getAsDouble())) {
            return new Breach(ContractViolation.Kind.NOT_FINITE, "declared a non-finite rest ("
                    + r.rest().getAsDouble() + ")", String.valueOf(r.rest().getAsDouble()));
        }
        return null;
    }

    /** How {@code r} breaks the contract as the explanation of {@code x}, per-input values included, or null. */
    static Breach breach(Relevance r, Sequence x) {
        Breach breach = breach(r, x.length());
        if (breach != null || !r.hasPerInput()) {
            return breach;
        }
        for (int t = 0; t < x.length(); t++) {
            if (r.inputCount(t) != x.dim()) {
                return new Breach(ContractViolation.Kind.WRONG_INPUT_COUNT, "returned " + r.inputCount(t)
                        + " per-input relevance values at step " + t + " for an input of " + x.dim() + " dimensions",
                        String.valueOf(r.inputCount(t)));
            }
        }
        return null;
    }
}
