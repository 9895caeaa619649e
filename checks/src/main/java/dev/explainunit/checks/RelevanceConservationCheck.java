package dev.explainunit.checks;

import static dev.explainunit.checks.CheckMessages.sci;

import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.TaskWords;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relevance conservation (Table 2, column 4): the relevances of the relevant positions should add
 * up to the prediction, which needs complete ground truth (only the relevant positions determine
 * the target),
 *
 * <pre>
 *   mse = E[(Σ_{t relevant} R_t − f(x))²]      (per model, raw; toy: E[((R_a + R_b) − y_pred)²])
 *   statistic = mean over models                 pass if ≤ threshold
 * </pre>
 *
 * and, for an explainer that declares the rest of its relevance, the exact balance
 * |Σ_t R_t + R_rest − f(x)| / max(1, |f(x)|) ≤ the exact-conservation threshold on every sequence
 * (LRP, section 2.2). Single sequence: (Σ_relevant R_t − f(x))² ≤ the MSE threshold.
 */
final class RelevanceConservationCheck implements SanityCheck {

    @Override
    public Check key() {
        return Check.RELEVANCE_CONSERVATION;
    }

    /** Per-model name of the conservation MSE (raw). */
    static final String PER_MODEL = "mse";
    /** Population names: the MSE and the worst exact balance of a declared rest. */
    static final String STATISTIC = "mse";
    static final String EXACT = "exact_conservation_error";

    private final TaskWords words;

    RelevanceConservationCheck(TaskWords words) {
        this.words = words;
    }

    @Override
    public String rule(ExplainedPopulation p) {
        return "the relevances of the " + Roles.of(p.samples()).counted(words.relevant()) + " should add up to the"
                + " prediction";
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "only the " + words.relevant() + " determine y, so they should account for all of it";
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.COMPLETE;
    }

    @Override
    public Map<String, Double> modelValues(ExplainedPopulation p, int m) {
        double mse = 0;
        int n = 0;
        for (int i = 0; i < p.samples().size(); i++) {
            Sample s = p.samples().get(i);
            if (s.hasTruth()) {
                mse += Metrics.conservationSquaredError(p.relevance(m, i), s.truth(), p.prediction(m, i));
                n++;
            }
        }
        return Map.of(PER_MODEL, n == 0 ? Double.NaN : mse / n);
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        List<ModelStatistics> stats = p.modelStatistics();
        int undefined = CheckEvaluation.undefinedModels(stats, m -> m.get(PER_MODEL));
        double mse = undefined > 0 ? Double.NaN : CheckEvaluation.meanOverModels(stats,
                m -> m.get(PER_MODEL));
        double threshold = s.thresholds().conservationMse();
        double exact = Double.NaN;
        String exactModel = null;
        for (int m = 0; m < p.models().size(); m++) {
            double e = p.worstExactConservation(m);
            if (!Double.isNaN(e) && (Double.isNaN(exact) || e > exact)) {
                exact = e;
                exactModel = p.models().get(m).id();
            }
        }
        boolean msePass = mse <= threshold;
        boolean exactPass = Double.isNaN(exact) || exact <= s.thresholds().exactConservation();
        Verdict verdict = msePass && exactPass ? Verdict.PASS : Verdict.FAIL;
        Map<String, Double> statistics = new LinkedHashMap<>();
        statistics.put(STATISTIC, mse);
        if (!Double.isNaN(exact)) {
            statistics.put(EXACT, exact);
        }
        String error = "E[((" + Roles.of(p.samples()).joined("R_%s", " + ") + ") − y_pred)²]";
        UndefinedStatistic undefinedOn = UndefinedStatistic.onSome(undefined, stats.size(), "the relevance overflows");
        String message;
        if (verdict == Verdict.PASS) {
            message = CheckMessages.passed(p, error + " = " + sci(mse) + " ≤ " + sci(threshold)
                    + (Double.isNaN(exact) ? "" : " and Σ_t R_t + R_rest = f(x) within " + sci(exact)), this);
        } else if (undefined > 0) {
            message = CheckMessages.failed(p, this, error + " is "
                    + undefinedOn.phrase() + ".");
        } else if (!msePass) {
            message = CheckMessages.failed(p, this, error + " = " + sci(mse) + " > " + sci(threshold) + " ("
                    + CheckMessages.population(p) + ").");
        } else {
            message = CheckMessages.header(p) + "the declared rest should close the balance Σ_t R_t + R_rest = f(x), "
                    + "because the explainer claims to conserve relevance; but the error reaches " + sci(exact)
                    + " of |f(x)| on model " + exactModel + " (threshold " + sci(s.thresholds().exactConservation())
                    + ").";
        }
        boolean exactDecides = msePass && !exactPass;
        return CheckEvaluation.result(key(), p, s, statistics, exactDecides ? EXACT : STATISTIC,
                exactDecides ? s.thresholds().exactConservation() : threshold, Comparison.AT_MOST, verdict, stats, message, undefinedOn);
    }

    @Override
    public double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        return -statistics.get(PER_MODEL);
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        return "((" + Roles.of(p.samples()).joined("R_%s", " + ") + ") − f(x))² ≤ " + sci(thresholds.conservationMse());
    }

    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        if (!s.hasTruth()) {
            return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
        }
        double e = Metrics.conservationSquaredError(r, s.truth(), fx);
        return new SequenceProperty.Outcome(r, fx, e, e <= thresholds.conservationMse(), null);
    }
}
