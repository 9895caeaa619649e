package dev.explainunit.checks;

import static dev.explainunit.checks.CheckMessages.num;
import static dev.explainunit.checks.CheckMessages.pct;

import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relevant mass (Table 2, column 3): the share of absolute relevance on the relevant positions,
 *
 * <pre>
 *   mass = E[Σ_{t relevant} |R_t| / Σ_t |R_t|]      (per model over its test samples, in %)
 *   statistic = mean over models                      pass if ≥ threshold
 * </pre>
 *
 * on the toy tasks (|R_a| + |R_b|) / Σ_t |R_t|. Single sequence: its mass is at least the threshold.
 */
final class RelevantMassCheck implements SanityCheck {

    @Override
    public Check key() {
        return Check.RELEVANT_MASS;
    }

    @Override
    public String displayName() {
        return "relevant mass";
    }

    @Override
    public String rule() {
        return "relevance should concentrate on the two operands";
    }

    @Override
    public String reason() {
        return "only they determine y; the distractor steps carry no information";
    }

    @Override
    public String rule(Task task) {
        return task.words().relevant().equals("operands") ? rule()
                : "relevance should concentrate on the " + task.words().relevant();
    }

    @Override
    public String reason(Task task) {
        return SentenceForm.appliesTo(task) ? "only they change the sentence's score; the other words add nothing to it"
                : reason();
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.POSITIONS;
    }

    @Override
    public Map<String, Double> modelValues(ExplainedPopulation p, int m) {
        double mass = 0;
        int n = 0;
        for (int i = 0; i < p.samples().size(); i++) {
            Sample s = p.samples().get(i);
            if (s.hasTruth()) {
                double[] r = p.relevance(m, i);
                mass += Metrics.relevantMass(r, r.length, s.truth());
                n++;
            }
        }
        return Map.of(ModelStatistics.MASS, n == 0 ? Double.NaN : 100 * mass / n);
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        List<ModelStatistics> stats = p.modelStatistics();
        double mass = CheckEvaluation.meanOverModels(stats, m -> m.get(ModelStatistics.MASS) / 100);
        int undefined = CheckEvaluation.undefinedModels(stats, m -> m.get(ModelStatistics.MASS));
        double statistic = undefined > 0 ? Double.NaN : mass;
        double threshold = s.thresholds().on(p.task()).mass();
        Verdict verdict = statistic >= threshold ? Verdict.PASS : Verdict.FAIL;
        ModelStatistics worst = stats.stream().min((x, y) -> Double.compare(orMinusInfinity(x.get(ModelStatistics.MASS)),
                orMinusInfinity(y.get(ModelStatistics.MASS)))).orElseThrow();
        String message;
        if (verdict == Verdict.PASS) {
            message = CheckMessages.passed(p, "relevant mass " + num(mass) + " ≥ " + num(threshold), this);
        } else if (undefined > 0) {
            message = CheckMessages.failed(p, this, "the relevant mass is "
                    + CheckMessages.undefined(undefined, stats.size(), "the absolute relevance overflows") + " ("
                    + (undefined < stats.size() ? "mean over the others " + pct(mass) + ", " : "") + "threshold "
                    + pct(threshold) + "; e.g. model " + worst.modelId() + ").");
        } else {
            message = CheckMessages.failed(p, this, "only " + pct(mass) + " of the absolute relevance lies on "
                    + (SentenceForm.appliesTo(p.task()) ? "the " + p.task().words().relevant()
                    : Roles.of(p.samples()).names()) + " (threshold " + pct(threshold) + "; "
                    + CheckMessages.population(p) + "; " + CheckMessages.worstModel(stats.size(), worst.modelId()) + " with "
                    + pct(worst.get(ModelStatistics.MASS) / 100) + ").");
        }
        Map<String, Double> statistics = new LinkedHashMap<>();
        statistics.put("mass", statistic);
        if (undefined > 0) {
            statistics.put("undefined_models", (double) undefined);
        }
        return CheckEvaluation.result(key(), p, s, statistics, "mass", threshold, ">=", verdict, stats, message);
    }

    private static double orMinusInfinity(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    @Override
    public double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        return statistics.get(ModelStatistics.MASS);
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        if (SentenceForm.appliesTo(p.task())) {
            return "Σ_{t " + p.task().words().relevant() + "} |R_t| / Σ_t |R_t| ≥ " + num(thresholds.mass());
        }
        return "(" + Roles.of(p.samples()).joined("|R_%s|", " + ") + ") / Σ_t |R_t| ≥ " + num(thresholds.mass());
    }

    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        if (!s.hasTruth()) {
            return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
        }
        double m = Metrics.relevantMass(r, r.length, s.truth());
        return new SequenceProperty.Outcome(r, fx, m, m >= thresholds.mass(), null);
    }
}
