package dev.explainunit.zoo;

import org.apiguardian.api.API;

/**
 * The model shape, optimiser and stopping rule of a {@link dev.explainunit.train.SentenceTrainer} run. The thread count
 * is not a setting: it does not change the result.
 *
 * @param embeddingSize E
 * @param hiddenSize    H, units per direction
 * @param bidirectional whether the LSTM reads the sentence in both directions
 * @param seed          seed of the initialisation and of the batch order
 * @param batchSize     sentences per mini-batch
 * @param learningRate  Adam's step size η
 * @param beta1         Adam's β₁
 * @param beta2         Adam's β₂
 * @param epsilon       Adam's ε
 * @param clipNorm      the gradient is scaled down to this Euclidean norm where longer
 * @param maxEpochs     at most this many passes over the training data
 * @param patience      stop after this many epochs without a better validation accuracy
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentenceTrainingSettings(int embeddingSize, int hiddenSize, boolean bidirectional, long seed,
                                       int batchSize, double learningRate, double beta1, double beta2,
                                       double epsilon, double clipNorm, int maxEpochs, int patience) {

    /** @throws IllegalArgumentException naming the first setting out of range and its value */
    public SentenceTrainingSettings {
        if (embeddingSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("embedding and hidden size must be >= 1, got [" + embeddingSize + ", "
                    + hiddenSize + "]");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got [" + batchSize + "]");
        }
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs η > 0, 0 <= β₁, β₂ < 1 and ε > 0, got [" + learningRate
                    + ", " + beta1 + ", " + beta2 + ", " + epsilon + "]");
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("the clipping norm must be > 0, got [" + clipNorm + "]");
        }
        if (maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("max epochs and patience must be >= 1, got [" + maxEpochs + ", "
                    + patience + "]");
        }
    }

    /**
     * The bundled {@code sentiment} model's settings (src/docs/training.md): bidirectional,
     * E = H = 60 (the paper's classifier), seed 1, batches of 32, Adam η = 0.002, β = (0.9, 0.999),
     * ε = 1e−8, gradient norm clipped at 5, at most 40 epochs, patience 6.
     */
    public static SentenceTrainingSettings sentiment() {
        return new SentenceTrainingSettings(60, 60, true, 1, 32, 0.002, 0.9, 0.999, 1e-8, 5, 40, 6);
    }

    /** These settings with another seed. */
    public SentenceTrainingSettings withSeed(long newSeed) {
        return new SentenceTrainingSettings(embeddingSize, hiddenSize, bidirectional, newSeed, batchSize,
                learningRate, beta1, beta2, epsilon, clipNorm, maxEpochs, patience);
    }

    /** The settings in words, as recorded in a model's index. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s LSTM, E = %d, H = %d; softmax cross-entropy; mini-batch Adam"
                        + " (batch %d, lr %s, betas %s/%s, eps %s), length-bucketed batches, gradient norm clipped at %s;"
                        + " early stopping on validation accuracy (patience %d, at most %d epochs); seed %d",
                bidirectional ? "bidirectional" : "unidirectional", embeddingSize, hiddenSize, batchSize, learningRate,
                beta1, beta2, epsilon, clipNorm, patience, maxEpochs, seed);
    }
}
