package dev.explainunit.train;

import dev.explainunit.model.Vocabulary;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.train.internal.Adam;
import dev.explainunit.train.internal.ChunkedGradient;
import dev.explainunit.train.internal.EncodedSentences;
import dev.explainunit.train.internal.LengthBuckets;
import dev.explainunit.train.internal.SentenceParameters;
import dev.explainunit.zoo.SentenceTrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * Trains a sentence classifier (embedding, uni- or bidirectional LSTM, fc; paper section 4, Li et
 * al. 2016) on labelled sentences: softmax cross-entropy on the fc outputs, gradients by
 * back-propagation through time through both directions into the embedding, mini-batch Adam on
 * length-bucketed batches with the gradient's norm clipped, early stopping on validation accuracy.
 *
 * <pre>
 *   per batch B:   g = (1/|B|) Σ_{n∈B} ∂L_n/∂θ,   g ← g · min(1, clip / ‖g‖₂),   θ ← Adam(θ, g)
 *   per epoch:     validation accuracy; keep θ of the best epoch; stop after {@code patience} epochs
 *                  without improvement or at {@code maxEpochs}
 * </pre>
 *
 * Initialisation as PyTorch's modules (see {@code SentenceParameters.initial}). The result is a
 * function of the data, the vocabulary and the settings alone: the same bits on any number of
 * threads (see {@code ChunkedGradient}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentenceTrainer {

    private final SentenceTrainingSettings settings;

    public SentenceTrainer(SentenceTrainingSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        this.settings = settings;
    }

    public SentenceTrainingSettings settings() {
        return settings;
    }

    /**
     * Trains on {@code train}, stopping early on {@code validation}, with {@code threads} threads.
     *
     * @param classes number of classes C; labels must be in [0, C)
     * @throws IllegalArgumentException naming a sentence without label or with a label out of range
     * @throws InterruptedException     if the calling thread is interrupted
     */
    public SentenceTrainingResult train(List<SentenceRecord> train, List<SentenceRecord> validation,
                                        Vocabulary vocabulary, int classes, int threads,
                                        EpochProgress.Listener listener) throws InterruptedException {
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("training needs training and validation sentences, got ["
                    + train.size() + ", " + validation.size() + "]");
        }
        long started = System.nanoTime();
        SentenceParameters layout = new SentenceParameters(vocabulary.size(), settings.embeddingSize(),
                settings.hiddenSize(), settings.bidirectional(), classes);
        EncodedSentences trainData = EncodedSentences.of(train, vocabulary, classes);
        EncodedSentences validationData = EncodedSentences.of(validation, vocabulary, classes);
        double[] theta = layout.initial(settings.seed());
        double[] best = theta.clone();
        double[] gradient = new double[theta.length];
        Adam adam = new Adam(theta.length, settings.learningRate(), settings.beta1(), settings.beta2(),
                settings.epsilon());
        // the batch order has its own stream, so a change of the initialisation leaves it alone
        Random batchOrder = new Random(settings.seed() * 0x9E3779B97F4A7C15L + 1);
        List<EpochProgress> epochs = new ArrayList<>();
        int bestEpoch = 0;
        double bestAccuracy = -1;
        try (ChunkedGradient gradients = new ChunkedGradient(layout, threads)) {
            for (int epoch = 1; epoch <= settings.maxEpochs() && epoch - bestEpoch <= settings.patience(); epoch++) {
                LengthBuckets batches = LengthBuckets.plan(trainData, settings.batchSize(), batchOrder);
                double lossSum = 0;
                for (int b = 0; b < batches.batches(); b++) {
                    lossSum += gradients.meanGradient(theta, trainData, batches.order(), batches.starts()[b],
                            batches.starts()[b + 1], gradient);
                    clip(gradient, settings.clipNorm());
                    adam.step(theta, gradient);
                }
                double accuracy = (double) gradients.correct(theta, validationData) / validationData.size();
                EpochProgress progress = new EpochProgress(epoch, lossSum / trainData.size(), accuracy,
                        (System.nanoTime() - started) / 1e9);
                epochs.add(progress);
                listener.epochFinished(progress);
                if (accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    bestEpoch = epoch;
                    System.arraycopy(theta, 0, best, 0, theta.length);
                }
            }
        }
        return new SentenceTrainingResult(layout.toModel(best, vocabulary), settings, bestEpoch, bestAccuracy, epochs,
                (System.nanoTime() - started) / 1e9, threads);
    }

    /** g ← g · clip / ‖g‖₂ where ‖g‖₂ &gt; clip; the norm summed in index order. */
    static void clip(double[] gradient, double clipNorm) {
        double squares = 0;
        for (double g : gradient) {
            squares += g * g;
        }
        double norm = Math.sqrt(squares);
        if (norm > clipNorm) {
            double scale = clipNorm / norm;
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] *= scale;
            }
        }
    }
}
