package dev.explainunit.train;

import org.apiguardian.api.API;

/**
 * What one epoch of a {@link SentenceTrainer} run achieved.
 *
 * @param epoch              1-based
 * @param trainLoss          mean cross-entropy over the epoch's mini-batches (before each step)
 * @param validationAccuracy fraction of the validation sentences classified correctly after the epoch
 * @param seconds            wall time since the run started
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EpochProgress(int epoch, double trainLoss, double validationAccuracy, double seconds) {

    /** Hears about finished epochs, on the training thread. */
    @FunctionalInterface
    public interface Listener {

        /** Does nothing. */
        Listener NONE = progress -> { };

        void epochFinished(EpochProgress progress);
    }
}
