package dev.explainunit.checks;

import static dev.explainunit.checks.CheckMessages.num;
import static dev.explainunit.checks.CheckMessages.pct;

import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ground-truth correlation (Table 2, columns 1–2): for each ground-truth role r (a and b on the
 * toy tasks), over the test samples that have it, the Pearson correlation of the relevance at the
 * role's position with its value,
 *
 * <pre>
 *   ρ_r = ρ(R_{pos_r}, n_r)          (per model, in %)
 *   statistic = min_r sign_r · mean over models of ρ_r       pass if ≥ threshold
 * </pre>
 *
 * where sign_r is the sign the role enters the target with (−1 for b in subtraction, y = n_a − n_b).
 * A model whose ρ is undefined (constant relevance) makes the statistic undefined, which fails.
 * Single sequence: every relevant position's relevance has the sign of its contribution.
 *
 * <p>On a sentence classifier ({@link SentenceForm}) the statistic is the balanced sign agreement of
 * the polar words instead ({@link SignAgreement}), pass if ≥ the sign-agreement threshold: a
 * class score is not a linear function of word values, so only the direction of each polar word's
 * contribution is known to be right. Single sequence: every polar word's relevance has the sign
 * of its contribution.
 */
final class GroundTruthCorrelationCheck implements SanityCheck {

    @Override
    public Check key() {
        return Check.GROUND_TRUTH_CORRELATION;
    }

    @Override
    public String displayName() {
        return "ground-truth correlation";
    }

    @Override
    public String rule() {
        return "the relevance of each operand should correlate with its value, with the sign it has in y";
    }

    @Override
    public String reason() {
        return "y is a linear function of the two operands, so their true relevances are ±n_a and ±n_b";
    }

    @Override
    public String rule(Task task) {
        return SentenceForm.appliesTo(task) ? "the relevance of each polar word should have the sign of its true"
                + " contribution towards the explained class" : rule();
    }

    @Override
    public String reason(Task task) {
        return SentenceForm.appliesTo(task) ? "a polar word pushes the score towards its polarity, so it supports"
                + " the class of that polarity and speaks against the other" : reason();
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.CONTRIBUTIONS;
    }

    @Override
    public Map<String, Double> modelValues(ExplainedPopulation p, int m) {
        if (SentenceForm.appliesTo(p.task())) {
            double[] agreement = SignAgreement.of(p, m);
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(SignAgreement.AGREEMENT, agreement[0]);
            values.put(SignAgreement.SUPPORTING, agreement[1]);
            values.put(SignAgreement.OPPOSING, agreement[2]);
            return values;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<Sample> samples = p.samples();
        double[] relevance = new double[samples.size()];
        double[] truth = new double[samples.size()];
        for (Roles.Role role : Roles.of(samples).roles()) {
            int n = 0;
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                GroundTruth.Relevant r = s.hasTruth() ? s.truth().role(role.name()).orElse(null) : null;
                if (r != null) {
                    relevance[n] = p.relevance(m, i)[r.position()];
                    truth[n] = role.truth(r);
                    n++;
                }
            }
            values.put(ModelStatistics.rho(role.name()), 100 * Metrics.pearson(relevance, truth, n));
        }
        return values;
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        if (SentenceForm.appliesTo(p.task())) {
            return evaluateSigns(p, s);
        }
        List<ModelStatistics> stats = p.modelStatistics();
        List<Roles.Role> roles = Roles.of(p.samples()).roles();
        double threshold = s.thresholds().on(p.task()).correlation();
        Map<String, Double> statistics = new LinkedHashMap<>();
        int undefined = 0;
        for (ModelStatistics m : stats) {
            undefined += roles.stream().anyMatch(r -> Double.isNaN(m.get(ModelStatistics.rho(r.name())))) ? 1 : 0;
        }
        double signed = Double.POSITIVE_INFINITY;
        for (Roles.Role role : roles) {
            double rho = CheckEvaluation.meanOverModels(stats, m -> m.get(ModelStatistics.rho(role.name())) / 100);
            statistics.put("rho_" + role.name(), rho);
            signed = Math.min(signed, role.sign() * rho);
        }
        if (undefined > 0 || roles.isEmpty()) {
            signed = Double.NaN;
        }
        Verdict verdict = signed >= threshold ? Verdict.PASS : Verdict.FAIL;
        statistics.put("signed_min", signed);
        if (undefined > 0) {
            statistics.put("undefined_models", (double) undefined);
        }
        String expected = roles.stream().map(r -> r.rho() + (r.sign() > 0 ? " ≥ " : " ≤ ") + num(r.sign() * threshold))
                .collect(Collectors.joining(" and "));
        String measured = roles.stream().map(r -> r.rho() + " = " + num(statistics.get("rho_" + r.name())))
                .collect(Collectors.joining(", "));
        String message;
        if (verdict == Verdict.PASS) {
            message = CheckMessages.passed(p, measured + " (expected " + expected + ")", this);
        } else if (undefined > 0) {
            message = CheckMessages.failed(p, this, roles.stream().map(Roles.Role::rho)
                    .collect(Collectors.joining(" or ")) + " is "
                    + CheckMessages.undefined(undefined, stats.size(), "constant relevance") + " ("
                    + (undefined < stats.size() ? "on the others " + measured + ", " : "") + "expected " + expected
                    + "; e.g. model " + worst(stats, roles) + ").");
        } else {
            message = CheckMessages.failed(p, this, measured + ", expected " + expected + " ("
                    + CheckMessages.population(p) + "; " + CheckMessages.worstModel(stats.size(), worst(stats, roles)) + ").");
        }
        return CheckEvaluation.result(key(), p, s, statistics, "signed_min", threshold, ">=", verdict, stats, message);
    }

    /** The sentence form: the balanced sign agreement of the polar words ({@link SignAgreement}). */
    private CheckResult evaluateSigns(ExplainedPopulation p, SanitySettings s) {
        List<ModelStatistics> stats = p.modelStatistics();
        double threshold = s.thresholds().on(p.task()).correlation();
        double agreement = CheckEvaluation.meanOverModels(stats, m -> m.get(SignAgreement.AGREEMENT));
        double supporting = CheckEvaluation.meanOverModels(stats, m -> m.get(SignAgreement.SUPPORTING));
        double opposing = CheckEvaluation.meanOverModels(stats, m -> m.get(SignAgreement.OPPOSING));
        int undefined = CheckEvaluation.undefinedModels(stats, m -> m.get(SignAgreement.AGREEMENT));
        double statistic = undefined > 0 ? Double.NaN : agreement;
        Verdict verdict = statistic >= threshold ? Verdict.PASS : Verdict.FAIL;
        Map<String, Double> statistics = new LinkedHashMap<>();
        statistics.put("sign_agreement", statistic);
        statistics.put("sign_agreement_supporting", supporting);
        statistics.put("sign_agreement_opposing", opposing);
        if (undefined > 0) {
            statistics.put("undefined_models", (double) undefined);
        }
        String words = SignAgreement.hasRole(p.samples()) ? "polar " + p.task().words().steps()
                : p.task().words().relevant();
        String measured = "the relevance has the sign of the true contribution for " + pct(supporting) + " of the "
                + words + " that support the explained class and " + pct(opposing) + " of those that speak against"
                + " it: balanced sign agreement " + num(agreement);
        String message;
        if (verdict == Verdict.PASS) {
            message = CheckMessages.passed(p, measured + " ≥ " + num(threshold), this);
        } else if (undefined > 0) {
            message = CheckMessages.failed(p, this, "the sign agreement is " + CheckMessages.undefined(undefined,
                    stats.size(), "no " + words + " of one of the two signs") + " (threshold " + num(threshold)
                    + ").");
        } else {
            message = CheckMessages.failed(p, this, measured + " < " + num(threshold) + " (a coin scores 0.5; "
                    + CheckMessages.population(p) + ").");
        }
        return CheckEvaluation.result(key(), p, s, statistics, "sign_agreement", threshold, ">=", verdict, stats,
                message);
    }

    /** The model with the lowest signed correlation, named with its ρ per role; a model with an undefined one is worst. */
    private String worst(List<ModelStatistics> stats, List<Roles.Role> roles) {
        ModelStatistics worst = null;
        double lowest = Double.POSITIVE_INFINITY;
        for (ModelStatistics m : stats) {
            double v = signedMin(m, roles);
            if (Double.isNaN(v)) {
                v = Double.NEGATIVE_INFINITY;
            }
            if (worst == null || v < lowest) {
                lowest = v;
                worst = m;
            }
        }
        ModelStatistics named = worst;
        return named.modelId() + " with " + roles.stream().map(r -> "ρ_" + r.name() + " = "
                + num(named.get(ModelStatistics.rho(r.name())) / 100)).collect(Collectors.joining(", "));
    }

    /** min_r sign_r · ρ_r of one model (NaN when one is undefined). */
    private static double signedMin(ModelStatistics m, List<Roles.Role> roles) {
        double v = Double.POSITIVE_INFINITY;
        for (Roles.Role r : roles) {
            double signed = r.sign() * m.get(ModelStatistics.rho(r.name()));
            v = Double.isNaN(signed) || Double.isNaN(v) ? Double.NaN : Math.min(v, signed);
        }
        return v;
    }

    @Override
    public double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        if (SentenceForm.appliesTo(p.task())) {
            return statistics.get(SignAgreement.AGREEMENT);
        }
        return signedMin(statistics, Roles.of(p.samples()).roles());
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        if (SentenceForm.appliesTo(p.task())) {
            return "every " + (SignAgreement.hasRole(p.samples()) ? "polar " + p.task().words().step()
                    : "relevant " + p.task().words().step()) + "'s R_t has the sign of its contribution";
        }
        return Roles.of(p.samples()).roles().stream().map(r -> "R_" + r.name() + " with the sign of "
                + (r.sign() < 0 ? "−" : "") + "n_" + r.name()).collect(Collectors.joining(" and "));
    }

    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        if (!s.hasTruth()) {
            return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
        }
        double worst = Double.POSITIVE_INFINITY;
        for (GroundTruth.Relevant relevant : SignAgreement.judged(s.truth())) {
            worst = Math.min(worst, Math.signum(relevant.contribution()) * r[relevant.position()]);
        }
        return new SequenceProperty.Outcome(r, fx, worst, worst > 0, null);
    }
}
