package dev.explainunit.checks;

import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import java.util.List;
import java.util.Map;

/**
 * Per-sequence contract: every explanation has one finite value per step (and one per input
 * dimension when given per input), re-runs are identical, and no call exceeds the time limit. The
 * input cannot be modified: {@link dev.explainunit.Sequence} is immutable. The contract is checked
 * while the population is explained ({@link ExplainedPopulation}); a violation fails this check
 * and leaves the others unevaluated.
 */
final class ContractCheck implements SanityCheck {

    @Override
    public Check key() {
        return Check.CONTRACT;
    }

    @Override
    public String rule(ExplainedPopulation p) {
        return "every explanation should have one finite value per step and be deterministic";
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "the other checks and any user of the relevance rely on it";
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.NONE;
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        int calls = p.models().size() * p.samples().size();
        String message = CheckMessages.header(p) + "all " + calls + " explanations had one finite value per step, "
                + "re-runs were identical, no call exceeded " + s.timeLimit().toMillis() + " ms.";
        return CheckEvaluation.result(key(), p, s, Map.of("explanations", (double) calls), "explanations",
                Double.NaN, Comparison.NONE, Verdict.PASS, List.of(), message);
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        return "one finite relevance per step";
    }

    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
    }
}
