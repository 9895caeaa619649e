package dev.explainunit.checks;

import dev.explainunit.Explainer;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import dev.explainunit.task.TaskModel;
import dev.explainunit.task.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;

/**
 * The sanity checks without JUnit:
 *
 * <pre>
 *   SanityReport report = SanityChecks.of(explainer).on("subtraction").run();
 *   assertThat(report.passed()).as(report.summary()).isTrue();
 * </pre>
 *
 * Relevances are computed once per (model, test sequence) per task and shared by all checks.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SanityChecks {

    private final Explainer explainer;
    private SanitySettings settings;
    private Runnable modelDone = () -> { };

    private SanityChecks(Explainer explainer, SanitySettings settings) {
        this.explainer = Objects.requireNonNull(explainer, "explainer");
        this.settings = settings;
    }

    /** The default suite (both toy tasks, every check, all models × 2500 sequences) for {@code explainer}. */
    public static SanityChecks of(Explainer explainer) {
        return new SanityChecks(explainer, SanitySettings.defaults());
    }

    /**
     * Only the tasks with these ids ({@link Tasks#byId}).
     *
     * @throws IllegalArgumentException naming an unknown id and the known ones
     */
    public SanityChecks on(String... taskIds) {
        settings = settings.withTasks(Tasks.byIds(List.of(taskIds)));
        return this;
    }

    /** Only these tasks. */
    public SanityChecks on(Task... tasks) {
        settings = settings.withTasks(List.of(tasks));
        return this;
    }

    /** Only these checks. */
    public SanityChecks checks(Check first, Check... more) {
        settings = settings.withChecks(EnumSet.of(first, more));
        return this;
    }

    /** The first {@code count} models of each task (0: all). */
    public SanityChecks models(int count) {
        settings = settings.withModels(count);
        return this;
    }

    /** {@code count} test sequences per model. */
    public SanityChecks samples(int count) {
        settings = settings.withSamples(count);
        return this;
    }

    /** Seed of the test data, the randomised models and the counterexample search. */
    public SanityChecks seed(long seed) {
        settings = settings.withSeed(seed);
        return this;
    }

    public SanityChecks thresholds(Thresholds thresholds) {
        settings = settings.withThresholds(thresholds);
        return this;
    }

    /** Limit of a single {@code explain} call. */
    public SanityChecks timeLimit(Duration limit) {
        settings = settings.withTimeLimit(limit);
        return this;
    }

    /** All settings at once. */
    public SanityChecks settings(SanitySettings all) {
        settings = Objects.requireNonNull(all, "settings");
        return this;
    }

    public SanitySettings settings() {
        return settings;
    }

    /** Called (from worker threads) each time one model's sequences are explained, e.g. for a progress bar. */
    public SanityChecks onModelExplained(Runnable callback) {
        modelDone = Objects.requireNonNull(callback, "callback");
        return this;
    }

    /**
     * Runs the checks on each task's models.
     *
     * @throws IllegalArgumentException if the relevances of the settings would not fit in memory
     *                                  ({@link #requireFitsInMemory})
     */
    public SanityReport run() {
        return run((population, results) -> { });
    }

    /**
     * {@link #run()}, handing each task's explained population and check results to {@code onTask}
     * (called on the calling thread once a task's checks are done, e.g. for the report's figures).
     */
    public SanityReport run(BiConsumer<ExplainedPopulation, List<CheckResult>> onTask) {
        requireFitsInMemory(settings);
        List<CheckResult> results = new ArrayList<>();
        for (Task task : settings.tasks()) {
            ExplainedPopulation population = ExplainedPopulation.explain(explainer, task, models(task, settings),
                    samples(task, settings), settings.timeLimit(), modelDone);
            List<CheckResult> ofTask = new ArrayList<>();
            for (Check check : orderedChecks(settings, task)) {
                ofTask.add(evaluate(check, population, settings));
            }
            onTask.accept(population, List.copyOf(ofTask));
            results.addAll(ofTask);
        }
        return new SanityReport(explainer.getClass().getName(), results);
    }

    /**
     * Refuses settings whose shared relevances (models × samples explanations, kept for every
     * check of a task) would take more than half of the maximum heap, before anything is
     * generated, so that a large sample count fails with this message instead of running out of
     * memory.
     *
     * @throws IllegalArgumentException naming the sample and model counts, the estimate and the limit
     */
    public static void requireFitsInMemory(SanitySettings settings) {
        int models = 0;
        MemoryEstimate estimate = MemoryEstimate.of(1, 1, 0);
        for (Task task : settings.tasks()) {
            models = Math.max(models, models(task, settings).size());
            estimate = estimate.max(MemoryEstimate.of(task, settings.seed(), settings.samples()));
        }
        long limit = Runtime.getRuntime().maxMemory() / 2;
        long bytes = estimate.bytes(settings.samples(), models, 1);
        if (bytes > limit) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "samples = %d on %d models needs about %.1f MB for the shared relevances, more than half of "
                            + "the maximum heap (limit %.1f MB, -Xmx %.1f MB); at most %d samples fit",
                    settings.samples(), models, bytes / 1e6, limit / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
                    limit / estimate.perSample(models, 1)));
        }
    }

    /** The models of {@code task} a run with {@code settings} uses: the first {@link SanitySettings#models()}. */
    public static List<TaskModel> models(Task task, SanitySettings settings) {
        List<TaskModel> all = List.copyOf(task.models());
        return settings.models() == 0 || settings.models() >= all.size() ? all : all.subList(0, settings.models());
    }

    /** The test sequences a run with {@code settings} uses: the task's samples for the seed. */
    public static List<Sample> samples(Task task, SanitySettings settings) {
        return task.samples(settings.seed(), settings.samples());
    }

    /**
     * Step 1 of a run: the shared relevances of {@code explainer} on {@code task}.
     *
     * @throws IllegalArgumentException if they would not fit in memory ({@link #requireFitsInMemory})
     */
    public static ExplainedPopulation explain(Explainer explainer, Task task, SanitySettings settings) {
        requireFitsInMemory(settings.withTasks(List.of(task)));
        return ExplainedPopulation.explain(explainer, task, models(task, settings), samples(task, settings),
                settings.timeLimit());
    }

    /** Step 2: one check on shared relevances, with a shrunk counterexample when it fails. */
    public static CheckResult evaluate(Check check, ExplainedPopulation population, SanitySettings settings) {
        CheckResult result = CheckEvaluation.evaluate(check, population, settings);
        if (result.verdict() != Verdict.FAIL) {
            return result;
        }
        long started = System.nanoTime();
        Counterexample found = CounterexampleSearch.search(result, population, settings).orElse(null);
        return result.withCounterexample(found, FailureMessage.with(result, found, settings))
                .withSeconds(result.seconds() + (System.nanoTime() - started) / 1e9);
    }

    /** The selected checks in catalogue order that exist on {@code task} ({@link Check#existsOn}). */
    public static List<Check> orderedChecks(SanitySettings settings, Task task) {
        return orderedChecks(settings).stream().filter(c -> c.existsOn(task)).toList();
    }

    /** The selected checks in catalogue order. */
    public static List<Check> orderedChecks(SanitySettings settings) {
        List<Check> ordered = new ArrayList<>();
        for (Check c : Check.values()) {
            if (settings.checks().contains(c)) {
                ordered.add(c);
            }
        }
        return ordered;
    }
}
