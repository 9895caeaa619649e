package dev.explainunit.report;

import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Comparison;
import dev.explainunit.checks.Counterexample;
import dev.explainunit.checks.Example;
import dev.explainunit.checks.StepValue;
import dev.explainunit.checks.Verdict;
import dev.explainunit.task.GroundTruth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small hand-made reports for the writer tests (no models involved). */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static RunInfo run(String runId) {
        return new RunInfo("explainunit test", "junit", 42, 100, 3, List.of("addition", "subtraction"),
                "2026-01-01T00:00:00Z", 1.5, runId);
    }

    static Example sample(double... relevance) {
        List<StepValue> steps = new ArrayList<>();
        for (int t = 0; t < relevance.length; t++) {
            double[] x = t == 1 ? new double[] {0.7, 0} : t == 3 ? new double[] {-0.6, 0} : new double[] {0, 0.1 * t};
            steps.add(new StepValue(t, x, relevance[t]));
        }
        GroundTruth truth = GroundTruth.of(new GroundTruth.Relevant(1, "a", 0.7, 1),
                new GroundTruth.Relevant(3, "b", -0.6, 1));
        return new Example(steps, truth, 0.1, 0.09, Double.NaN);
    }

    /** The check with id {@code id}, e.g. "relevant-mass". */
    static Check check(String id) {
        return java.util.Arrays.stream(Check.values()).filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static CheckResult result(String check, String explainer, String task, Map<String, Double> statistics,
                              String statistic, double threshold, Verdict verdict, List<String> models,
                              Counterexample counterexample, String message) {
        return new CheckResult(check(check), explainer, task, statistics, statistic, threshold, Comparison.AT_LEAST, verdict,
                42, 100, models, List.of(), counterexample, message, 0, null, null);
    }

    static CheckResult passing(String explainer, String task, String check) {
        return result(check, explainer, task, Map.of("mass", 99.9), "mass", 90, Verdict.PASS, List.of("m-01", "m-02"),
                null, null);
    }

    static CheckResult failing(String explainer, String task, String check) {
        Counterexample ce = new Counterexample("m-02", sample(0.1, -0.2, 0.9, 0.3, 0.05),
                sample(0.0, -0.1, 0.8, 0.05), "(|R_a| + |R_b|) / Σ_t |R_t| ≥ 0.900");
        return result(check, explainer, task, Map.of("mass", 12.5), "mass", 90, Verdict.FAIL, List.of("m-01", "m-02"),
                ce, "relevant mass [12.5%] is below the threshold [90%] on model m-02");
    }

    /** A failure as a third-party writer might record it: a counterexample but no message. */
    static CheckResult failingWithoutMessage(String explainer, String task, String check) {
        CheckResult r = failing(explainer, task, check);
        return new CheckResult(r.check(), r.explainerId(), r.task(), r.statistics(), r.statistic(), r.threshold(),
                r.comparison(), r.verdict(), r.seed(), r.samples(), r.modelIds(), r.perModel(), r.counterexample(),
                null, 0, null, null);
    }

    /**
     * A correlation undefined on 3 of 5 models (constant relevance) and a failed contract, as the
     * engine publishes them: NaN statistics, the count of undefined models among the statistics.
     */
    static Report undefinedStatistics() {
        List<String> models = List.of("m-01", "m-02", "m-03", "m-04", "m-05");
        Map<String, Double> correlation = new LinkedHashMap<>();
        correlation.put("rho_a", Double.NaN);
        correlation.put("undefined_models", 3.0);
        Map<String, Double> mass = new LinkedHashMap<>();
        mass.put("mass", Double.NaN);
        return Report.ofChecks(run("x"), List.of(
                result("ground-truth-correlation", "constant", "addition", correlation, "signed_min", 0.9,
                        Verdict.FAIL, models, null, "undefined (constant relevance) on 3 of 5 models"),
                result("relevant-mass", "overflowing", "addition", mass, "mass", 90, Verdict.FAIL, models, null,
                        "undefined"),
                result("contract", "broken", "addition", Map.of(), "", Double.NaN, Verdict.FAIL, models, null,
                        "returned an infinite relevance")));
    }

    /** A failed contract and the two checks it made the engine skip. */
    static Report contractFailedOthersSkipped() {
        List<String> models = List.of("m-01", "m-02");
        return Report.ofChecks(run("x"), List.of(
                result("contract", "flaky", "addition", Map.of(), "", Double.NaN, Verdict.FAIL, models, null,
                        "[flaky] on addition: every explanation should be deterministic; but explainer [flaky] is "
                                + "not deterministic: explaining sequence 0 twice gave [0.1, 0.2] and [0.3, 0.4]."),
                result("relevant-mass", "flaky", "addition", Map.of(), "", Double.NaN, Verdict.SKIPPED, models, null,
                        "[flaky] on addition: relevant mass skipped: the contract check failed (explainer [flaky] "
                                + "is not deterministic)"),
                result("ground-truth-correlation", "flaky", "addition", Map.of(), "", Double.NaN, Verdict.SKIPPED,
                        models, null, "[flaky] on addition: ground-truth correlation skipped: the contract check "
                                + "failed (explainer [flaky] is not deterministic)")));
    }

    static Report checksOnly(String runId) {
        return Report.ofChecks(run(runId), List.of(
                passing("lrp-all", "addition", "ground-truth-correlation"),
                passing("lrp-all", "addition", "relevant-mass"),
                passing("cd", "addition", "ground-truth-correlation"),
                failing("cd", "subtraction", "relevant-mass")));
    }

    static Report full() {
        Map<String, Map<String, MethodResult>> table2 = new LinkedHashMap<>();
        Map<String, MethodResult> addition = new LinkedHashMap<>();
        addition.put("lrp-all", new MethodResult(new Stat(99.99, 0.01), new Stat(99.98, 0.02), new Stat(99.9, 0.1),
                new Stat(1e-6, 2e-6), Verdict.PASS.word(), null));
        addition.put("occlusion-p-diff", new MethodResult(null, null, null, null, null,
                "classification only; the toy models have one output"));
        table2.put("addition", addition);
        Map<String, MethodResult> subtraction = new LinkedHashMap<>();
        subtraction.put("cd", new MethodResult(new Stat(-20, 30), new Stat(-45, 25), new Stat(50, 20),
                new Stat(0.05, 0.04), Verdict.FAIL.word(), null));
        table2.put("subtraction", subtraction);
        Random random = new Random(1);
        List<ScatterSeries> scatter = new ArrayList<>();
        for (String task : List.of("addition", "subtraction")) {
            double[] na = new double[50], ra = new double[50], nb = new double[50], rb = new double[50];
            for (int i = 0; i < 50; i++) {
                na[i] = random.nextDouble();
                ra[i] = na[i] + 0.01 * random.nextGaussian();
                nb[i] = random.nextDouble();
                rb[i] = -nb[i];
            }
            scatter.add(new ScatterSeries(task, "lrp-all", na, ra, nb, rb));
        }
        Map<String, double[]> relevance = new LinkedHashMap<>();
        relevance.put("lrp-all", new double[] {0, 0.6, 0, -0.7, 0});
        relevance.put("gradient", new double[] {0.1, 1, 0.1, 1, 0.1});
        List<RelevanceExample> examples = List.of(new RelevanceExample("addition", "m-01",
                sample(0, 0, 0, 0, 0).inputs(), 1, 3, 0.1, 0.1, relevance));
        List<SelectivityCurve> selectivity = List.of(
                new SelectivityCurve("addition", "lrp-all", new double[] {0, 0.5, 1, 1, 1}),
                new SelectivityCurve("addition", "gradient", new double[] {0, 0.2, 0.5, 0.8, 1.2}),
                new SelectivityCurve("addition", "random", new double[] {0, 0.15, 0.3, 0.45, 0.6}));
        List<CheckResult> checks = new ArrayList<>(checksOnly("r1").checks());
        RunInfo reproduce = new RunInfo("explainunit test", "reproduce", 42, 100, 3, List.of("addition", "subtraction"),
                "2026-01-01T00:00:00Z", 1.5, "r1");
        return Report.of(reproduce, checks, List.of("occlusion-p-diff is skipped: the toy models have one output"),
                new Table2Section(table2, PaperResults.table2(), examples, scatter, selectivity));
    }
}
