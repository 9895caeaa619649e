package dev.explainunit.checks;

import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.ZooModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@link ExplainedPopulation} into the {@link CheckResult} of one check. The population
 * statistic of every Table 2 check is the mean over the models of the per-model statistic, as
 * the paper reports it.
 */
final class CheckEvaluation {

    private CheckEvaluation() {
    }

    static CheckResult evaluate(Check check, ExplainedPopulation population, SanitySettings settings) {
        long started = System.nanoTime();
        CheckResult result;
        if (population.notApplicable().isPresent()) {
            result = result(check, population, settings, Map.of(), "", Double.NaN, "", Verdict.NOT_APPLICABLE,
                    List.of(), population.notApplicable().get() + ".");
        } else if (population.contractViolation().isPresent()) {
            result = contractFailure(check, population, settings);
        } else {
            result = switch (check) {
                case CONTRACT -> contract(population, settings);
                case GROUND_TRUTH_CORRELATION -> correlation(population, settings);
                case RELEVANT_MASS -> mass(population, settings);
                case RELEVANCE_CONSERVATION -> conservation(population, settings);
                case PERTURBATION_SELECTIVITY -> PerturbationSelectivity.evaluate(population, settings);
                case MODEL_RANDOMIZATION -> ModelRandomization.evaluate(population, settings);
            };
        }
        return result.withSeconds((System.nanoTime() - started) / 1e9);
    }

    /** Expected sign of ρ(R_a, n_a): + on both tasks, since y grows with n_a. */
    static double expectedSignA(ToyTask task) {
        return 1;
    }

    /** Expected sign of ρ(R_b, n_b): + for addition, − for subtraction (y = n_a − n_b). */
    static double expectedSignB(ToyTask task) {
        return task == ToyTask.SUBTRACTION ? -1 : 1;
    }

    private static CheckResult contractFailure(Check check, ExplainedPopulation p, SanitySettings s) {
        String violation = p.contractViolation().orElseThrow();
        String message = check == Check.CONTRACT
                ? header(p) + Check.CONTRACT.sentence() + "; but " + violation + "."
                : header(p) + "not evaluated, because the contract check failed: " + violation + ".";
        return result(check, p, s, Map.of(), "", Double.NaN, "", Verdict.FAIL,
                List.of(), message);
    }

    private static CheckResult contract(ExplainedPopulation p, SanitySettings s) {
        int calls = p.models().size() * p.samples().size();
        String message = header(p) + "all " + calls + " explanations had one finite value per step, "
                + "re-runs were identical, no call exceeded "
                + s.timeLimit().toMillis() + " ms.";
        return result(Check.CONTRACT, p, s, Map.of("explanations", (double) calls), "explanations", Double.NaN, "",
                Verdict.PASS, List.of(), message);
    }

    private static CheckResult correlation(ExplainedPopulation p, SanitySettings s) {
        List<ModelStatistics> stats = p.modelStatistics();
        double signA = expectedSignA(p.task());
        double signB = expectedSignB(p.task());
        double rhoA = meanOverModels(stats, m -> m.rhoA() / 100);
        double rhoB = meanOverModels(stats, m -> m.rhoB() / 100);
        int undefined = undefinedModels(stats, m -> m.rhoA() + m.rhoB());
        double signed = undefined > 0 ? Double.NaN : Math.min(signA * rhoA, signB * rhoB);
        double threshold = s.thresholds().correlation();
        Verdict verdict = signed >= threshold ? Verdict.PASS : Verdict.FAIL;
        Map<String, Double> statistics = new LinkedHashMap<>();
        statistics.put("rho_a", rhoA);
        statistics.put("rho_b", rhoB);
        statistics.put("signed_min", signed);
        if (undefined > 0) {
            statistics.put("undefined_models", (double) undefined);
        }
        String expected = "ρ(R_a, n_a) ≥ " + num(signA * threshold) + " and ρ(R_b, n_b) "
                + (signB > 0 ? "≥ " : "≤ ") + num(signB * threshold);
        String measured = "ρ(R_a, n_a) = " + num(rhoA) + ", ρ(R_b, n_b) = " + num(rhoB);
        String message;
        if (verdict == Verdict.PASS) {
            message = header(p) + measured + " (expected " + expected + "): " + Check.GROUND_TRUTH_CORRELATION.rule()
                    + ".";
        } else if (undefined > 0) {
            message = header(p) + Check.GROUND_TRUTH_CORRELATION.sentence() + "; but ρ(R_a, n_a) or ρ(R_b, n_b) is "
                    + undefined(undefined, stats.size(), "constant relevance") + " (" + (undefined < stats.size()
                    ? "on the others " + measured + ", " : "") + "expected " + expected + "; e.g. model "
                    + worstCorrelation(stats, signA, signB) + ").";
        } else {
            message = header(p) + Check.GROUND_TRUTH_CORRELATION.sentence() + "; but " + measured + ", expected "
                    + expected + " (" + population(p) + "; worst model " + worstCorrelation(stats, signA, signB) + ").";
        }
        return result(Check.GROUND_TRUTH_CORRELATION, p, s, statistics, "signed_min", threshold, ">=", verdict, stats,
                message);
    }

    /** The model with the lowest signed correlation; a model with an undefined one is worst. */
    private static String worstCorrelation(List<ModelStatistics> stats, double signA, double signB) {
        ModelStatistics worst = null;
        double lowest = Double.POSITIVE_INFINITY;
        for (ModelStatistics m : stats) {
            double v = Math.min(signA * m.rhoA(), signB * m.rhoB());
            if (Double.isNaN(v)) {
                v = Double.NEGATIVE_INFINITY;
            }
            if (worst == null || v < lowest) {
                lowest = v;
                worst = m;
            }
        }
        return worst.modelId() + " with ρ_a = " + num(worst.rhoA() / 100) + ", ρ_b = " + num(worst.rhoB() / 100);
    }

    private static CheckResult mass(ExplainedPopulation p, SanitySettings s) {
        List<ModelStatistics> stats = p.modelStatistics();
        double mass = meanOverModels(stats, m -> m.mass() / 100);
        int undefined = undefinedModels(stats, ModelStatistics::mass);
        double statistic = undefined > 0 ? Double.NaN : mass;
        double threshold = s.thresholds().mass();
        Verdict verdict = statistic >= threshold ? Verdict.PASS : Verdict.FAIL;
        ModelStatistics worst = stats.stream().min((x, y) -> Double.compare(orMinusInfinity(x.mass()),
                orMinusInfinity(y.mass()))).orElseThrow();
        String message;
        if (verdict == Verdict.PASS) {
            message = header(p) + "relevant mass " + num(mass) + " ≥ " + num(threshold) + ": "
                    + Check.RELEVANT_MASS.rule() + ".";
        } else if (undefined > 0) {
            message = header(p) + Check.RELEVANT_MASS.sentence() + "; but the relevant mass is "
                    + undefined(undefined, stats.size(), "the absolute relevance overflows") + " ("
                    + (undefined < stats.size() ? "mean over the others " + pct(mass) + ", " : "") + "threshold "
                    + pct(threshold) + "; e.g. model " + worst.modelId() + ").";
        } else {
            message = header(p) + Check.RELEVANT_MASS.sentence() + "; but only " + pct(mass) + " of the absolute"
                    + " relevance lies on a and b (threshold " + pct(threshold) + "; " + population(p)
                    + "; worst model " + worst.modelId() + " with " + pct(worst.mass() / 100) + ").";
        }
        Map<String, Double> statistics = new LinkedHashMap<>();
        statistics.put("mass", statistic);
        if (undefined > 0) {
            statistics.put("undefined_models", (double) undefined);
        }
        return result(Check.RELEVANT_MASS, p, s, statistics, "mass", threshold, ">=", verdict, stats, message);
    }

    private static CheckResult conservation(ExplainedPopulation p, SanitySettings s) {
        List<ModelStatistics> stats = p.modelStatistics();
        int undefined = undefinedModels(stats, ModelStatistics::mse);
        double mse = undefined > 0 ? Double.NaN : meanOverModels(stats, ModelStatistics::mse);
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
        statistics.put("mse", mse);
        if (!Double.isNaN(exact)) {
            statistics.put("exact_conservation_error", exact);
        }
        String message;
        if (verdict == Verdict.PASS) {
            message = header(p) + "E[((R_a + R_b) − y_pred)²] = " + sci(mse) + " ≤ " + sci(threshold)
                    + (Double.isNaN(exact) ? "" : " and Σ_t R_t + R_rest = f(x) within " + sci(exact))
                    + ": " + Check.RELEVANCE_CONSERVATION.rule() + ".";
        } else if (undefined > 0) {
            message = header(p) + Check.RELEVANCE_CONSERVATION.sentence() + "; but E[((R_a + R_b) − y_pred)²] is "
                    + undefined(undefined, stats.size(), "the relevance overflows") + ".";
        } else if (!msePass) {
            message = header(p) + Check.RELEVANCE_CONSERVATION.sentence() + "; but E[((R_a + R_b) − y_pred)²] = "
                    + sci(mse) + " > " + sci(threshold) + " (" + population(p) + ").";
        } else {
            message = header(p) + "the declared rest should close the balance Σ_t R_t + R_rest = f(x), because "
                    + "the explainer claims to conserve relevance; but the error reaches " + sci(exact)
                    + " of |f(x)| on model " + exactModel + " (threshold " + sci(s.thresholds().exactConservation())
                    + ").";
        }
        boolean exactDecides = msePass && !exactPass;
        return result(Check.RELEVANCE_CONSERVATION, p, s, statistics, exactDecides ? "exact_conservation_error" : "mse",
                exactDecides ? s.thresholds().exactConservation() : threshold, "<=", verdict, stats, message);
    }

    /** Mean of {@code f} over the models where it is defined (not NaN); NaN when it is defined on none. */
    static double meanOverModels(List<ModelStatistics> stats, java.util.function.ToDoubleFunction<ModelStatistics> f) {
        double sum = 0;
        int defined = 0;
        for (ModelStatistics m : stats) {
            double v = f.applyAsDouble(m);
            if (!Double.isNaN(v)) {
                sum += v;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    /** Number of models on which {@code f} is undefined (NaN). */
    static int undefinedModels(List<ModelStatistics> stats, java.util.function.ToDoubleFunction<ModelStatistics> f) {
        int undefined = 0;
        for (ModelStatistics m : stats) {
            undefined += Double.isNaN(f.applyAsDouble(m)) ? 1 : 0;
        }
        return undefined;
    }

    /**
     * "undefined (why) on k of M models": an undefined statistic fails its check and is reported as
     * such, never as 0.
     */
    static String undefined(int k, int models, String why) {
        return "undefined (" + why + ") on " + k + " of " + models + " models";
    }

    private static double orMinusInfinity(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    static CheckResult result(Check check, ExplainedPopulation p, SanitySettings s, Map<String, Double> statistics,
                              String statistic, double threshold, String comparison, Verdict verdict,
                              List<ModelStatistics> perModel, String message) {
        return new CheckResult(check, p.explainerId(), p.task().id(), statistics, statistic, threshold, comparison,
                verdict, s.seed(), p.samples().size(), p.models().stream().map(ZooModel::id).toList(), perModel,
                null, message, 0);
    }

    static String header(ExplainedPopulation p) {
        return "[" + p.explainerId() + "] on " + p.task().id() + ": ";
    }

    static String population(ExplainedPopulation p) {
        return "mean over " + p.models().size() + " models × " + p.samples().size() + " test sequences";
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
