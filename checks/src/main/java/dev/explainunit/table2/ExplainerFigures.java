package dev.explainunit.table2;

import dev.explainunit.Explainer;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.ExplainedPopulation;
import dev.explainunit.checks.Verdict;
import dev.explainunit.report.MethodResult;
import dev.explainunit.report.PaperResults;
import dev.explainunit.report.RelevanceExample;
import dev.explainunit.report.Report;
import dev.explainunit.report.ReportJson;
import dev.explainunit.report.ScatterSeries;
import dev.explainunit.report.SelectivityCurve;
import dev.explainunit.report.Table2Section;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The pictures and the Table 2 row of one explainer on one task, computed from its explained
 * population as {@code reproduce} computes them for the built-ins: the row (mean ± std over
 * the models of the per-model statistics), an R_a/n_a and R_b/n_b scatter series, a heatmap of
 * the first readable common test sequence (the same seed gives every explainer the same
 * sequences), and its selectivity curve. LRP-all, explained on the same sequences of the first
 * model, is added beside the scatter and the heatmap as the reference; the selectivity curves of
 * the paper's methods for the task, explained on the same models and sequences, and the two
 * baselines (operands first, random) are added beside the curve ({@link SelectivityCurves}, the
 * same curves {@code reproduce} draws). Only for tasks whose every sample names the operands "a"
 * and "b" (the toy tasks).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ExplainerFigures {

    /** The reference method drawn beside every explainer (paper 3.2: it passes every toy check). */
    public static final String REFERENCE = "lrp-all";

    /** The file entry the test engine publishes them in, at the task node. */
    public static final String FILE_NAME = ReportJson.FIGURES_FILE_NAME;
    /** The report entry that carries them on a Platform without file entries. */
    public static final String ENTRY_KEY = ReportJson.FIGURES_ENTRY_KEY;
    /** Scatter points (and reference sequences) the test engine draws per explainer and task. */
    public static final int ENGINE_POINTS = 300;
    /** Sequences per model behind each selectivity curve the test engine draws ({@code reproduce}'s default). */
    public static final int ENGINE_CURVE_SAMPLES = 100;

    private ExplainerFigures() {
    }

    /** Whether {@code task} contributes the Table 2 section ({@link Task#reportSections()}). */
    public static boolean applies(Task task) {
        return task.reportSections().contains(Table2Section.ID);
    }

    /**
     * A report holding only {@code table2}, {@code paper}, {@code scatter}, {@code examples} and
     * {@code selectivity} for {@code population}'s explainer, or empty when the task lacks operand
     * ground truth or the contract failed (the checks then say why).
     *
     * @param checks       the check outcomes of the explainer on this task; it passes Table 2 when all of
     *                     {@link Table2Rows#CHECKS} that ran passed
     * @param points       at most this many scatter points (and reference sequences)
     * @param curveSamples sequences per model behind each selectivity curve (0: no curves)
     * @param paperMethods whether the paper's methods are explained too, for their curves beside the
     *                     explainer's (about a second per explainer and toy task on two cores)
     * @param seed         seed of the random-deletion baseline
     * @param timeLimit    the limit of one reference {@code explain} call
     */
    public static Optional<Report> of(ExplainedPopulation population, List<CheckResult> checks, int points,
                                      int curveSamples, boolean paperMethods, long seed, Duration timeLimit) {
        List<Sample> samples = population.samples();
        if (!applies(population.task()) || population.contractViolation().isPresent()
                || population.notApplicable().isPresent()) {
            return Optional.empty();
        }
        String task = population.task().id();
        String id = population.explainerId();
        boolean passed = checks.stream().filter(c -> Table2Rows.CHECKS.contains(c.check()))
                .allMatch(c -> c.verdict() != Verdict.FAIL);
        Map<String, MethodResult> row = new LinkedHashMap<>();
        row.put(id, Table2Rows.row(population.modelStatistics(), passed));
        List<ScatterSeries> scatter = new ArrayList<>();
        scatter.add(Table2Rows.scatter(population, points));
        int index = Table2Rows.exampleIndex(samples);
        Map<String, double[]> relevance = new LinkedHashMap<>();
        relevance.put(id, population.relevance(0, index).clone());
        if (!REFERENCE.equals(id)) {
            reference(population, points, index, timeLimit).ifPresent(ref -> {
                scatter.add(Table2Rows.scatter(ref, points));
                relevance.put(REFERENCE, ref.relevance(0, index).clone());
            });
        }
        Sample s = samples.get(index);
        RelevanceExample example = new RelevanceExample(task, population.models().get(0).id(), s.input().toArray(),
                s.truth().role("a").orElseThrow().position(), s.truth().role("b").orElseThrow().position(), s.y(),
                population.prediction(0, index), relevance);
        Map<String, Map<String, MethodResult>> paper = PaperResults.table2().containsKey(task)
                ? Map.of(task, PaperResults.table2().get(task)) : Map.of();
        List<SelectivityCurve> curves = curveSamples > 0
                ? curves(population, curveSamples, paperMethods, seed, timeLimit) : List.of();
        return Optional.of(Report.of(null, List.of(), List.of(),
                new Table2Section(Map.of(task, row), paper, List.of(example), scatter, curves)));
    }

    /**
     * The explainer's selectivity curve, then, with {@code paperMethods}, those of the paper's methods
     * for the task (each {@link dev.explainunit.task.Task#builtIn built in} with the task's paper
     * setting and explained on the same models and first {@code perModel} sequences; one that fails its
     * contract is left out), then the operands-first and random baselines, in the order
     * {@code reproduce} gives them.
     */
    static List<SelectivityCurve> curves(ExplainedPopulation population, int perModel, boolean paperMethods,
                                         long seed, Duration timeLimit) {
        String task = population.task().id();
        String id = population.explainerId();
        List<SelectivityCurve> curves = new ArrayList<>();
        curves.add(new SelectivityCurve(task, id, SelectivityCurves.byRelevance(population, perModel)));
        List<Sample> first = population.samples().subList(0, Math.min(perModel, population.samples().size()));
        for (String method : paperMethods ? PaperResults.table2().getOrDefault(task, Map.of()).keySet()
                : List.<String>of()) {
            if (method.equals(id)) {
                continue;
            }
            ExplainedPopulation paperMethod = ExplainedPopulation.explain(population.task().builtIn(method),
                    population.task(), population.models(), first, timeLimit);
            if (paperMethod.contractViolation().isEmpty() && paperMethod.notApplicable().isEmpty()) {
                curves.add(new SelectivityCurve(task, method, SelectivityCurves.byRelevance(paperMethod, perModel)));
            }
        }
        curves.add(new SelectivityCurve(task, SelectivityCurves.OPERANDS_FIRST,
                SelectivityCurves.operandsFirst(population, perModel, seed)));
        curves.add(new SelectivityCurve(task, SelectivityCurves.RANDOM,
                SelectivityCurves.random(population, perModel, seed)));
        return curves;
    }

    /** LRP-all on the first model and the first {@code points} sequences (at least the example's), if it applies. */
    private static Optional<ExplainedPopulation> reference(ExplainedPopulation population, int points, int index,
                                                           Duration timeLimit) {
        Explainer lrp = population.task().builtIn(REFERENCE);
        int n = Math.min(population.samples().size(), Math.max(points, index + 1));
        ExplainedPopulation ref = ExplainedPopulation.explain(lrp, population.task(),
                population.models().subList(0, 1), population.samples().subList(0, n), timeLimit);
        return ref.contractViolation().isPresent() || ref.notApplicable().isPresent() ? Optional.empty()
                : Optional.of(ref);
    }
}
