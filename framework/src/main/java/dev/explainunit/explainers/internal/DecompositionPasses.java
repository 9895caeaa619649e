package dev.explainunit.explainers.internal;

import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import org.apiguardian.api.API;

/**
 * Contextual decomposition of a stacked, uni- or bidirectional LSTM, word by word: layer 0's
 * directions are decomposed for the word ({@link LstmDecomposition}), each layer above splits the
 * layer below's β and γ outputs, and the word's relevance is w_c · [forward β_T ; reverse β_T] of the
 * last layer (the output bias excluded; paper appendix A.3). A single-layer single-unit model runs
 * {@link SingleUnitLstmDecomposition}. CD is not defined for a GRU (Murdoch et al. decompose the
 * LSTM's gates): {@link #supports}. One thread; grows, never shrinks.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DecompositionPasses {

    private final LstmDecomposition forward = new LstmDecomposition();
    private final LstmDecomposition reverse = new LstmDecomposition();
    private final SingleUnitLstmDecomposition singleUnit = new SingleUnitLstmDecomposition();
    private double[] input = new double[0];
    private double[] reverseScores = new double[0];
    private double[] relevantRows = new double[0];
    private double[] irrelevantRows = new double[0];
    private double[][] forwardParts = new double[0][];
    private double[][] reverseParts = new double[0][];

    /** Whether CD applies to {@code model}: it is defined for LSTMs only. */
    public static boolean supports(RecurrentNetwork model) {
        return model.cellKind() == CellKind.LSTM;
    }

    /** Why CD does not apply to {@code model}, for {@link #supports} false. */
    public static String unsupportedReason(RecurrentNetwork model) {
        return "contextual decomposition is defined for LSTMs (Murdoch et al. 2018 decompose the LSTM's gates and"
                + " cell), the model is a " + model.cellKind();
    }

    /** The relevance of every input row of the pass recorded in {@code trace} for output {@code target}, to {@code scores}. */
    public void explain(RecurrentNetwork n, NetworkTrace trace, int target, double[] scores) {
        int length = trace.length();
        int hidden = n.hiddenSize();
        input = RelevanceLane.grow(input, length * n.inputSize());
        trace.copyLayerInput(0, input);
        if (n.layerCount() == 1 && hidden == 1) {
            reverseScores = RelevanceLane.grow(reverseScores, length);
            singleUnit.scores(n.layer(0).forward(), trace.forward(0), input, false, n.fcWeight(target, 0), scores);
            if (n.isBidirectional()) {
                singleUnit.scores(n.layer(0).reverse(), trace.reverse(0), input, true, n.fcWeight(target, 1),
                        reverseScores);
                for (int k = 0; k < length; k++) {
                    scores[k] += reverseScores[length - 1 - k];
                }
            }
            return;
        }
        forwardParts = inputParts(n.layer(0).forward(), input, length, forwardParts);
        if (n.isBidirectional()) {
            reverseParts = inputParts(n.layer(0).reverse(), input, length, reverseParts);
        }
        int last = length * hidden;
        for (int word = 0; word < length; word++) {
            decompose(n, trace, word, n.layerCount());
            double score = 0;
            for (int k = 0; k < hidden; k++) {
                score += n.fcWeight(target, k) * forward.relevantH[last + k];
            }
            if (n.isBidirectional()) {
                double reverseScore = 0;
                for (int k = 0; k < hidden; k++) {
                    reverseScore += n.fcWeight(target, hidden + k) * reverse.relevantH[last + k];
                }
                score += reverseScore;
            }
            scores[word] = score;
        }
    }

    /**
     * Decomposes layers 0 .. {@code layers} − 1 for {@code word}; the last one's β and γ stay in
     * {@link #forward} and {@link #reverse}.
     */
    private void decompose(RecurrentNetwork n, NetworkTrace trace, int word, int layers) {
        int length = trace.length();
        for (int k = 0; k < layers; k++) {
            if (k > 0) {
                layerOutput(n, length);
            }
            boolean above = k > 0;
            forward.decompose(n.layer(k).forward(), trace.forward(k), above ? null : forwardParts, relevantRows,
                    irrelevantRows, word, false);
            if (n.isBidirectional()) {
                reverse.decompose(n.layer(k).reverse(), trace.reverse(k), above ? null : reverseParts,
                        relevantRows, irrelevantRows, word, true);
            }
        }
    }

    /** The β and γ output rows of the layer just decomposed, [forward ; reverse] per row, as the next layer's input. */
    private void layerOutput(RecurrentNetwork n, int length) {
        int hidden = n.hiddenSize();
        int features = n.features();
        relevantRows = RelevanceLane.grow(relevantRows, length * features);
        irrelevantRows = RelevanceLane.grow(irrelevantRows, length * features);
        for (int t = 0; t < length; t++) {
            System.arraycopy(forward.relevantH, (t + 1) * hidden, relevantRows, t * features, hidden);
            System.arraycopy(forward.irrelevantH, (t + 1) * hidden, irrelevantRows, t * features, hidden);
            if (n.isBidirectional()) {
                int s = length - 1 - t;
                System.arraycopy(reverse.relevantH, (s + 1) * hidden, relevantRows, t * features + hidden, hidden);
                System.arraycopy(reverse.irrelevantH, (s + 1) * hidden, irrelevantRows, t * features + hidden,
                        hidden);
            }
        }
    }

    /**
     * W_ih x_t of every row t (the i, f, g rows; the o gate is taken from the recorded pass), the same
     * whichever word is relevant, so summed once per sentence ({@code buffer} if large enough).
     */
    private static double[][] inputParts(DirectionWeights w, double[] x, int length, double[][] buffer) {
        int rows = DirectionWeights.GATE_O * w.hiddenSize();
        double[][] parts = buffer.length >= length && (length == 0 || buffer[0].length >= rows)
                ? buffer : new double[Math.max(length, 2 * buffer.length)][rows];
        for (int t = 0; t < length; t++) {
            w.inputProduct(rows, x, t * w.inputSize(), parts[t]);
        }
        return parts;
    }

    /**
     * β and γ of h of one direction of one layer after every step, for word {@code word} ([0] β,
     * [1] γ, [step][unit]; rows before the step reading the word in layer 0 are β = 0, γ = h): for
     * tests of the decomposition identity β + γ = h.
     */
    public double[][][] decomposition(RecurrentNetwork n, NetworkTrace trace, int word, int layer,
                                      boolean reverseDirection) {
        int length = trace.length();
        int hidden = n.hiddenSize();
        input = RelevanceLane.grow(input, length * n.inputSize());
        trace.copyLayerInput(0, input);
        forwardParts = inputParts(n.layer(0).forward(), input, length, forwardParts);
        if (n.isBidirectional()) {
            reverseParts = inputParts(n.layer(0).reverse(), input, length, reverseParts);
        }
        decompose(n, trace, word, layer + 1);
        LstmDecomposition d = reverseDirection ? reverse : forward;
        int start = layer == 0 ? (reverseDirection ? length - 1 - word : word) : 0;
        var tr = reverseDirection ? trace.reverse(layer) : trace.forward(layer);
        double[][][] parts = new double[2][length][hidden];
        for (int s = 0; s < length; s++) {
            for (int k = 0; k < hidden; k++) {
                boolean computed = s >= start;
                parts[0][s][k] = computed ? d.relevantH[(s + 1) * hidden + k] : 0;
                parts[1][s][k] = computed ? d.irrelevantH[(s + 1) * hidden + k] : tr.h(s, k);
            }
        }
        return parts;
    }
}
