package dev.explainunit.checks;

import static dev.explainunit.checks.CheckMessages.num;
import static dev.explainunit.checks.CheckMessages.pct;

import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.TaskWords;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ground-truth correlation on a sentence classifier: whether each polar word's relevance has the
 * sign of its true contribution towards the explained class ({@code src/docs/checks.md},
 * "Sentences"). A class score is not a linear function of word values, so only the direction of
 * each polar word's contribution is known to be right. Over the samples with ground truth and
 * their positions of role {@value #ROLE} (every relevant position when no sample has that role),
 * split by the sign of the contribution c_t:
 *
 * <pre>
 *   S = {t : c_t > 0} (supports the class),   O = {t : c_t &lt; 0} (speaks against it)
 *   agreement = ½ · ( #{t ∈ S : R_t > 0} / |S|  +  #{t ∈ O : R_t &lt; 0} / |O| )
 *   statistic = mean over models                                   pass if ≥ the sign-agreement threshold
 * </pre>
 *
 * Balanced over the two signs, so that a relevance of one sign everywhere (e.g. gradient,
 * R_t = ‖∂f/∂x_t‖² ≥ 0) scores 0.5 however many polar words support the class; R_t = 0 agrees
 * with neither. Undefined (NaN) on a model where S or O is empty, which fails. Single sequence:
 * every polar word's relevance has the sign of its contribution.
 */
final class SignAgreementCheck implements SanityCheck {

    /** The role whose positions are judged: the corpus's polar words. */
    static final String ROLE = "polar";

    /** Per-model statistic names: the agreement and the two shares, as fractions. */
    static final String AGREEMENT = "signAgreement";
    static final String SUPPORTING = "signAgreementSupporting";
    static final String OPPOSING = "signAgreementOpposing";

    /** Population statistic names. */
    static final String STATISTIC = "sign_agreement";
    static final String STATISTIC_SUPPORTING = "sign_agreement_supporting";
    static final String STATISTIC_OPPOSING = "sign_agreement_opposing";

    private final TaskWords words;

    SignAgreementCheck(TaskWords words) {
        this.words = words;
    }

    @Override
    public Check key() {
        return Check.GROUND_TRUTH_CORRELATION;
    }

    @Override
    public String rule(ExplainedPopulation p) {
        return "the relevance of each polar word should have the sign of its true contribution towards the explained"
                + " class";
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "a polar word pushes the score towards its polarity, so it supports the class of that polarity and"
                + " speaks against the other";
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.CONTRIBUTIONS;
    }

    @Override
    public Map<String, Double> modelValues(ExplainedPopulation p, int m) {
        double[] agreement = of(p, m);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(AGREEMENT, agreement[0]);
        values.put(SUPPORTING, agreement[1]);
        values.put(OPPOSING, agreement[2]);
        return values;
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        List<ModelStatistics> stats = p.modelStatistics();
        double threshold = s.thresholds().signAgreement();
        double agreement = CheckEvaluation.meanOverModels(stats, m -> m.get(AGREEMENT));
        double supporting = CheckEvaluation.meanOverModels(stats, m -> m.get(SUPPORTING));
        double opposing = CheckEvaluation.meanOverModels(stats, m -> m.get(OPPOSING));
        int undefined = CheckEvaluation.undefinedModels(stats, m -> m.get(AGREEMENT));
        double statistic = undefined > 0 ? Double.NaN : agreement;
        Verdict verdict = statistic >= threshold ? Verdict.PASS : Verdict.FAIL;
        Map<String, Double> statistics = new LinkedHashMap<>();
        statistics.put(STATISTIC, statistic);
        statistics.put(STATISTIC_SUPPORTING, supporting);
        statistics.put(STATISTIC_OPPOSING, opposing);
        if (undefined > 0) {
            statistics.put(CheckResult.UNDEFINED_MODELS, (double) undefined);
        }
        String judged = hasRole(p.samples()) ? "polar " + words.steps() : words.relevant();
        String measured = "the relevance has the sign of the true contribution for " + pct(supporting) + " of the "
                + judged + " that support the explained class and " + pct(opposing) + " of those that speak against"
                + " it: balanced sign agreement " + num(agreement);
        UndefinedStatistic undefinedOn = UndefinedStatistic.onSome(undefined, stats.size(),
                "no " + judged + " of one of the two signs");
        String message;
        if (verdict == Verdict.PASS) {
            message = CheckMessages.passed(p, measured + " ≥ " + num(threshold), this);
        } else if (undefined > 0) {
            message = CheckMessages.failed(p, this, "the sign agreement is " + undefinedOn.phrase() + " (threshold "
                    + num(threshold)
                    + ").");
        } else {
            message = CheckMessages.failed(p, this, measured + " < " + num(threshold) + " (a coin scores 0.5; "
                    + CheckMessages.population(p) + ").");
        }
        return CheckEvaluation.result(key(), p, s, statistics, STATISTIC, threshold, Comparison.AT_LEAST, verdict, stats, message,
                undefinedOn);
    }

    @Override
    public double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        return statistics.get(AGREEMENT);
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        return "every " + (hasRole(p.samples()) ? "polar " + words.step() : "relevant " + words.step())
                + "'s R_t has the sign of its contribution";
    }

    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        return judgeSigns(r, s, fx);
    }

    /**
     * Whether every judged position of {@code s} ({@link #judged}) has relevance of the sign of its
     * contribution; the statistic is the smallest sign(c_t) · R_t. A sample without ground truth holds.
     */
    static SequenceProperty.Outcome judgeSigns(double[] r, Sample s, double fx) {
        if (!s.hasTruth()) {
            return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
        }
        double worst = Double.POSITIVE_INFINITY;
        for (GroundTruth.Relevant relevant : judged(s.truth())) {
            worst = Math.min(worst, Math.signum(relevant.contribution()) * r[relevant.position()]);
        }
        return new SequenceProperty.Outcome(r, fx, worst, worst > 0, null);
    }

    /**
     * {agreement, share of S with R &gt; 0, share of O with R &lt; 0, |S|, |O|} of model {@code m}.
     */
    static double[] of(ExplainedPopulation p, int m) {
        List<Sample> samples = p.samples();
        boolean polar = hasRole(samples);
        int support = 0;
        int oppose = 0;
        int supportAgrees = 0;
        int opposeAgrees = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (!s.hasTruth()) {
                continue;
            }
            double[] r = p.relevance(m, i);
            for (GroundTruth.Relevant t : s.truth().relevant()) {
                if (polar && !t.role().equals(ROLE) || t.contribution() == 0 || Double.isNaN(t.contribution())) {
                    continue;
                }
                if (t.contribution() > 0) {
                    support++;
                    supportAgrees += r[t.position()] > 0 ? 1 : 0;
                } else {
                    oppose++;
                    opposeAgrees += r[t.position()] < 0 ? 1 : 0;
                }
            }
        }
        double supporting = support == 0 ? Double.NaN : (double) supportAgrees / support;
        double opposing = oppose == 0 ? Double.NaN : (double) opposeAgrees / oppose;
        return new double[] {(supporting + opposing) / 2, supporting, opposing, support, oppose};
    }

    /** Whether any sample has a position of role {@value #ROLE}. */
    static boolean hasRole(List<Sample> samples) {
        for (Sample s : samples) {
            if (s.hasTruth() && s.truth().role(ROLE).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The positions judged in one sample: those of role {@value #ROLE} if it has any, else all relevant ones. */
    static List<GroundTruth.Relevant> judged(GroundTruth truth) {
        List<GroundTruth.Relevant> polar = truth.relevant().stream().filter(t -> t.role().equals(ROLE)).toList();
        return polar.isEmpty() ? truth.relevant() : polar;
    }
}
