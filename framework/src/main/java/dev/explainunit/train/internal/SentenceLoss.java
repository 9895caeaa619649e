package dev.explainunit.train.internal;

import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkBatch;
import dev.explainunit.model.ParameterGradient;
import dev.explainunit.model.RecurrentNetwork;
import org.apiguardian.api.API;

/**
 * Cross-entropy of sentences' fc logits under softmax, with the gradient with respect to θ (layout
 * of {@link SentenceParameters}), on the model's own passes: the sentence's embedding rows are the
 * network's input, {@link NetworkBatch} runs it forward (sentences of equal length side by side)
 * and back-propagates the loss through time through both directions, accumulating the recurrent
 * and output layers' gradients in a {@link ParameterGradient}; the gradient with respect to the
 * input, step by step, is the gradient of the embedding row the step read.
 *
 * <pre>
 *   u = [h_T forward ; h_T reverse]            (paper A.1; the reverse state after reading x_T..x_1)
 *   ℓ = fc.weight u + fc.bias,   p = softmax(ℓ),   L = −log p_y = log Σ_c e^{ℓ_c − m} − (ℓ_y − m),  m = max ℓ
 *   ∂L/∂ℓ = p − e_y           → NetworkBatch.backward (formulas on ParameterGradient)
 *   ∂L/∂embedding[w] = Σ over the steps t that read word w of ∂L/∂x_t
 * </pre>
 *
 * Sentences are processed in the order given, and every sum (loss, parameter gradients, embedding
 * rows) is taken in that order, so the result does not depend on how many of them ran side by side.
 * Workspace of one thread; reuses its buffers once it has held the longest sentence.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SentenceLoss {

    /** Equal-length sentences run side by side per pass. */
    static final int LANES = 8;

    private final SentenceParameters layout;
    private final int classes;
    private final int width;
    private final Sequence[] inputs = new Sequence[LANES];
    private final int[][] laneIds = new int[LANES][];
    private final int[] laneLabels = new int[LANES];
    private final double[][] outputGradients;
    private final double[][] inputGradients = new double[LANES][0];
    private final double[] exponentials;
    private NetworkBatch batch;
    private ParameterGradient parameters;

    public SentenceLoss(SentenceParameters layout) {
        this.layout = layout;
        this.classes = layout.classes();
        this.width = layout.embeddingSize();
        this.outputGradients = new double[LANES][classes];
        this.exponentials = new double[classes];
    }

    /** Runs on {@code network} from now on (made by {@link SentenceParameters#toNetwork} of the θ the calls get). */
    private void use(RecurrentNetwork network) {
        if (batch == null || batch.model() != network) {
            batch = new NetworkBatch(network, LANES);
        }
        if (parameters == null) {
            parameters = new ParameterGradient(network);
        }
    }

    /** The embedded sentence: row t is θ's embedding row of word ids[t]. */
    private Sequence embed(double[] theta, int[] ids) {
        double[][] steps = new double[ids.length][width];
        for (int t = 0; t < ids.length; t++) {
            System.arraycopy(theta, layout.embeddingOffset() + ids[t] * width, steps[t], 0, width);
        }
        return Sequence.of(steps);
    }

    /**
     * How many consecutive sentences from {@code order[from]} (or from {@code from} when
     * {@code order} is null) up to {@code to} have its length, at most {@link #LANES}; sets them as
     * the lanes' inputs.
     */
    private int lanes(double[] theta, int[][] ids, int[] labels, int[] order, int from, int to) {
        int length = ids[index(order, from)].length;
        int count = 0;
        while (count < LANES && from + count < to && ids[index(order, from + count)].length == length) {
            int n = index(order, from + count);
            laneIds[count] = ids[n];
            laneLabels[count] = labels[n];
            inputs[count] = embed(theta, ids[n]);
            count++;
        }
        return count;
    }

    private static int index(int[] order, int k) {
        return order == null ? k : order[k];
    }

    /** Sets the parameter gradient accumulated by {@link #add} to zero. */
    public void clear() {
        if (parameters != null) {
            parameters.clear();
        }
    }

    /**
     * Adds {@code weight} · ∂L_n/∂θ of sentences {@code order[from .. to)} of {@code ids} and
     * {@code labels}: the embedding rows' part to {@code gradient} (modified), everything else to
     * the parameter gradient accumulated since {@link #clear()} (written out by
     * {@link #writeParameterGradient}); returns Σ_n L_n.
     *
     * @param network θ's network, {@link SentenceParameters#toNetwork}
     */
    public double add(RecurrentNetwork network, double[] theta, int[][] ids, int[] labels, int[] order, int from,
                      int to, double weight, double[] gradient) {
        use(network);
        double loss = 0;
        int k = from;
        while (k < to) {
            int count = lanes(theta, ids, labels, order, k, to);
            batch.forward(inputs, 0, count);
            int length = laneIds[0].length;
            for (int b = 0; b < count; b++) {
                loss += softmaxGradient(batch.trace(b).outputs(), laneLabels[b], weight, outputGradients[b]);
                if (inputGradients[b].length < length * width) {
                    inputGradients[b] = new double[length * width];
                }
            }
            batch.backward(outputGradients, inputGradients, parameters);
            for (int b = 0; b < count; b++) {
                int[] words = laneIds[b];
                double[] dx = inputGradients[b];
                for (int t = 0; t < words.length; t++) {
                    int row = layout.embeddingOffset() + words[t] * width;
                    int at = t * width;
                    for (int e = 0; e < width; e++) {
                        gradient[row + e] += dx[at + e];
                    }
                }
            }
            k += count;
        }
        return loss;
    }

    /**
     * L = −log p_label of the logits ℓ, writing weight · (p − e_label) to {@code out}: the
     * exponentials e^{ℓ_c − max ℓ} summed in class order.
     */
    private double softmaxGradient(double[] logits, int label, double weight, double[] out) {
        double max = logits[0];
        for (int c = 1; c < classes; c++) {
            max = Math.max(max, logits[c]);
        }
        double labelLogit = logits[label] - max;
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            exponentials[c] = Math.exp(logits[c] - max);
            sum += exponentials[c];
        }
        for (int c = 0; c < classes; c++) {
            out[c] = weight * (exponentials[c] / sum - (c == label ? 1 : 0));
        }
        return Math.log(sum) - labelLogit;
    }

    /** Writes the parameter gradient accumulated by {@link #add} (all but the embedding) to {@code gradient}. */
    public void writeParameterGradient(double[] gradient) {
        layout.gradient(parameters, gradient);
    }

    /** How many of sentences {@code from .. to − 1} of {@code ids} the model θ classifies as labelled. */
    public int correct(RecurrentNetwork network, double[] theta, int[][] ids, int[] labels, int from, int to) {
        use(network);
        int correct = 0;
        int k = from;
        while (k < to) {
            int count = lanes(theta, ids, labels, null, k, to);
            batch.forward(inputs, 0, count);
            for (int b = 0; b < count; b++) {
                if (predicted(batch.trace(b).outputs()) == laneLabels[b]) {
                    correct++;
                }
            }
            k += count;
        }
        return correct;
    }

    /** The class with the largest logit (the first of equal ones). */
    private int predicted(double[] logits) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }

    /** L = −log p_label of one sentence, without gradient (for tests). */
    public double loss(RecurrentNetwork network, double[] theta, int[] ids, int label) {
        use(network);
        inputs[0] = embed(theta, ids);
        batch.forward(inputs, 0, 1);
        return softmaxGradient(batch.trace(0).outputs(), label, 0, outputGradients[0]);
    }
}
