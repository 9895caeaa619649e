package dev.explainunit.model.internal;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The network's passes composed over layers and directions, for a group of inputs of one length side
 * by side, each recorded in its {@link NetworkRecord}: the one piece of code that knows how layers
 * stack. Layer 0 reads the input, layer k &gt; 0 the output sequence of layer k − 1 (row t =
 * [forward h_t ; reverse h_t]); the output layer reads the last layer's final state. Backwards, what
 * reaches row t of a layer's input is handed to the layer below: its first H values to the forward
 * direction's step t, its last H to the reverse direction's step T − 1 − t.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NetworkPasses {

    /** Buffers of one thread's passes over groups of lanes. */
    private final DirectionPasses.Scratch scratch = new DirectionPasses.Scratch();
    private double[][] inputs = new double[0][];
    private DirectionRecord[] directions = new DirectionRecord[0];
    private double[][] gradients = new double[0][];

    private void ensure(int lanes) {
        if (inputs.length < lanes) {
            inputs = new double[lanes][];
            directions = new DirectionRecord[lanes];
            gradients = new double[lanes][];
        }
    }

    /**
     * Runs {@code n} over the inputs set in {@code records[0 .. lanes)} (one length) from the zero
     * state. {@code known} (may be null, or hold nulls) keeps the input projections of layer 0's
     * forward and reverse direction (index 0 and 1) for input rows seen before.
     */
    public void forward(NetworkWeights n, NetworkRecord[] records, int lanes, InputProjections[] known) {
        for (int b = 0; b < lanes; b++) {
            NetworkRecord record = records[b];
            for (int k = 0; k < n.layers; k++) {
                start(record.forward[k], record.length);
                if (n.bidirectional) {
                    start(record.reverse[k], record.length);
                }
            }
        }
        run(n, records, lanes, known);
    }

    private static void start(DirectionRecord record, int length) {
        record.ensureCapacity(length);
        record.zeroInitialState();
    }

    /**
     * Runs {@code n} over the inputs set in {@code records[0 .. lanes)} (one length), each known to
     * share with the input of {@code reference} its first {@code prefix[b]} rows and its last
     * {@code suffix[b]} rows (e.g. the input with one row zeroed: prefix t, suffix T − 1 − t), so
     * that each direction resumes from the reference's state where its input first differs: layer
     * 0's forward direction at step prefix, its reverse direction at step suffix, and so on up while
     * the rows a layer reads are shared (a bidirectional layer's output differs in every row once
     * one differs, so the layers above it run from step 0 and read the states before the resumed
     * steps, copied from the reference). Such a pass records the steps it computes and its
     * outputs; it cannot be differentiated.
     */
    public void forwardResumed(NetworkWeights n, NetworkRecord reference, NetworkRecord[] records, int lanes,
                               int[] prefix, int[] suffix, InputProjections[] known) {
        for (int b = 0; b < lanes; b++) {
            NetworkRecord record = records[b];
            int length = record.length;
            int shared = prefix[b];
            int sharedAtEnd = suffix[b];
            if (shared < 0 || sharedAtEnd < 0 || shared > length || sharedAtEnd > length
                    || shared > reference.length || sharedAtEnd > reference.length) {
                throw new IllegalArgumentException("an input of " + length + " steps cannot share " + shared
                        + " first and " + sharedAtEnd + " last steps with an input of " + reference.length);
            }
            for (int k = 0; k < n.layers; k++) {
                // the layer above a bidirectional layer runs from step 0 and reads every row of its output
                boolean readInFull = n.bidirectional && k < n.layers - 1;
                resume(record.forward[k], reference.forward[k], length, shared, readInFull);
                if (n.bidirectional) {
                    resume(record.reverse[k], reference.reverse[k], length, sharedAtEnd, readInFull);
                    boolean unchanged = shared == length && sharedAtEnd == length;
                    shared = unchanged ? length : 0;
                    sharedAtEnd = unchanged ? length : 0;
                } else {
                    sharedAtEnd = 0;
                }
            }
        }
        run(n, records, lanes, known);
    }

    private static void resume(DirectionRecord record, DirectionRecord reference, int length, int at,
                               boolean readInFull) {
        record.ensureCapacity(length);
        if (at == 0) {
            record.zeroInitialState();
        } else if (readInFull) {
            record.resumeWithStatesFrom(reference, at);
        } else {
            record.resumeFrom(reference, at);
        }
    }

    private void run(NetworkWeights n, NetworkRecord[] records, int lanes, InputProjections[] known) {
        ensure(lanes);
        int length = records[0].length;
        for (int k = 0; k < n.layers; k++) {
            for (int b = 0; b < lanes; b++) {
                inputs[b] = records[b].layerInput(k);
                directions[b] = records[b].forward[k];
            }
            DirectionPasses.forward(n.forward[k], inputs, lanes, length, false, directions,
                    k == 0 && known != null ? known[0] : null, scratch);
            if (n.bidirectional) {
                for (int b = 0; b < lanes; b++) {
                    directions[b] = records[b].reverse[k];
                }
                DirectionPasses.forward(n.reverse[k], inputs, lanes, length, true, directions,
                        k == 0 && known != null ? known[1] : null, scratch);
            }
            if (k < n.layers - 1) {
                for (int b = 0; b < lanes; b++) {
                    records[b].collectOutput(k);
                }
            }
        }
        for (int b = 0; b < lanes; b++) {
            outputs(n, records[b]);
        }
    }

    /** f_c = fc.bias_c + Σ_k w_ck h_k over the forward units, then the reverse ones. */
    static void outputs(NetworkWeights n, NetworkRecord record) {
        int last = n.layers - 1;
        int hidden = n.hidden;
        int end = record.length * hidden;
        double[] hf = record.forward[last].h;
        double[] hr = n.bidirectional ? record.reverse[last].h : null;
        for (int c = 0; c < n.outputs; c++) {
            double sum = n.fcBias[c];
            int row = c * n.features;
            for (int k = 0; k < hidden; k++) {
                sum += n.fcWeight[row + k] * hf[end + k];
            }
            if (hr != null) {
                for (int k = 0; k < hidden; k++) {
                    sum += n.fcWeight[row + hidden + k] * hr[end + k];
                }
            }
            record.output[c] = sum;
        }
    }

    /**
     * Back-propagates output {@code targets[b]} of each lane's recorded pass to its input:
     * {@code dx[b][t·D + d] = ∂f_target/∂x_{t,d}} (the first T·D values overwritten).
     */
    public void inputGradient(NetworkWeights n, NetworkRecord[] records, int lanes, int[] targets, double[][] dx) {
        int hidden = n.hidden;
        int last = n.layers - 1;
        for (int b = 0; b < lanes; b++) {
            NetworkRecord record = records[b];
            int length = record.length;
            int row = targets[b] * n.features;
            System.arraycopy(n.fcWeight, row, record.forward[last].dhIn, (length - 1) * hidden, hidden);
            if (n.bidirectional) {
                System.arraycopy(n.fcWeight, row + hidden, record.reverse[last].dhIn, (length - 1) * hidden, hidden);
            }
        }
        backward(n, records, lanes, dx, null);
    }

    /**
     * Back-propagates the gradient g_b of a loss with respect to each lane's outputs
     * ({@code outputGradients[b]}, C values): δh_T = fc.weightᵀ g_b, then as {@link #inputGradient};
     * {@code dx} may be null (then nothing reaches the input), and with {@code deltas} each layer's
     * directions store their δ's for the parameter gradients: {@code deltas[k][0 or 1][b]}, T·GH
     * values of δp (and for a GRU T·GH more of δq) per lane ({@link DirectionPasses#backward}).
     */
    public void backward(NetworkWeights n, NetworkRecord[] records, int lanes, double[][] outputGradients,
                         double[][] dx, double[][][][] deltas) {
        int hidden = n.hidden;
        int last = n.layers - 1;
        for (int b = 0; b < lanes; b++) {
            NetworkRecord record = records[b];
            int at = (record.length - 1) * hidden;
            seed(n, outputGradients[b], 0, record.forward[last].dhIn, at);
            if (n.bidirectional) {
                seed(n, outputGradients[b], hidden, record.reverse[last].dhIn, at);
            }
        }
        backward(n, records, lanes, dx, deltas);
    }

    /** out[at + k] = Σ_c g_c · fc.weight[c][offset + k] for k &lt; H. */
    private static void seed(NetworkWeights n, double[] g, int offset, double[] out, int at) {
        for (int k = 0; k < n.hidden; k++) {
            double sum = 0;
            for (int c = 0; c < n.outputs; c++) {
                sum += g[c] * n.fcWeight[c * n.features + offset + k];
            }
            out[at + k] = sum;
        }
    }

    /** The backward passes from δh of the last layer's last step, set in its directions' {@code dhIn}. */
    private void backward(NetworkWeights n, NetworkRecord[] records, int lanes, double[][] dx,
                          double[][][][] deltas) {
        ensure(lanes);
        int length = records[0].length;
        int last = n.layers - 1;
        if (dx != null) {
            for (int b = 0; b < lanes; b++) {
                Arrays.fill(dx[b], 0, length * records[b].dim, 0.0);
            }
        }
        for (int k = last; k >= 0; k--) {
            for (int b = 0; b < lanes; b++) {
                NetworkRecord record = records[b];
                if (k == 0) {
                    gradients[b] = dx == null ? null : dx[b];
                } else {
                    gradients[b] = record.layerGradient[k - 1];
                    Arrays.fill(gradients[b], 0, length * n.features, 0.0);
                }
                directions[b] = record.forward[k];
            }
            boolean fromEveryStep = k < last;
            double[][] toInput = k == 0 && dx == null ? null : gradients;
            DirectionPasses.backward(n.forward[k], directions, lanes, false, fromEveryStep, toInput,
                    deltas == null ? null : deltas[k][0], scratch);
            if (n.bidirectional) {
                for (int b = 0; b < lanes; b++) {
                    directions[b] = records[b].reverse[k];
                }
                DirectionPasses.backward(n.reverse[k], directions, lanes, true, fromEveryStep, toInput,
                        deltas == null ? null : deltas[k][1], scratch);
            }
            if (k > 0) {
                for (int b = 0; b < lanes; b++) {
                    records[b].distributeGradient(k - 1);
                }
            }
        }
    }
}
