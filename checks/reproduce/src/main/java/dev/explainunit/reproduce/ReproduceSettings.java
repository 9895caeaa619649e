package dev.explainunit.reproduce;

import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.toy.ToyTask;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What {@link Table2Reproduction} computes.
 *
 * @param tasks         the tasks, in order
 * @param samples       test sequences per model (the paper: 2500)
 * @param seed          seed of the test data and of the checks' searches
 * @param models        models per task from the bundled zoo; 0 means all (the paper: 50)
 * @param scatterPoints points per scatter plot (pooled over models)
 * @param curveSamples  sequences per model for the selectivity curves
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReproduceSettings(List<ToyArithmeticTask> tasks, int samples, long seed, int models, int scatterPoints,
                                int curveSamples) {

    public ReproduceSettings {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("at least one task is required");
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2 (a correlation needs two), got " + samples);
        }
        if (models < 0 || scatterPoints < 0 || curveSamples < 0) {
            throw new IllegalArgumentException("models, scatter points and curve samples must be >= 0");
        }
        tasks = List.copyOf(tasks);
    }

    /** The paper's setting: both of the paper's tasks (single-unit LSTMs), all models, 2500 test sequences each. */
    public static ReproduceSettings paper(long seed) {
        return new ReproduceSettings(List.of(ToyArithmeticTask.of(ToyTask.ADDITION),
                ToyArithmeticTask.of(ToyTask.SUBTRACTION)), 2500, seed, 0, 300, 100);
    }

    public ReproduceSettings withTasks(List<ToyArithmeticTask> value) {
        return new ReproduceSettings(value, samples, seed, models, scatterPoints, curveSamples);
    }

    public ReproduceSettings withSamples(int value) {
        return new ReproduceSettings(tasks, value, seed, models, scatterPoints, curveSamples);
    }
}
