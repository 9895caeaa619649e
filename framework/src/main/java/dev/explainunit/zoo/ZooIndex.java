package dev.explainunit.zoo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The {@code index.json} of a model directory: the run-level facts of the training and one entry
 * per model file. Keys are stable; unknown keys are ignored when reading.
 *
 * @param format           {@value #FORMAT}
 * @param task             task id, e.g. {@code "addition-gru"}
 * @param architecture     the models' architecture (cell, layers, H); absent from indexes written
 *                         before version 0.3, which all describe the paper's single-unit LSTM
 * @param dataSeed         seed of the train / validation / test data ({@code ToyData.generate})
 * @param seedsTried       initialisation seeds tried until the last kept model
 * @param modelsKept       number of models (validation MSE &lt; 1e-4)
 * @param convergenceRate  modelsKept / seedsTried
 * @param totalEvaluations loss-and-gradient evaluations spent on the seeds tried
 * @param trainingSeconds  wall time of the whole training
 * @param cpuSeconds       CPU time of the seeds tried, summed over threads
 * @param threads          training threads
 * @param optimizer        the optimiser and stopping rules, in words
 * @param models           the model entries
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZooIndex(String format, String task, Architecture architecture, long dataSeed, int seedsTried,
                       int modelsKept, double convergenceRate, long totalEvaluations, double trainingSeconds,
                       double cpuSeconds, int threads, String optimizer, List<Entry> models) {

    /** The format tag of this version. */
    public static final String FORMAT = "explainunit-zoo/1";

    public ZooIndex {
        models = models == null ? List.of() : List.copyOf(models);
        architecture = architecture == null ? Architecture.PAPER : architecture;
    }

    /** This index with other model entries. */
    public ZooIndex withModels(List<Entry> entries) {
        return new ZooIndex(format, task, architecture, dataSeed, seedsTried, modelsKept, convergenceRate,
                totalEvaluations, trainingSeconds, cpuSeconds, threads, optimizer, entries);
    }

    /**
     * One model file of the directory.
     *
     * @param id            model id, e.g. {@code "addition-07"}
     * @param task          task id, as at the top of the index
     * @param file          the safetensors file name, relative to the directory
     * @param seed          initialisation seed
     * @param trainMse      MSE on the training split
     * @param validationMse MSE on the validation split
     * @param testMse       MSE on the test split
     * @param evaluations   loss-and-gradient evaluations (optimiser steps)
     * @param seconds       wall time of the run
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, String task, String file, long seed, double trainMse, double validationMse, double testMse,
                        int evaluations, double seconds) {
    }
}
