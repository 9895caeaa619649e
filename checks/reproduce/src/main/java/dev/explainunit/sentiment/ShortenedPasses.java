package dev.explainunit.sentiment;

import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;

/**
 * Classifies a sentence with some words deleted (footnote 11: dropped, the rest joined) by
 * resuming the recorded pass of the whole sentence instead of starting over. Deleting the words
 * at positions p_1 &lt; ... &lt; p_k leaves the shortened input's first p_1 rows and last T − 1 − p_k
 * rows as they were, so {@link RecurrentNetwork#forwardResumed} resumes each direction where its
 * input first differs: a single layer's forward direction at p_1, its reverse direction after the
 * T − 1 − p_k unchanged last words (a deletion costs T' − p_1 + p_k − k + 1 steps instead of 2T').
 * One instance per thread: it holds the workspace (modified by every call).
 */
final class ShortenedPasses {

    private final RecurrentNetwork model;
    private final NetworkTrace original;
    private final NetworkTrace resumed;
    private double[] input = new double[0];
    private double[] shortened = new double[0];
    private int length;

    ShortenedPasses(RecurrentNetwork model) {
        this.model = model;
        this.original = model.newTrace();
        this.resumed = model.newTrace();
    }

    /** Records the pass of the whole sentence {@code embedded} that the following calls resume. */
    void start(Sequence embedded) {
        model.forward(embedded, original);
        length = embedded.length();
        int dim = embedded.dim();
        if (input.length < length * dim) {
            input = new double[length * dim];
            shortened = new double[length * dim];
        }
        embedded.copyTo(input);
    }

    /**
     * The class of the started sentence without the words at {@code positions} (sorted, distinct,
     * fewer than the sentence's words; not modified): the first of equal largest outputs.
     */
    int classify(int[] positions) {
        int dim = model.inputSize();
        int kept = 0;
        for (int t = 0, next = 0; t < length; t++) {
            if (next < positions.length && positions[next] == t) {
                next++;
            } else {
                System.arraycopy(input, t * dim, shortened, kept * dim, dim);
                kept++;
            }
        }
        int first = positions[0];
        int last = positions[positions.length - 1];
        model.forwardResumed(shortened, kept, original, first, length - 1 - last, resumed);
        int best = 0;
        for (int o = 1; o < model.outputSize(); o++) {
            if (resumed.output(o) > resumed.output(best)) {
                best = o;
            }
        }
        return best;
    }

    /** Output {@code c} of the last {@link #classify} call. */
    double output(int c) {
        return resumed.output(c);
    }
}
