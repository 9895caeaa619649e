package dev.explainunit.checks;

import dev.explainunit.task.Task;
import dev.explainunit.task.Tasks;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a sanity run evaluates and how.
 *
 * @param tasks                  the tasks, in order (each found by id through {@link Tasks#byId})
 * @param checks                 the checks
 * @param models                 the first models of each task's {@link Task#models()} (0 or more than there are: all)
 * @param samples                test sequences per model: the task's {@link Task#samples samples} for {@code seed}
 * @param seed                   seed of the test data, of the randomised models and of the search
 * @param thresholds             the thresholds
 * @param timeLimit              limit of one {@code explain} call
 * @param probeSamples           sequences per model for the checks that run the model again
 *                               (perturbation selectivity, model randomization)
 * @param searchTries            sequences the counterexample search generates per failing check
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SanitySettings(List<Task> tasks, Set<Check> checks, int models, int samples, long seed,
                             Thresholds thresholds, Duration timeLimit, int probeSamples, int searchTries) {

    /** Default limit of one {@code explain} call. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    /** Default seed of the test data (the zoo was trained on other seeds' data). */
    public static final long DEFAULT_SEED = 20190801L;

    public SanitySettings {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("at least one task is required");
        }
        if (checks == null || checks.isEmpty()) {
            throw new IllegalArgumentException("at least one check is required");
        }
        if (models < 0) {
            throw new IllegalArgumentException("models must be >= 0 (0 = all), got " + models);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2 (a correlation needs two), got " + samples);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, got " + timeLimit);
        }
        if (probeSamples < 1 || searchTries < 1) {
            throw new IllegalArgumentException("probeSamples and searchTries must be >= 1");
        }
        tasks = List.copyOf(tasks);
        checks = Set.copyOf(EnumSet.copyOf(checks));
    }

    /**
     * The tasks that {@linkplain Task#runsByDefault() run by default} (both toy tasks), every check,
     * all 50 models × 2500 test sequences, the default thresholds, 10 s per call.
     */
    public static SanitySettings defaults() {
        return new SanitySettings(Tasks.defaults(), EnumSet.allOf(Check.class), 0, 2500, DEFAULT_SEED,
                Thresholds.defaults(), DEFAULT_TIME_LIMIT, 250, 200);
    }

    public SanitySettings withTasks(List<Task> value) {
        return new SanitySettings(value, checks, models, samples, seed, thresholds, timeLimit,
                probeSamples, searchTries);
    }

    public SanitySettings withChecks(Set<Check> value) {
        return new SanitySettings(tasks, value, models, samples, seed, thresholds, timeLimit,
                probeSamples, searchTries);
    }

    public SanitySettings withModels(int value) {
        return new SanitySettings(tasks, checks, value, samples, seed, thresholds, timeLimit,
                probeSamples, searchTries);
    }

    public SanitySettings withSamples(int value) {
        return new SanitySettings(tasks, checks, models, value, seed, thresholds, timeLimit,
                probeSamples, searchTries);
    }

    public SanitySettings withSeed(long value) {
        return new SanitySettings(tasks, checks, models, samples, value, thresholds, timeLimit,
                probeSamples, searchTries);
    }

    public SanitySettings withThresholds(Thresholds value) {
        return new SanitySettings(tasks, checks, models, samples, seed, value, timeLimit,
                probeSamples, searchTries);
    }

    public SanitySettings withTimeLimit(Duration value) {
        return new SanitySettings(tasks, checks, models, samples, seed, thresholds, value,
                probeSamples, searchTries);
    }

    public SanitySettings withProbeSamples(int value) {
        return new SanitySettings(tasks, checks, models, samples, seed, thresholds, timeLimit, value,
                searchTries);
    }

    public SanitySettings withSearchTries(int value) {
        return new SanitySettings(tasks, checks, models, samples, seed, thresholds, timeLimit,
                probeSamples, value);
    }
}
