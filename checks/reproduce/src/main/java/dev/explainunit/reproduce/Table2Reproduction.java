package dev.explainunit.reproduce;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.ExplainedPopulation;
import dev.explainunit.checks.MemoryEstimate;
import dev.explainunit.checks.ModelStatistics;
import dev.explainunit.checks.SanityChecks;
import dev.explainunit.checks.SanitySettings;
import dev.explainunit.checks.Verdict;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.report.MethodResult;
import dev.explainunit.report.PaperResults;
import dev.explainunit.report.RelevanceExample;
import dev.explainunit.report.Report;
import dev.explainunit.report.RunInfo;
import dev.explainunit.report.ScatterSeries;
import dev.explainunit.report.SelectivityCurve;
import dev.explainunit.report.Stat;
import dev.explainunit.report.Table2Section;
import dev.explainunit.table2.SelectivityCurves;
import dev.explainunit.table2.Table2Rows;
import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.Sample;
import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.zoo.ModelZoo;
import dev.explainunit.zoo.ZooModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * Recomputes the paper's Table 2 (Arras et al. 2019, section 3.2) for every built-in explainer on
 * the bundled zoo: for each task and method, the relevances of every test sequence on every model
 * (computed once, on all cores, by the engine's {@link ExplainedPopulation}), each model's
 * ρ(R_a, n_a), ρ(R_b, n_b), relevant mass and conservation MSE (the engine's metric functions),
 * their mean and population std over the models, and the engine's check verdicts with the test
 * engine's default thresholds.
 *
 * <p>LRP runs with ε = 0 and bias factor 0, as the paper's toy experiment (appendix A.2).
 * A method that does not {@linkplain Explainer#supports support} the toy models (such as
 * {@code occlusion-p-diff}, which needs class probabilities) is skipped with a note. The paper's numbers are attached for comparison only.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Table2Reproduction {


    private Table2Reproduction() {
    }

    /**
     * About how many bytes of heap {@link #run} keeps for {@code settings} with {@code modelsPerTask}
     * models per task: every task runs at once, and each holds its test sequences and two explained
     * populations (the method being checked and the first one, kept for the selectivity baselines).
     */
    public static long estimatedBytes(ReproduceSettings settings, int modelsPerTask) {
        return (long) settings.samples() * bytesPerSample(settings, modelsPerTask);
    }

    /** The largest number of samples per model whose {@link #estimatedBytes} stays within {@code bytes}. */
    public static long maxSamples(ReproduceSettings settings, int modelsPerTask, long bytes) {
        return bytes / bytesPerSample(settings, modelsPerTask);
    }

    private static long bytesPerSample(ReproduceSettings settings, int modelsPerTask) {
        return settings.tasks().size() * memoryEstimate(settings).perSample(modelsPerTask, 2);
    }

    /** The {@link MemoryEstimate} of the settings' tasks (the largest of them). */
    public static MemoryEstimate memoryEstimate(ReproduceSettings settings) {
        MemoryEstimate estimate = MemoryEstimate.of(1, 1, 0);
        for (ToyArithmeticTask task : settings.tasks()) {
            estimate = estimate.max(MemoryEstimate.of(task, settings.seed(), settings.samples()));
        }
        return estimate;
    }

    /**
     * Runs the reproduction. The tasks run side by side (each explains its models on all cores), so
     * one task's sequential steps (check statistics, the counterexample search) overlap the other's
     * explaining.
     *
     * @param onMethodDone called after each (task, method), from a worker thread (for a progress bar)
     */
    public static Report run(ReproduceSettings settings, Runnable onMethodDone) {
        return run(settings, task -> ModelZoo.bundled().models(task.id()), onMethodDone);
    }

    /** {@link #run(ReproduceSettings, Runnable)} on the models {@code zoo} gives for each task. */
    public static Report run(ReproduceSettings settings, Function<ToyArithmeticTask, List<ZooModel>> zoo,
                             Runnable onMethodDone) {
        long started = System.nanoTime();
        List<TaskPart> parts = inParallel(settings.tasks(), task -> reproduce(task, settings, zoo, onMethodDone));
        List<CheckResult> checks = new ArrayList<>();
        Map<String, Map<String, MethodResult>> table2 = new LinkedHashMap<>();
        List<RelevanceExample> examples = new ArrayList<>();
        List<ScatterSeries> scatter = new ArrayList<>();
        List<SelectivityCurve> curves = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Map<String, MethodResult>> paper = new LinkedHashMap<>();
        int modelCount = 0;
        for (TaskPart part : parts) {
            checks.addAll(part.checks());
            table2.put(part.task().id(), part.rows());
            // every architecture beside the paper's single-unit LSTMs on the same data
            Map<String, MethodResult> published = PaperResults.table2().get(part.task().arithmetic().id());
            if (published != null) {
                paper.put(part.task().id(), published);
            }
            examples.add(part.example());
            scatter.addAll(part.scatter());
            curves.addAll(part.curves());
            notes.addAll(part.notes());
            modelCount = Math.max(modelCount, part.models());
        }
        RunInfo run = new RunInfo(RunInfo.toolVersion(), "reproduce", settings.seed(), settings.samples(), modelCount,
                settings.tasks().stream().map(ToyArithmeticTask::id).toList(), Instant.now().toString(),
                (System.nanoTime() - started) / 1e9, UUID.randomUUID().toString());
        return Report.of(run, checks, notes,
                new Table2Section(table2, paper, examples, scatter, curves));
    }

    /** What one task contributes to the report. */
    private record TaskPart(ToyArithmeticTask task, int models, Map<String, MethodResult> rows, List<CheckResult> checks,
                            RelevanceExample example, List<ScatterSeries> scatter, List<SelectivityCurve> curves,
                            List<String> notes) {
    }

    private static TaskPart reproduce(ToyArithmeticTask toy, ReproduceSettings settings,
                                      Function<ToyArithmeticTask, List<ZooModel>> zoo, Runnable onMethodDone) {
        SanitySettings sanity = SanitySettings.defaults().withTasks(List.of(toy))
                .withSamples(settings.samples())
                .withSeed(settings.seed()).withModels(settings.models());
        List<ZooModel> all = zoo.apply(toy);
        if (all == null || all.isEmpty()) {
            throw new IllegalStateException("the model zoo has no models for task " + toy.id());
        }
        List<ZooModel> models = settings.models() == 0 || settings.models() >= all.size() ? all
                : all.subList(0, settings.models());
        List<Sample> samples = SanityChecks.samples(toy, sanity);
        int exampleIndex = Table2Rows.exampleIndex(samples);
        Map<String, double[]> exampleRelevance = new LinkedHashMap<>();
        Map<String, MethodResult> rows = new LinkedHashMap<>();
        List<CheckResult> checks = new ArrayList<>();
        List<ScatterSeries> scatter = new ArrayList<>();
        List<SelectivityCurve> curves = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ExplainedPopulation first = null;
        for (String id : BuiltInExplainers.ids()) {
            Explainer explainer = toy.builtIn(id);
            if (!explainer.supports(models.get(0).model())) {
                notes.add(notApplicable(id, toy, models.get(0).model().inputSize(),
                        models.get(0).model().outputSize()));
                onMethodDone.run();
                continue;
            }
            ExplainedPopulation population = ExplainedPopulation.explain(explainer, toy, models, samples,
                    sanity.timeLimit());
            boolean passed = true;
            for (Check check : SanityChecks.orderedChecks(sanity, toy)) {
                CheckResult record = SanityChecks.evaluate(check, population, sanity);
                checks.add(record);
                if (Table2Rows.CHECKS.contains(check) && !record.passed()) {
                    passed = false;
                }
            }
            if (population.contractViolation().isPresent()) {
                Stat none = Stat.of(new double[0]);
                rows.put(id, new MethodResult(none, none, none, none, Verdict.FAIL.word(),
                        population.contractViolation().get().message()));
            } else {
                rows.put(id, Table2Rows.row(population.modelStatistics(), passed));
                exampleRelevance.put(id, population.relevance(0, exampleIndex).clone());
                scatter.add(Table2Rows.scatter(population, settings.scatterPoints()));
                if (settings.curveSamples() > 0) {
                    curves.add(new SelectivityCurve(toy.id(), id,
                            SelectivityCurves.byRelevance(population, settings.curveSamples())));
                    if (first == null) {
                        first = population;
                    }
                }
            }
            onMethodDone.run();
        }
        if (first != null) {
            curves.add(new SelectivityCurve(toy.id(), SelectivityCurves.OPERANDS_FIRST,
                    SelectivityCurves.operandsFirst(first, settings.curveSamples(), settings.seed())));
            curves.add(new SelectivityCurve(toy.id(), SelectivityCurves.RANDOM,
                    SelectivityCurves.random(first, settings.curveSamples(), settings.seed())));
        }
        Sample s = samples.get(exampleIndex);
        RelevanceExample example = new RelevanceExample(toy.id(), models.get(0).id(), s.input().toArray(),
                s.truth().role("a").orElseThrow().position(), s.truth().role("b").orElseThrow().position(), s.y(),
                models.get(0).model().predict(s.input())[s.target()], exampleRelevance);
        return new TaskPart(toy, models.size(), rows, checks, example, scatter, curves, notes);
    }

    /** {@code work} applied to each task, one thread per task, results in task order. */
    private static List<TaskPart> inParallel(List<ToyArithmeticTask> tasks,
                                             Function<ToyArithmeticTask, TaskPart> work) {
        if (tasks.size() == 1) {
            return List.of(work.apply(tasks.get(0)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> {
            Thread thread = new Thread(r, "explainunit-reproduce");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TaskPart>> futures = new ArrayList<>();
            for (ToyArithmeticTask task : tasks) {
                futures.add(pool.submit(() -> work.apply(task)));
            }
            List<TaskPart> parts = new ArrayList<>();
            for (Future<TaskPart> future : futures) {
                parts.add(future.get());
            }
            return parts;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the reproduction was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The note for a method skipped because its {@link Explainer#supports} is false, naming the
     * models' shape: "occlusion-p-diff does not apply to the subtraction models (2 inputs per step,
     * 1 output)".
     */
    static String notApplicable(String id, ToyArithmeticTask task, int inputs, int outputs) {
        return id + " does not apply to the " + task.id() + " models (" + inputs
                + (inputs == 1 ? " input" : " inputs") + " per step, " + outputs
                + (outputs == 1 ? " output" : " outputs") + ")";
    }
}
