package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * The check catalogue. Each check reads like a rule with a reason; {@link #rule()} is used in
 * failure messages and reports. Formulas and default thresholds: {@code src/docs/checks.md}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Check {

    /**
     * Per-sequence contract: finite values, one per step (and one per input dimension when given
     * per input), deterministic, no hang. The input cannot be modified: {@link dev.explainunit.Sequence}
     * is immutable.
     */
    CONTRACT("contract",
            "every explanation should have one finite value per step and be deterministic",
            "the other checks and any user of the relevance rely on it"),

    /** Pearson ρ(R_a, n_a) and ρ(R_b, n_b) with the task's expected signs (Table 2, columns 1–2). */
    GROUND_TRUTH_CORRELATION("ground-truth correlation",
            "the relevance of each operand should correlate with its value, with the sign it has in y",
            "y is a linear function of the two operands, so their true relevances are ±n_a and ±n_b"),

    /** E[((R_a + R_b) − y_pred)²] (Table 2, column 4) and, with a declared rest, exact conservation. */
    RELEVANCE_CONSERVATION("relevance conservation",
            "the relevances of the two operands should add up to the prediction",
            "only the operands determine y, so they should account for all of it"),

    /** E[(|R_a| + |R_b|) / Σ_t |R_t|] (Table 2, column 3). */
    RELEVANT_MASS("relevant mass",
            "relevance should concentrate on the two operands",
            "only they determine y; the distractor steps carry no information"),

    /** Prediction change when the most relevant steps are removed, random = 0, true operands = 100 (Table 3 style). */
    PERTURBATION_SELECTIVITY("perturbation selectivity",
            "removing the most relevant steps should change the prediction about as much as removing the operands",
            "relevance that does not point at what the model uses cannot guide any decision"),

    /** Rank correlation between relevances on the trained and on a randomised model (Adebayo et al. 2018). */
    MODEL_RANDOMIZATION("model randomization",
            "relevance on a model with random weights should differ from relevance on the trained model",
            "an explanation that survives randomising the model describes the input, not the model");

    private final String displayName;
    private final String rule;
    private final String reason;

    Check(String displayName, String rule, String reason) {
        this.displayName = displayName;
        this.rule = rule;
        this.reason = reason;
    }

    /** A readable name, e.g. "relevant mass". */
    public String displayName() {
        return displayName;
    }

    /** The rule as a sentence without its reason. */
    public String rule() {
        return rule;
    }

    /** Why the rule should hold. */
    public String reason() {
        return reason;
    }

    /** The rule with its reason: "relevance should concentrate on the two operands, because only they ...". */
    public String sentence() {
        return rule + ", because " + reason;
    }
}
