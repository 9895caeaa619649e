package dev.explainunit.train.internal;

import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.ParameterGradient;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.model.Vocabulary;
import java.util.Random;
import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * The trainable parameters of a sentence classifier (embedding, one- or two-direction LSTM, fc) as
 * one flat vector θ, each tensor row-major in PyTorch's layout and order:
 *
 * <pre>
 *   θ = [ embedding.weight V×E | per direction: weight_ih 4H×E, weight_hh 4H×H, bias_ih 4H, bias_hh 4H
 *         | fc.weight C×F | fc.bias C ]          F = H (unidirectional) or 2H (bidirectional)
 * </pre>
 *
 * Both LSTM bias vectors are trained, as PyTorch does; they receive the same gradient.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SentenceParameters {

    private final int vocabularySize;
    private final int embeddingSize;
    private final int hiddenSize;
    private final int directions;
    private final int classes;

    public SentenceParameters(int vocabularySize, int embeddingSize, int hiddenSize, boolean bidirectional,
                              int classes) {
        if (vocabularySize < 1 || embeddingSize < 1 || hiddenSize < 1 || classes < 2) {
            throw new IllegalArgumentException("a sentence classifier needs V, E, H >= 1 and C >= 2, got V="
                    + vocabularySize + ", E=" + embeddingSize + ", H=" + hiddenSize + ", C=" + classes);
        }
        this.vocabularySize = vocabularySize;
        this.embeddingSize = embeddingSize;
        this.hiddenSize = hiddenSize;
        this.directions = bidirectional ? 2 : 1;
        this.classes = classes;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    public int embeddingSize() {
        return embeddingSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public boolean bidirectional() {
        return directions == 2;
    }

    public int directions() {
        return directions;
    }

    public int classes() {
        return classes;
    }

    /** F, the width of the features the fc layer reads. */
    public int features() {
        return directions * hiddenSize;
    }

    /** Parameters of one direction: 4H(E + H + 2). */
    public int directionSize() {
        return 4 * hiddenSize * (embeddingSize + hiddenSize + 2);
    }

    /** |θ|. */
    public int count() {
        return fcBiasOffset() + classes;
    }

    /** Offset of embedding.weight (0). */
    public int embeddingOffset() {
        return 0;
    }

    /** Offset of weight_ih of direction d (0 forward, 1 reverse). */
    public int weightIhOffset(int d) {
        return vocabularySize * embeddingSize + d * directionSize();
    }

    public int weightHhOffset(int d) {
        return weightIhOffset(d) + 4 * hiddenSize * embeddingSize;
    }

    public int biasIhOffset(int d) {
        return weightHhOffset(d) + 4 * hiddenSize * hiddenSize;
    }

    public int biasHhOffset(int d) {
        return biasIhOffset(d) + 4 * hiddenSize;
    }

    public int fcWeightOffset() {
        return weightIhOffset(directions);
    }

    public int fcBiasOffset() {
        return fcWeightOffset() + classes * features();
    }

    /**
     * PyTorch's initialisation: embedding N(0, 1) ({@code nn.Embedding}); every LSTM weight and
     * bias U(−1/√H, 1/√H) ({@code nn.LSTM}); fc weight and bias U(−1/√F, 1/√F) ({@code nn.Linear},
     * F its input width). Draws from {@code new Random(seed)} in θ order: {@link Random}'s
     * sequence and Gaussian are specified exactly, so the same seed gives the same θ on every JVM.
     */
    public double[] initial(long seed) {
        Random random = new Random(seed);
        double[] theta = new double[count()];
        for (int k = 0; k < weightIhOffset(0); k++) {
            theta[k] = random.nextGaussian();
        }
        double lstmBound = 1 / Math.sqrt(hiddenSize);
        for (int k = weightIhOffset(0); k < fcWeightOffset(); k++) {
            theta[k] = lstmBound * (2 * random.nextDouble() - 1);
        }
        double fcBound = 1 / Math.sqrt(features());
        for (int k = fcWeightOffset(); k < theta.length; k++) {
            theta[k] = fcBound * (2 * random.nextDouble() - 1);
        }
        return theta;
    }

    /** The model θ describes. */
    public SentenceModel toModel(double[] theta, Vocabulary vocabulary) {
        requireLength(theta);
        DMatrixRMaj embedding = matrix(theta, embeddingOffset(), vocabularySize, embeddingSize);
        return new SentenceModel(embedding, toNetwork(theta), vocabulary);
    }

    /** The recurrent network and output layer θ describes (the embedding not included). */
    public RecurrentNetwork toNetwork(double[] theta) {
        requireLength(theta);
        DirectionWeights forward = direction(theta, 0);
        DirectionWeights reverse = directions == 2 ? direction(theta, 1) : null;
        return RecurrentNetwork.singleLayer(forward, reverse, matrix(theta, fcWeightOffset(), classes, features()),
                matrix(theta, fcBiasOffset(), classes, 1));
    }

    /**
     * Writes the gradient of every parameter after the embedding, from {@code source} (of a model
     * made by {@link #toNetwork}), to {@code gradient} (modified from {@link #weightIhOffset(int)
     * weightIhOffset(0)} on; the embedding rows are left alone).
     */
    public void gradient(ParameterGradient source, double[] gradient) {
        for (int d = 0; d < directions; d++) {
            boolean reversed = d == 1;
            copy(source.weightIh(0, reversed), gradient, weightIhOffset(d));
            copy(source.weightHh(0, reversed), gradient, weightHhOffset(d));
            copy(source.biasIh(0, reversed), gradient, biasIhOffset(d));
            copy(source.biasHh(0, reversed), gradient, biasHhOffset(d));
        }
        copy(source.fcWeight(), gradient, fcWeightOffset());
        copy(source.fcBias(), gradient, fcBiasOffset());
    }

    private static void copy(double[] from, double[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
    }

    private DirectionWeights direction(double[] theta, int d) {
        int rows = 4 * hiddenSize;
        return DirectionWeights.lstm(matrix(theta, weightIhOffset(d), rows, embeddingSize),
                matrix(theta, weightHhOffset(d), rows, hiddenSize), matrix(theta, biasIhOffset(d), rows, 1),
                matrix(theta, biasHhOffset(d), rows, 1));
    }

    private static DMatrixRMaj matrix(double[] theta, int offset, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(theta, offset, m.data, 0, rows * cols);
        return m;
    }

    /**
     * θ of {@code model}.
     *
     * @throws IllegalArgumentException if the model does not have this layout's shape
     */
    public double[] fromModel(SentenceModel model) {
        RecurrentNetwork lstm = model.lstm();
        if (model.vocabulary().size() != vocabularySize || model.embeddingSize() != embeddingSize
                || lstm.hiddenSize() != hiddenSize || lstm.isBidirectional() != bidirectional()
                || lstm.outputSize() != classes) {
            throw new IllegalArgumentException("the model is V=" + model.vocabulary().size() + ", E="
                    + model.embeddingSize() + ", H=" + lstm.hiddenSize() + ", bidirectional=" + lstm.isBidirectional()
                    + ", C=" + lstm.outputSize() + "; expected V=" + vocabularySize + ", E=" + embeddingSize + ", H="
                    + hiddenSize + ", bidirectional=" + bidirectional() + ", C=" + classes);
        }
        double[] theta = new double[count()];
        System.arraycopy(model.embeddingWeight().data, 0, theta, 0, vocabularySize * embeddingSize);
        for (int d = 0; d < directions; d++) {
            DirectionWeights w = d == 0 ? lstm.layer(0).forward() : lstm.layer(0).reverse();
            System.arraycopy(w.weightIh().data, 0, theta, weightIhOffset(d), 4 * hiddenSize * embeddingSize);
            System.arraycopy(w.weightHh().data, 0, theta, weightHhOffset(d), 4 * hiddenSize * hiddenSize);
            System.arraycopy(w.biasIh().data, 0, theta, biasIhOffset(d), 4 * hiddenSize);
            System.arraycopy(w.biasHh().data, 0, theta, biasHhOffset(d), 4 * hiddenSize);
        }
        System.arraycopy(lstm.fcWeight().data, 0, theta, fcWeightOffset(), classes * features());
        for (int c = 0; c < classes; c++) {
            theta[fcBiasOffset() + c] = lstm.fcBias(c);
        }
        return theta;
    }

    private void requireLength(double[] theta) {
        if (theta.length != count()) {
            throw new IllegalArgumentException("expected " + count() + " parameters, got " + theta.length);
        }
    }
}
