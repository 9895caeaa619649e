package dev.explainunit.checks;

import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import java.util.Map;

/**
 * One sanity check: its rule and reason, the ground truth it needs, its population statistic and
 * its single-sequence form for counterexamples. Implementations are stateless; the
 * {@link Check} enum is the public key that names each one ({@link Check#implementation()}).
 *
 * <p>A new check is a class implementing this interface plus a constant of {@link Check}; the
 * engine, the reports and the counterexample search then run it without further changes.
 */
interface SanityCheck {

    /** The public key of this check. */
    Check key();

    /** A readable name, e.g. "relevant mass". */
    String displayName();

    /** The rule as a sentence without its reason. */
    String rule();

    /** Why the rule should hold. */
    String reason();

    /** The rule with its reason. */
    default String sentence() {
        return rule() + ", because " + reason();
    }

    /** What the check needs to know about the true relevance; on a task that provides less it is not applicable. */
    GroundTruthKind needs();

    /**
     * What the check needs on {@code task}: {@link #needs()} unless its form on that task needs less
     * (perturbation selectivity on a sentence classifier compares with random deletion and occlusion
     * instead of the ground truth, and needs none).
     */
    default GroundTruthKind needs(Task task) {
        return needs();
    }

    /** Whether the check exists on {@code task}; a check that does not is left out of the task's run. */
    default boolean existsOn(Task task) {
        return true;
    }

    /** The rule on {@code task}, in the task's {@linkplain Task#words() words}; {@link #rule()} by default. */
    default String rule(Task task) {
        return rule();
    }

    /** Why the rule holds on {@code task}; {@link #reason()} by default. */
    default String reason(Task task) {
        return reason();
    }

    /** The rule with its reason on {@code task}. */
    default String sentence(Task task) {
        return rule(task) + ", because " + reason(task);
    }

    /** What the check needs, in words, for the "not applicable" reason: "the relevant positions". */
    default String needsInWords(Task task) {
        return switch (needs(task)) {
            case NONE -> "nothing";
            case POSITIONS -> "the relevant positions";
            case CONTRIBUTIONS -> "the relevant positions with their values and signs";
            case COMPLETE -> "complete ground truth (contributions that add up to the target)";
        };
    }

    /**
     * The population statistic and verdict on {@code p}, which is valid: the explainer applies, met
     * the contract on every sequence, and the task provides {@link #needs()}.
     */
    CheckResult evaluate(ExplainedPopulation p, SanitySettings s);

    /**
     * The named per-model values this check contributes to {@link ModelStatistics} (e.g. "mass"),
     * in the paper's units; empty for checks without a per-model statistic.
     */
    default Map<String, Double> modelValues(ExplainedPopulation p, int m) {
        return Map.of();
    }

    /**
     * How well model {@code m} does on this check (lower is worse; NaN counts as worst), so that the
     * counterexample search looks at the worst model; 0 for every model when the check has no
     * per-model statistic.
     */
    default double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        return 0;
    }

    /** The single-sequence property on the roles of {@code p}, e.g. "(|R_a| + |R_b|) / Σ_t |R_t| ≥ 0.900". */
    String property(ExplainedPopulation p, Thresholds thresholds);

    /**
     * Judges one explained sequence: relevance {@code r} (valid under the contract) of {@code s}
     * with the model's output {@code fx} for the sample's target.
     */
    SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds);

    /**
     * Judges a freshly explained sequence during the search; checks that need more than the
     * relevance (model randomization explains the sequence again on a randomised model) override it.
     */
    default SequenceProperty.Outcome judgeFresh(double[] r, Sample s, double fx, SequenceProperty context) {
        return judge(r, s, fx, context.thresholds());
    }

    /** Whether a test sequence must be explained afresh to be judged (not only from the shared relevances). */
    default boolean judgesFreshOnly() {
        return false;
    }

    /** Whether a test sequence of {@code task} must be explained afresh to be judged; {@link #judgesFreshOnly()} by default. */
    default boolean judgesFreshOnly(Task task) {
        return judgesFreshOnly();
    }
}
