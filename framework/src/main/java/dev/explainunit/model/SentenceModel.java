package dev.explainunit.model;

import dev.explainunit.Sequence;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * A sentence classifier: an embedding (V x E, a row per token of the {@link Vocabulary}) in front
 * of a {@link RecurrentNetwork} with input size E. Explainers get the embedded sentence ({@link #embed}, a
 * T x E {@link Sequence}) and {@link #lstm()}, so every explainer applies unchanged: a word's
 * relevance is its step's, occluding a word zeroes its embedding, deleting a word drops its step.
 *
 * <p>Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentenceModel {

    private final double[] embedding;
    private final int embeddingSize;
    private final RecurrentNetwork lstm;
    private final Vocabulary vocabulary;

    /**
     * @param embedding  V x E, row i the embedding of token i (copied)
     * @param lstm       the LSTM and output layer, input size E
     * @param vocabulary V tokens
     * @throws IllegalArgumentException if the vocabulary size differs from V, E from the LSTM's
     *                                  input size, or an embedding value is not finite
     */
    public SentenceModel(DMatrixRMaj embedding, RecurrentNetwork lstm, Vocabulary vocabulary) {
        if (embedding.numRows != vocabulary.size()) {
            throw new IllegalArgumentException("the embedding has " + embedding.numRows + " rows but the vocabulary "
                    + vocabulary.size() + " tokens; a row per token");
        }
        if (embedding.numCols != lstm.inputSize()) {
            throw new IllegalArgumentException("the embedding width E = " + embedding.numCols
                    + " differs from the LSTM's input size D = " + lstm.inputSize());
        }
        for (int k = 0; k < embedding.getNumElements(); k++) {
            if (!Double.isFinite(embedding.data[k])) {
                throw new IllegalArgumentException("embedding value [" + k / embedding.numCols + "]["
                        + k % embedding.numCols + "] is not finite: " + embedding.data[k]);
            }
        }
        this.embedding = Arrays.copyOf(embedding.data, embedding.getNumElements());
        this.embeddingSize = embedding.numCols;
        this.lstm = lstm;
        this.vocabulary = vocabulary;
    }

    /**
     * The embedded sentence: step t is the embedding row of {@code tokens.get(t)}, mapped by
     * {@link Vocabulary#id}.
     *
     * @throws IllegalArgumentException if there are no tokens
     * @throws UnknownWordException     if a word is unknown and the vocabulary has no {@value Vocabulary#UNKNOWN}
     */
    public Sequence embed(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("an empty sentence has nothing to embed");
        }
        double[][] steps = new double[tokens.size()][];
        for (int t = 0; t < steps.length; t++) {
            int id = vocabulary.id(tokens.get(t));
            steps[t] = Arrays.copyOfRange(embedding, id * embeddingSize, (id + 1) * embeddingSize);
        }
        return Sequence.of(steps);
    }

    /** The model's outputs (the fc layer's, one per class) for the sentence; see {@link #embed}. */
    public double[] predict(List<String> tokens) {
        return lstm.predict(embed(tokens));
    }

    /** The class with the largest output for the sentence (the first of equal ones). */
    public int predictClass(List<String> tokens) {
        double[] out = predict(tokens);
        int best = 0;
        for (int c = 1; c < out.length; c++) {
            if (out[c] > out[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Embedding value {@code e} of token {@code id}. */
    public double embedding(int id, int e) {
        if (id < 0 || id >= vocabulary.size() || e < 0 || e >= embeddingSize) {
            throw new IndexOutOfBoundsException("[" + id + "][" + e + "] outside " + vocabulary.size() + " x "
                    + embeddingSize);
        }
        return embedding[id * embeddingSize + e];
    }

    /** A copy of the embedding, V x E. */
    public DMatrixRMaj embeddingWeight() {
        return new DMatrixRMaj(vocabulary.size(), embeddingSize, true, embedding);
    }

    /** The embedding width E, the LSTM's input size. */
    public int embeddingSize() {
        return embeddingSize;
    }

    /** The LSTM and output layer that explainers get with {@link #embed}'s sequence. */
    public RecurrentNetwork lstm() {
        return lstm;
    }

    /** The vocabulary, a token per embedding row. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Number of classes C. */
    public int classes() {
        return lstm.outputSize();
    }
}
