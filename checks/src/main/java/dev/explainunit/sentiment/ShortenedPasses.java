package dev.explainunit.sentiment;

import dev.explainunit.Sequence;
import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.Activations;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkTrace;

/**
 * Classifies a sentence with some words deleted (footnote 11: dropped, the rest joined) by
 * resuming the recorded pass of the whole sentence instead of starting over. Deleting the words
 * at positions p_1 &lt; ... &lt; p_k leaves the forward direction's states before p_1 and the
 * reverse direction's states after p_k as they were:
 * <pre>
 *   forward:  h'_s = h_s for s &lt; p_1;   resume at s = p_1 from h_{p_1 − 1}, over x'_{p_1 .. T'−1}
 *   reverse:  its first T − 1 − p_k steps read x_{T−1} .. x_{p_k + 1}, unchanged; resume after them
 *   f'_c = b_c + Σ_k W_{c,k} h'^fwd_{T'−1,k} + Σ_k W_{c,H+k} h'^rev_{T'−1,k}
 * </pre>
 * The steps are {@link LstmCell#forwardSteps} of the same cell as {@link RecurrentNetwork#forward}, and the
 * output sums run in the same order, so the class is the one {@link
 * dev.explainunit.sentence.SentenceModel#predictClass} gives the shortened sentence, bit for bit;
 * a deletion costs T' − p_1 + p_k − k + 1 steps instead of 2T'. One instance per thread: it holds
 * the workspace (modified by every call).
 */
final class ShortenedPasses {

    private final RecurrentNetwork lstm;
    private final NetworkTrace original;
    private double[] input = new double[0];
    private double[] shortened = new double[0];
    private double[] h = new double[0];
    private double[] c = new double[0];
    private double[] gate = new double[0];
    private double[] tanhC = new double[0];
    private final double[] forwardLast;
    private final double[] reverseLast;
    private final double[] outputs;
    private int length;

    ShortenedPasses(RecurrentNetwork lstm) {
        this.lstm = lstm;
        this.original = lstm.newTrace();
        this.outputs = new double[lstm.outputSize()];
        this.forwardLast = new double[lstm.hiddenSize()];
        this.reverseLast = new double[lstm.hiddenSize()];
    }

    /** Records the pass of the whole sentence {@code embedded} that the following calls resume. */
    void start(Sequence embedded) {
        lstm.forward(embedded, original);
        length = embedded.length();
        int dim = embedded.dim();
        if (input.length < length * dim) {
            input = new double[length * dim];
            shortened = new double[length * dim];
        }
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < dim; d++) {
                input[t * dim + d] = embedded.get(t, d);
            }
        }
    }

    /**
     * The class of the started sentence without the words at {@code positions} (sorted, distinct,
     * fewer than the sentence's words; not modified): the first of equal largest outputs.
     */
    int classify(int[] positions) {
        int dim = lstm.inputSize();
        int hidden = lstm.hiddenSize();
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
        resume(lstm.layer(0).forward(), original.forward(), first, kept, false, forwardLast);
        boolean bidirectional = lstm.isBidirectional();
        if (bidirectional) {
            resume(lstm.layer(0).reverse(), original.reverse(), length - 1 - last, kept, true, reverseLast);
        }
        int best = 0;
        for (int o = 0; o < outputs.length; o++) {
            double sum = lstm.fcBias(o);
            for (int k = 0; k < hidden; k++) {
                sum += lstm.fcWeight(o, k) * forwardLast[k];
            }
            if (bidirectional) {
                for (int k = 0; k < hidden; k++) {
                    sum += lstm.fcWeight(o, hidden + k) * reverseLast[k];
                }
            }
            outputs[o] = sum;
            if (sum > outputs[best]) {
                best = o;
            }
        }
        return best;
    }

    /** Output {@code c} of the last {@link #classify} call. */
    double output(int c) {
        return outputs[c];
    }

    /**
     * Runs direction {@code w} over the shortened input ({@code kept} words) from its step
     * {@code from}, starting from the recorded state after step {@code from − 1}, and writes its
     * last hidden state into {@code last} (modified).
     */
    private void resume(DirectionWeights w, DirectionTrace recorded, int from, int kept, boolean reversed,
                        double[] last) {
        int hidden = w.hiddenSize();
        int dim = w.inputSize();
        int count = kept - from;
        ensure(count, hidden);
        for (int k = 0; k < hidden; k++) {
            h[k] = recorded.h(from - 1, k);
            c[k] = recorded.c(from - 1, k);
        }
        int at = reversed ? (kept - 1 - from) * dim : from * dim;
        LstmCell.forwardSteps(w, count, shortened, at, reversed ? -dim : dim, h, c, 0, hidden, null, gate, 0, tanhC, 0);
        System.arraycopy(h, count * hidden, last, 0, hidden);
    }

    private void ensure(int steps, int hidden) {
        if (h.length < (steps + 1) * hidden) {
            h = new double[(steps + 1) * hidden];
            c = new double[(steps + 1) * hidden];
            gate = new double[steps * 4 * hidden];
            tanhC = new double[steps * hidden];
        }
    }
}
