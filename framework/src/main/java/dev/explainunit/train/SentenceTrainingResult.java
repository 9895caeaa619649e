package dev.explainunit.train;

import dev.explainunit.model.SentenceModel;
import dev.explainunit.zoo.SentenceTrainingSettings;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The outcome of a {@link SentenceTrainer} run.
 *
 * @param model              the parameters after the epoch with the best validation accuracy
 * @param settings           the settings it was trained with
 * @param bestEpoch          that epoch (1-based)
 * @param validationAccuracy its validation accuracy
 * @param epochs             every epoch run, in order
 * @param seconds            wall time of the run
 * @param threads            threads used
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentenceTrainingResult(SentenceModel model, SentenceTrainingSettings settings, int bestEpoch,
                                     double validationAccuracy, List<EpochProgress> epochs, double seconds,
                                     int threads) {

    public SentenceTrainingResult {
        epochs = List.copyOf(epochs);
    }
}
