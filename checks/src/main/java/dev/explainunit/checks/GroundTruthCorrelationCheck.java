package dev.explainunit.checks;

import static dev.explainunit.checks.CheckMessages.num;

import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
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
 * <p>On a sentence classifier the check takes the form of {@link SignAgreementCheck}.
 */
final class GroundTruthCorrelationCheck implements SanityCheck {

    /** Population names: each role's ρ is prefixed {@value #RHO}, the decisive min_r sign_r · ρ_r. */
    static final String RHO = "rho_";
    static final String STATISTIC = "signed_min";

    /** The per-model name of ρ of a ground-truth role in %: "rhoA" for role "a", "rhoNegator" for "negator". */
    static String perModel(String role) {
        return "rho" + Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }

    @Override
    public Check key() {
        return Check.GROUND_TRUTH_CORRELATION;
    }

    @Override
    public String rule(ExplainedPopulation p) {
        return "the relevance of each operand should correlate with its value, with the sign it has in y";
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "y is a linear function of the two operands, so their true relevances are ±n_a and ±n_b";
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.CONTRIBUTIONS;
    }

    @Override
    public Map<String, Double> modelValues(ExplainedPopulation p, int m) {
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
            values.put(perModel(role.name()), 100 * Metrics.pearson(relevance, truth, n));
        }
        return values;
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        List<ModelStatistics> stats = p.modelStatistics();
        List<Roles.Role> roles = Roles.of(p.samples()).roles();
        double threshold = s.thresholds().correlation();
        Map<String, Double> statistics = new LinkedHashMap<>();
        int undefined = 0;
        for (ModelStatistics m : stats) {
            undefined += roles.stream().anyMatch(r -> Double.isNaN(m.get(perModel(r.name())))) ? 1 : 0;
        }
        double signed = Double.POSITIVE_INFINITY;
        for (Roles.Role role : roles) {
            double rho = CheckEvaluation.meanOverModels(stats, m -> m.get(perModel(role.name())) / 100);
            statistics.put(RHO + role.name(), rho);
            signed = Math.min(signed, role.sign() * rho);
        }
        if (undefined > 0 || roles.isEmpty()) {
            signed = Double.NaN;
        }
        Verdict verdict = signed >= threshold ? Verdict.PASS : Verdict.FAIL;
        statistics.put(STATISTIC, signed);
        if (undefined > 0) {
            statistics.put(CheckResult.UNDEFINED_MODELS, (double) undefined);
        }
        String expected = roles.stream().map(r -> r.rho() + (r.sign() > 0 ? " ≥ " : " ≤ ") + num(r.sign() * threshold))
                .collect(Collectors.joining(" and "));
        String measured = roles.stream().map(r -> r.rho() + " = " + num(statistics.get(RHO + r.name())))
                .collect(Collectors.joining(", "));
        UndefinedStatistic undefinedOn = UndefinedStatistic.onSome(undefined, stats.size(), "constant relevance");
        String message;
        if (verdict == Verdict.PASS) {
            message = CheckMessages.passed(p, measured + " (expected " + expected + ")", this);
        } else if (undefined > 0) {
            message = CheckMessages.failed(p, this, roles.stream().map(Roles.Role::rho)
                    .collect(Collectors.joining(" or ")) + " is "
                    + undefinedOn.phrase() + " ("
                    + (undefined < stats.size() ? "on the others " + measured + ", " : "") + "expected " + expected
                    + "; e.g. model " + worst(stats, roles) + ").");
        } else {
            message = CheckMessages.failed(p, this, measured + ", expected " + expected + " ("
                    + CheckMessages.population(p) + "; " + CheckMessages.worstModel(stats.size(), worst(stats, roles)) + ").");
        }
        return CheckEvaluation.result(key(), p, s, statistics, STATISTIC, threshold, Comparison.AT_LEAST, verdict, stats, message,
                undefinedOn);
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
                + num(named.get(perModel(r.name())) / 100)).collect(Collectors.joining(", "));
    }

    /** min_r sign_r · ρ_r of one model (NaN when one is undefined). */
    private static double signedMin(ModelStatistics m, List<Roles.Role> roles) {
        double v = Double.POSITIVE_INFINITY;
        for (Roles.Role r : roles) {
            double signed = r.sign() * m.get(perModel(r.name()));
            v = Double.isNaN(signed) || Double.isNaN(v) ? Double.NaN : Math.min(v, signed);
        }
        return v;
    }

    @Override
    public double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        return signedMin(statistics, Roles.of(p.samples()).roles());
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        return Roles.of(p.samples()).roles().stream().map(r -> "R_" + r.name() + " with the sign of "
                + (r.sign() < 0 ? "−" : "") + "n_" + r.name()).collect(Collectors.joining(" and "));
    }

    /** Every relevant position's relevance has the sign of its contribution ({@link SignAgreementCheck#judgeSigns}). */
    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        return SignAgreementCheck.judgeSigns(r, s, fx);
    }
}
