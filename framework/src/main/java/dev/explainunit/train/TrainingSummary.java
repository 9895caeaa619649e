package dev.explainunit.train;

import dev.explainunit.toy.ToyTask;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The outcome of training until enough models were kept.
 *
 * @param task             the toy task
 * @param dataSeed         the seed of the train / validation / test data
 * @param kept             the kept runs, in seed order
 * @param seedsTried       runs from the first seed up to and including the last kept one
 * @param totalEvaluations evaluations spent by those runs
 * @param wallSeconds      wall time of the whole training
 * @param cpuSeconds       CPU time of those runs, summed over threads
 * @param threads          worker threads used
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TrainingSummary(ToyTask task, long dataSeed, List<TrainingRun> kept, int seedsTried, long totalEvaluations,
                              double wallSeconds, double cpuSeconds, int threads) {

    public TrainingSummary {
        kept = List.copyOf(kept);
    }

    /** Kept runs per seed tried. */
    public double convergenceRate() {
        return seedsTried == 0 ? 0 : (double) kept.size() / seedsTried;
    }
}
