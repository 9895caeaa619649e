package dev.explainunit.train.internal;

import org.apiguardian.api.API;

/**
 * Multinomial logistic regression on word counts, the bag-of-words baseline of a sentence
 * classifier: it sees which words occur and how often, not their order.
 *
 * <pre>
 *   ℓ_c = b_c + Σ_t W[c][w_t]         (W: C×V, the counts enter through the sum over tokens)
 *   L = (1/N) Σ_n −log softmax(ℓ_n)_{y_n},   ∂L/∂W[c][w] = (1/N) Σ_n (p_nc − [c = y_n]) · count_n(w)
 * </pre>
 *
 * Trained full-batch with {@link Adam} (η = {@value #LEARNING_RATE}) for at most
 * {@value #MAX_STEPS} steps from zero weights, keeping the step with the best validation accuracy
 * (checked every {@value #CHECK_EVERY} steps). Deterministic; single-threaded (a few seconds).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BagOfWords {

    static final double LEARNING_RATE = 0.05;
    static final int MAX_STEPS = 600;
    static final int CHECK_EVERY = 10;

    private final int vocabularySize;
    private final int classes;
    /** [W (C×V, row-major) | b (C)]. */
    private final double[] theta;

    private BagOfWords(int vocabularySize, int classes, double[] theta) {
        this.vocabularySize = vocabularySize;
        this.classes = classes;
        this.theta = theta;
    }

    /** The baseline trained on {@code train}, with the best validation accuracy on {@code validation}. */
    public static BagOfWords train(EncodedSentences train, EncodedSentences validation, int vocabularySize,
                                   int classes) {
        int size = classes * vocabularySize + classes;
        double[] theta = new double[size];
        double[] best = theta.clone();
        double[] gradient = new double[size];
        double[] logits = new double[classes];
        Adam adam = new Adam(size, LEARNING_RATE, 0.9, 0.999, 1e-8);
        BagOfWords model = new BagOfWords(vocabularySize, classes, theta);
        double bestAccuracy = -1;
        for (int step = 0; step <= MAX_STEPS; step++) {
            if (step % CHECK_EVERY == 0) {
                double accuracy = model.accuracy(validation);
                if (accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    System.arraycopy(theta, 0, best, 0, size);
                }
            }
            if (step == MAX_STEPS) {
                break;
            }
            java.util.Arrays.fill(gradient, 0.0);
            double weight = 1.0 / train.size();
            for (int n = 0; n < train.size(); n++) {
                int[] ids = train.ids()[n];
                model.logits(ids, logits);
                double max = logits[0];
                for (int c = 1; c < classes; c++) {
                    max = Math.max(max, logits[c]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    logits[c] = Math.exp(logits[c] - max);
                    sum += logits[c];
                }
                for (int c = 0; c < classes; c++) {
                    double dl = weight * (logits[c] / sum - (c == train.labels()[n] ? 1 : 0));
                    gradient[classes * vocabularySize + c] += dl;
                    for (int id : ids) {
                        gradient[c * vocabularySize + id] += dl;
                    }
                }
            }
            adam.step(theta, gradient);
        }
        return new BagOfWords(vocabularySize, classes, best);
    }

    private void logits(int[] ids, double[] out) {
        for (int c = 0; c < classes; c++) {
            double sum = theta[classes * vocabularySize + c];
            for (int id : ids) {
                sum += theta[c * vocabularySize + id];
            }
            out[c] = sum;
        }
    }

    /** The class with the largest logit for the token ids (the first of equal ones). */
    public int predict(int[] ids) {
        double[] out = new double[classes];
        logits(ids, out);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (out[c] > out[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Fraction of {@code data} classified correctly. */
    public double accuracy(EncodedSentences data) {
        int correct = 0;
        for (int n = 0; n < data.size(); n++) {
            if (predict(data.ids()[n]) == data.labels()[n]) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }
}
