package dev.explainunit.checks;

import dev.explainunit.Explainer;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.zoo.ModelZoo;
import dev.explainunit.zoo.ZooModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The sanity checks without JUnit:
 *
 * <pre>
 *   SanityReport report = SanityChecks.of(explainer).on(Task.SUBTRACTION).run();
 *   assertThat(report.passed()).as(report.summary()).isTrue();
 * </pre>
 *
 * Relevances are computed once per (model, test sequence) per task and shared by all checks.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SanityChecks {

    private final Explainer explainer;
    private SanitySettings settings;
    private Runnable modelDone = () -> { };

    private SanityChecks(Explainer explainer, SanitySettings settings) {
        this.explainer = Objects.requireNonNull(explainer, "explainer");
        this.settings = settings;
    }

    /** The default suite (both tasks, every check, all models × 2500 sequences) for {@code explainer}. */
    public static SanityChecks of(Explainer explainer) {
        return new SanityChecks(explainer, SanitySettings.defaults());
    }

    /** Only these tasks. */
    public SanityChecks on(ToyTask... tasks) {
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
     * Runs the checks on the bundled zoo.
     *
     * @throws IllegalArgumentException if the relevances of the settings would not fit in memory
     *                                  ({@link #requireFitsInMemory})
     */
    public SanityReport run() {
        requireFitsInMemory(settings);
        List<CheckResult> results = new ArrayList<>();
        for (ToyTask task : settings.tasks()) {
            ExplainedPopulation population = ExplainedPopulation.explain(explainer, task, models(task, settings),
                    samples(task, settings), settings.timeLimit(), modelDone);
            for (Check check : orderedChecks(settings)) {
                results.add(evaluate(check, population, settings));
            }
        }
        return new SanityReport(explainer.getClass().getName(), results);
    }

    /**
     * Bytes one stored explanation takes: a relevance row of at most 14 doubles with its array
     * header and reference, and the prediction.
     */
    static final long BYTES_PER_EXPLANATION = 16 + 14 * 8 + 8 + 8;
    /** Bytes one generated test sequence takes (the sample, its sequence of 14 two-dimensional steps). */
    static final long BYTES_PER_SAMPLE = 320;

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
        for (ToyTask task : settings.tasks()) {
            models = Math.max(models, models(task, settings).size());
        }
        long limit = Runtime.getRuntime().maxMemory() / 2;
        long bytes = settings.samples() * (models * BYTES_PER_EXPLANATION + BYTES_PER_SAMPLE);
        if (bytes > limit) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "samples = %d on %d models needs about %.1f MB for the shared relevances, more than half of "
                            + "the maximum heap (limit %.1f MB, -Xmx %.1f MB); at most %d samples fit",
                    settings.samples(), models, bytes / 1e6, limit / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
                    limit / (models * BYTES_PER_EXPLANATION + BYTES_PER_SAMPLE)));
        }
    }

    /** The models of {@code task} a run with {@code settings} uses. */
    public static List<ZooModel> models(ToyTask task, SanitySettings settings) {
        List<ZooModel> all = ModelZoo.bundled().models(task);
        return settings.models() == 0 || settings.models() >= all.size() ? all : all.subList(0, settings.models());
    }

    /** The test sequences a run with {@code settings} uses. */
    public static List<ToySample> samples(ToyTask task, SanitySettings settings) {
        return ToyData.generate(task, Split.TEST, settings.samples(), settings.seed());
    }

    /**
     * Step 1 of a run: the shared relevances of {@code explainer} on {@code task}.
     *
     * @throws IllegalArgumentException if they would not fit in memory ({@link #requireFitsInMemory})
     */
    public static ExplainedPopulation explain(Explainer explainer, ToyTask task, SanitySettings settings) {
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
