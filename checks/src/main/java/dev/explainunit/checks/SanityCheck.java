package dev.explainunit.checks;

import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import java.util.Map;

/**
 * One check in the form it takes on one task: its rule and reason, the ground truth it needs, its
 * population statistic and its single-sequence form for counterexamples. {@link Check#on} binds
 * the form once per task, from the {@linkplain dev.explainunit.task.Task#kind() kind} the task
 * declares (ground-truth correlation is {@link GroundTruthCorrelationCheck} on sequences and
 * {@link SignAgreementCheck} on sentences); a form never asks what kind of task it runs on.
 * Implementations are immutable.
 *
 * <p>A new check is a class implementing this interface plus a constant of {@link Check} that
 * binds it; the engine, the reports and the counterexample search then run it without further
 * changes.
 */
interface SanityCheck {

    /** The public key of this check. */
    Check key();

    /** The rule as a sentence without its reason, in the words of {@code p}'s task and ground truth. */
    String rule(ExplainedPopulation p);

    /** Why the rule should hold on {@code p}'s task. */
    String reason(ExplainedPopulation p);

    /** The rule with its reason. */
    default String sentence(ExplainedPopulation p) {
        return rule(p) + ", because " + reason(p);
    }

    /** What the check needs to know about the true relevance; on a task that provides less it is not applicable. */
    GroundTruthKind needs();

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
}
