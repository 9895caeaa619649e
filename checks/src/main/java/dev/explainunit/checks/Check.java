package dev.explainunit.checks;

import dev.explainunit.task.GroundTruthKind;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The check catalogue: the public key of each check, as {@code @ExplainerSanityTest(checks = ...)}
 * names it, mapped to the class that implements it. Each check reads like a rule with a reason;
 * {@link #rule()} is used in failure messages and reports. Formulas and default thresholds:
 * {@code src/docs/checks.md}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Check {

    /** Per-sequence contract: finite values, one per step, deterministic, no hang ({@link ContractCheck}). */
    CONTRACT(new ContractCheck()),

    /** Pearson ρ of each relevant role's relevance with its value (Table 2, columns 1–2; {@link GroundTruthCorrelationCheck}). */
    GROUND_TRUTH_CORRELATION(new GroundTruthCorrelationCheck()),

    /** E[(Σ_relevant R_t − f(x))²] (Table 2, column 4; {@link RelevanceConservationCheck}). */
    RELEVANCE_CONSERVATION(new RelevanceConservationCheck()),

    /** E[Σ_relevant |R_t| / Σ_t |R_t|] (Table 2, column 3; {@link RelevantMassCheck}). */
    RELEVANT_MASS(new RelevantMassCheck()),

    /** Prediction change when the most relevant steps are removed ({@link PerturbationSelectivityCheck}). */
    PERTURBATION_SELECTIVITY(new PerturbationSelectivityCheck()),

    /** Rank correlation with relevances on randomised models ({@link ModelRandomizationCheck}). */
    MODEL_RANDOMIZATION(new ModelRandomizationCheck()),

    /**
     * The paper's Table 4 patterns: a negator carries the flipped prediction, an amplifier supports
     * with the sign of its word ({@link CompositionCheck}); only on five-class sentence classifiers.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    COMPOSITION(new CompositionCheck());

    private final SanityCheck implementation;

    Check(SanityCheck implementation) {
        this.implementation = implementation;
    }

    /** The class that implements this check. */
    SanityCheck implementation() {
        return implementation;
    }

    /** The id used in reports, e.g. "relevant-mass". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A readable name, e.g. "relevant mass". */
    public String displayName() {
        return implementation.displayName();
    }

    /** The rule as a sentence without its reason. */
    public String rule() {
        return implementation.rule();
    }

    /** Why the rule should hold. */
    public String reason() {
        return implementation.reason();
    }

    /** The rule with its reason: "relevance should concentrate on the two operands, because only they ...". */
    public String sentence() {
        return implementation.sentence();
    }

    /** What the check needs to know about the true relevance; a task that provides less makes it not applicable. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public GroundTruthKind needs() {
        return implementation.needs();
    }

    /**
     * Whether the check exists on {@code task}: composition only on five-class sentence
     * classifiers; every other check on every task. A check that does not exist on a task is left
     * out of its run (not shown as not applicable).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public boolean existsOn(dev.explainunit.task.Task task) {
        return implementation.existsOn(task);
    }

    /**
     * What the check needs on {@code task}: {@link #needs()}, or less where its form on the task
     * needs less (perturbation selectivity on a sentence classifier needs no ground truth).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public GroundTruthKind needs(dev.explainunit.task.Task task) {
        return implementation.needs(task);
    }
}
