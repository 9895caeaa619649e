package dev.explainunit.checks;

import static dev.explainunit.checks.CheckMessages.num;
import static dev.explainunit.checks.CheckMessages.pct;

import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.TaskWords;
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
 * on the toy tasks (|R_a| + |R_b|) / Σ_t |R_t|, named by the ground truth's roles. Single sequence:
 * its mass is at least the threshold. On sentences the same statistic has a threshold of its own
 * ({@link SentenceMassCheck}).
 */
class RelevantMassCheck implements SanityCheck {

    /** Per-model name of the relevant mass in %. */
    static final String PER_MODEL = "mass";
    /** Population name of the relevant mass as a fraction. */
    static final String STATISTIC = "mass";

    final TaskWords words;

    RelevantMassCheck(TaskWords words) {
        this.words = words;
    }

    @Override
    public Check key() {
        return Check.RELEVANT_MASS;
    }

    @Override
    public String rule(ExplainedPopulation p) {
        return "relevance should concentrate on the " + Roles.of(p.samples()).counted(words.relevant());
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "only they determine y; the distractor steps carry no information";
    }

    /** The threshold of this form. */
    double threshold(Thresholds thresholds) {
        return thresholds.mass();
    }

    /** Where the relevance should lie, as the failure message names it: "a and b". */
    String relevantNamed(ExplainedPopulation p) {
        return Roles.of(p.samples()).names();
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
        return Map.of(PER_MODEL, n == 0 ? Double.NaN : 100 * mass / n);
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        List<ModelStatistics> stats = p.modelStatistics();
        double mass = CheckEvaluation.meanOverModels(stats, m -> m.get(PER_MODEL) / 100);
        int undefined = CheckEvaluation.undefinedModels(stats, m -> m.get(PER_MODEL));
        double statistic = undefined > 0 ? Double.NaN : mass;
        double threshold = threshold(s.thresholds());
        Verdict verdict = statistic >= threshold ? Verdict.PASS : Verdict.FAIL;
        ModelStatistics worst = stats.stream().min((x, y) -> Double.compare(orMinusInfinity(x.get(PER_MODEL)),
                orMinusInfinity(y.get(PER_MODEL)))).orElseThrow();
        UndefinedStatistic undefinedOn = UndefinedStatistic.onSome(undefined, stats.size(),
                "the absolute relevance overflows");
        String message;
        if (verdict == Verdict.PASS) {
            message = CheckMessages.passed(p, "relevant mass " + num(mass) + " ≥ " + num(threshold), this);
        } else if (undefined > 0) {
            message = CheckMessages.failed(p, this, "the relevant mass is "
                    + undefinedOn.phrase() + " ("
                    + (undefined < stats.size() ? "mean over the others " + pct(mass) + ", " : "") + "threshold "
                    + pct(threshold) + "; e.g. model " + worst.modelId() + ").");
        } else {
            message = CheckMessages.failed(p, this, "only " + pct(mass) + " of the absolute relevance lies on "
                    + relevantNamed(p) + " (threshold " + pct(threshold) + "; " + CheckMessages.population(p) + "; "
                    + CheckMessages.worstModel(stats.size(), worst.modelId()) + " with "
                    + pct(worst.get(PER_MODEL) / 100) + ").");
        }
        Map<String, Double> statistics = new LinkedHashMap<>();
        statistics.put(STATISTIC, statistic);
        if (undefined > 0) {
            statistics.put(CheckResult.UNDEFINED_MODELS, (double) undefined);
        }
        return CheckEvaluation.result(key(), p, s, statistics, STATISTIC, threshold, Comparison.AT_LEAST, verdict, stats, message,
                undefinedOn);
    }

    private static double orMinusInfinity(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    @Override
    public double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        return statistics.get(PER_MODEL);
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        return "(" + Roles.of(p.samples()).joined("|R_%s|", " + ") + ") / Σ_t |R_t| ≥ " + num(threshold(thresholds));
    }

    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        if (!s.hasTruth()) {
            return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
        }
        double m = Metrics.relevantMass(r, r.length, s.truth());
        return new SequenceProperty.Outcome(r, fx, m, m >= threshold(thresholds), null);
    }
}
