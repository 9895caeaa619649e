package dev.explainunit.train;

import dev.explainunit.zoo.Architecture;
import dev.explainunit.zoo.ZooDirectory;
import dev.explainunit.zoo.ZooIndex;
import dev.explainunit.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The outcome of training until enough models were kept.
 *
 * @param task             the id of the toy task, e.g. {@code "addition-gru"}
 * @param architecture     the architecture of the models
 * @param dataSeed         the seed of the train / validation / test data
 * @param settings         the optimiser settings and stopping rules
 * @param kept             the kept runs, in seed order
 * @param seedsTried       runs from the first seed up to and including the last kept one
 * @param totalEvaluations evaluations spent by those runs
 * @param wallSeconds      wall time of the whole training
 * @param cpuSeconds       CPU time of those runs, summed over threads
 * @param threads          worker threads used
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TrainingSummary(String task, Architecture architecture, long dataSeed, TrainingSettings settings,
                              List<TrainingRun> kept, int seedsTried, long totalEvaluations, double wallSeconds,
                              double cpuSeconds, int threads) {

    public TrainingSummary {
        kept = List.copyOf(kept);
    }

    /** Kept runs per seed tried. */
    public double convergenceRate() {
        return seedsTried == 0 ? 0 : (double) kept.size() / seedsTried;
    }

    /** The kept models with ids in seed order ({@code <task>-01}, ...). */
    public List<ZooModel> models() {
        List<ZooModel> models = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            TrainingRun run = kept.get(k);
            models.add(new ZooModel(ZooDirectory.modelId(task, k), task, run.seed(), run.model(), run.trainMse(),
                    run.validationMse(), run.testMse(), run.evaluations(), run.seconds()));
        }
        return models;
    }

    /** The index of a zoo of the kept models: the run-level facts of this training. */
    public ZooIndex index() {
        List<ZooModel> models = models();
        return new ZooIndex(ZooIndex.FORMAT, task, architecture, dataSeed, seedsTried, models.size(),
                convergenceRate(), totalEvaluations, wallSeconds, cpuSeconds, threads, settings.describe(),
                ZooDirectory.entries(models));
    }

    /**
     * Writes the kept models as {@code <id>.safetensors} and then {@code index.json} to
     * {@code directory} ({@link ZooDirectory#write}), creating it if needed.
     *
     * @return the index written
     */
    public ZooIndex write(Path directory) throws IOException {
        ZooIndex index = index();
        ZooDirectory.write(directory, index, models());
        return index;
    }
}
