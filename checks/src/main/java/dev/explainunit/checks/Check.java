package dev.explainunit.checks;

import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Task;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The check catalogue: the public key of each check, as {@code @ExplainerSanityTest(checks = ...)}
 * names it. Each key binds, once per task, the form the check takes on the task's
 * {@linkplain Task#kind() kind} ({@link CheckForms}); formulas and default thresholds:
 * {@code src/docs/checks.md}. The constants and their {@link #id()} and {@link #displayName()} are
 * stable, as {@code @ExplainerSanityTest} is, which names them.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Check {

    /** Per-sequence contract: finite values, one per step, deterministic, no hang ({@link ContractCheck}). */
    CONTRACT("contract", CheckForms::contract),

    /**
     * Pearson ρ of each relevant role's relevance with its value (Table 2, columns 1–2;
     * {@link GroundTruthCorrelationCheck}); on sentences the sign agreement of the polar words
     * ({@link SignAgreementCheck}).
     */
    GROUND_TRUTH_CORRELATION("ground-truth correlation", CheckForms::groundTruthCorrelation),

    /** E[(Σ_relevant R_t − f(x))²] (Table 2, column 4; {@link RelevanceConservationCheck}). */
    RELEVANCE_CONSERVATION("relevance conservation", CheckForms::relevanceConservation),

    /**
     * E[Σ_relevant |R_t| / Σ_t |R_t|] (Table 2, column 3; {@link RelevantMassCheck}); on sentences
     * with the sentence threshold ({@link SentenceMassCheck}).
     */
    RELEVANT_MASS("relevant mass", CheckForms::relevantMass),

    /**
     * Prediction change when the most relevant steps are removed ({@link PerturbationSelectivityCheck});
     * on sentences the paper's Table 3 ({@link WordDeletionSelectivityCheck}).
     */
    PERTURBATION_SELECTIVITY("perturbation selectivity", CheckForms::perturbationSelectivity),

    /** Rank correlation with relevances on randomised models ({@link ModelRandomizationCheck}). */
    MODEL_RANDOMIZATION("model randomization", CheckForms::modelRandomization),

    /**
     * The paper's Table 4 patterns: a negator carries the flipped prediction, an amplifier supports
     * with the sign of its word ({@link CompositionCheck}); only on five-class sentence classifiers.
     */
    COMPOSITION("composition", CheckForms::composition);

    private final String displayName;
    private final Function<Task, Optional<SanityCheck>> binding;

    Check(String displayName, Function<Task, Optional<SanityCheck>> binding) {
        this.displayName = displayName;
        this.binding = binding;
    }

    /** This check's form on {@code task}, or empty where it does not exist (composition off sentences). */
    Optional<SanityCheck> on(Task task) {
        return binding.apply(task);
    }

    /** The id used in reports, e.g. "relevant-mass". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A readable name, e.g. "relevant mass". */
    public String displayName() {
        return displayName;
    }

    /**
     * Whether the check exists on {@code task}: composition only on five-class sentence
     * classifiers; every other check on every task. A check that does not exist on a task is left
     * out of its run (not shown as not applicable).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public boolean existsOn(Task task) {
        return on(task).isPresent();
    }

    /**
     * What the check needs to know about the true relevance on {@code task}; a task that provides
     * less makes it not applicable (perturbation selectivity on sentences needs no ground truth).
     *
     * @throws IllegalArgumentException if the check does not {@linkplain #existsOn exist} on the task
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public GroundTruthKind needs(Task task) {
        return on(task).orElseThrow(() -> new IllegalArgumentException(displayName + " does not exist on task ["
                + task.id() + "]")).needs();
    }
}
