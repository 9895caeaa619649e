package dev.explainunit.report;

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

    static Sample sample(double... relevance) {
        double[][] inputs = new double[relevance.length][2];
        for (int t = 0; t < relevance.length; t++) {
            inputs[t][1] = 0.1 * t;
        }
        inputs[1] = new double[] {0.7, 0};
        inputs[3] = new double[] {-0.6, 0};
        return new Sample(inputs, relevance, 1, 3, 0.1, 0.09);
    }

    static CheckRecord passing(String explainer, String task, String check) {
        return new CheckRecord(check, explainer, task, 99.9, 90, java.util.Map.of("mass", 99.9), Verdicts.PASS, 42, List.of("m-01", "m-02"), null,
                null);
    }

    static CheckRecord failing(String explainer, String task, String check) {
        Counterexample ce = new Counterexample("m-02", 42, sample(0.1, -0.2, 0.9, 0.3, 0.05),
                sample(0.0, -0.1, 0.8, 0.05));
        return new CheckRecord(check, explainer, task, 12.5, 90, null, Verdicts.FAIL, 42, List.of("m-01", "m-02"), ce,
                "relevant mass [12.5%] is below the threshold [90%] on model m-02");
    }

    /** A failure as a third-party writer might record it: a counterexample but no message. */
    static CheckRecord failingWithoutMessage(String explainer, String task, String check) {
        CheckRecord r = failing(explainer, task, check);
        return new CheckRecord(r.check(), r.explainer(), r.task(), r.statistic(), r.threshold(), r.statistics(),
                r.verdict(), r.seed(), r.modelIds(), r.counterexample(), null);
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
        return Report.ofChecks(run("x"), List.of(
                new CheckRecord("ground-truth-correlation", "constant", "addition", Double.NaN, 0.9, correlation,
                        Verdicts.FAIL, 42, models, null, "undefined (constant relevance) on 3 of 5 models"),
                new CheckRecord("relevant-mass", "overflowing", "addition", Double.NaN, 90, Map.of(),
                        Verdicts.FAIL, 42, models, null, "undefined"),
                new CheckRecord("contract", "broken", "addition", Double.NaN, Double.NaN, Map.of(),
                        Verdicts.FAIL, 42, models, null, "returned an infinite relevance")));
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
                new Stat(1e-6, 2e-6), Verdicts.PASS, null));
        addition.put("occlusion-p-diff", new MethodResult(null, null, null, null, null,
                "classification only; the toy models have one output"));
        table2.put("addition", addition);
        Map<String, MethodResult> subtraction = new LinkedHashMap<>();
        subtraction.put("cd", new MethodResult(new Stat(-20, 30), new Stat(-45, 25), new Stat(50, 20),
                new Stat(0.05, 0.04), Verdicts.FAIL, null));
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
                new SelectivityCurve("addition", "random", new double[] {0, 0.15, 0.3, 0.45, 0.6}));
        List<CheckRecord> checks = new ArrayList<>(checksOnly("r1").checks());
        return new Report(Report.FORMAT_VERSION, run("r1"), checks, table2, PaperResults.table2(), examples,
                scatter, selectivity, List.of("occlusion-p-diff is skipped: the toy models have one output"));
    }
}
