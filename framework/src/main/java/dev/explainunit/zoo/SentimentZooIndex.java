package dev.explainunit.zoo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.explainunit.zoo.SentenceTrainingSettings;
import dev.explainunit.zoo.SentimentAccuracy;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The {@code index.json} of the {@code sentiment} model directory: what the model is, how it was
 * trained and how well it does, beside a bag-of-words baseline. Unknown keys are ignored when reading.
 *
 * @param format             {@value #FORMAT}
 * @param task               {@value #TASK}
 * @param model              the safetensors file name
 * @param vocabulary         the vocabulary file name
 * @param corpusSeed         seed of the generated corpus the model was trained on
 * @param settings           the training settings (seed among them)
 * @param optimizer          the settings in words
 * @param epochs             epochs run
 * @param bestEpoch          the epoch whose parameters were kept
 * @param trainingSeconds    wall time of the training (the model; the baseline not included)
 * @param threads            training threads (the model does not depend on them)
 * @param validation         the model's accuracy on the validation split
 * @param test               ... on the test split
 * @param baselineValidation the bag-of-words baseline's accuracy on the validation split
 * @param baselineTest       ... on the test split
 * @param history            loss and validation accuracy per epoch
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonIgnoreProperties(ignoreUnknown = true)
public record SentimentZooIndex(String format, String task, String model, String vocabulary, long corpusSeed,
                                SentenceTrainingSettings settings, String optimizer, int epochs, int bestEpoch,
                                double trainingSeconds, int threads, SentimentAccuracy validation,
                                SentimentAccuracy test, SentimentAccuracy baselineValidation,
                                SentimentAccuracy baselineTest, List<Epoch> history) {

    /** The format tag of this version. */
    public static final String FORMAT = "explainunit-sentence-zoo/1";
    /** The task id. */
    public static final String TASK = "sentiment";
    /** File names in the directory. */
    public static final String MODEL_FILE = "sentiment.safetensors", VOCABULARY_FILE = "vocab.txt";

    public SentimentZooIndex {
        history = history == null ? List.of() : List.copyOf(history);
    }


    /**
     * One epoch of the training.
     *
     * @param epoch              1-based
     * @param trainLoss          mean cross-entropy over the epoch
     * @param validationAccuracy after the epoch
     * @param seconds            since the training started
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Epoch(int epoch, double trainLoss, double validationAccuracy, double seconds) {
    }
}
