package dev.explainunit.lstm;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Sequence;
import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * A single-layer LSTM with a linear output layer, uni- or bidirectional, in double precision,
 * exactly as in paper appendix A.1 and PyTorch {@code nn.LSTM}:
 *
 * <pre>
 *   z_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh          gate blocks i, f, g, o
 *   i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)
 *   c_t = f ⊙ c_{t-1} + i ⊙ g        h_t = o ⊙ tanh(c_t)        h_0 = c_0 = 0
 *   f(x) = fc.weight · h_T + fc.bias
 * </pre>
 *
 * For a bidirectional model h_T = [forward h_T ; reverse state after reading x_T..x_1].
 *
 * <p>The model is immutable and thread-safe. {@link #forward} and {@link #inputGradient} write
 * into a caller-supplied {@link LstmTrace} and allocate nothing once the trace has grown to the
 * sequence length; {@link #predict} uses a trace per thread. Single-unit directions (H = 1, the
 * bundled toy models) take an unrolled path that computes the same recurrence in the same order.
 * The arithmetic of a step, forward and backward, is {@link LstmCell}'s. The forward pass costs
 * five exponentials per step and unit (σ three times, tanh twice), which bound its speed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Lstm implements RecurrentModel {

    private final LstmDirection forward;
    private final LstmDirection reverse;
    private final int hiddenSize;
    private final int inputSize;
    private final int outputSize;
    private final int features;
    private final double[] fcWeight;
    private final double[] fcBias;
    private final boolean hasFcBias;
    private final ThreadLocal<LstmTrace> traces = ThreadLocal.withInitial(this::newTrace);

    /**
     * @param forward  the forward direction
     * @param reverse  the reverse direction, or {@code null} for a unidirectional model
     * @param fcWeight C x H (or C x 2H bidirectional)
     * @param fcBias   C x 1, or {@code null} for a model without output bias
     * @throws IllegalArgumentException on inconsistent shapes or non-finite values
     */
    public Lstm(LstmDirection forward, LstmDirection reverse, DMatrixRMaj fcWeight, DMatrixRMaj fcBias) {
        if (forward == null || fcWeight == null) {
            throw new IllegalArgumentException("the forward direction and fc.weight are required");
        }
        if (reverse != null && (reverse.hiddenSize() != forward.hiddenSize()
                || reverse.inputSize() != forward.inputSize())) {
            throw new IllegalArgumentException("the reverse direction is " + reverse.hiddenSize() + " units x "
                    + reverse.inputSize() + " inputs, the forward one " + forward.hiddenSize() + " x "
                    + forward.inputSize());
        }
        this.forward = forward;
        this.reverse = reverse;
        this.hiddenSize = forward.hiddenSize();
        this.inputSize = forward.inputSize();
        this.features = reverse == null ? hiddenSize : 2 * hiddenSize;
        if (fcWeight.numCols != features || fcWeight.numRows < 1) {
            throw new IllegalArgumentException("fc.weight must be C x " + features + ", is "
                    + fcWeight.numRows + " x " + fcWeight.numCols);
        }
        this.outputSize = fcWeight.numRows;
        this.fcWeight = new double[outputSize * features];
        System.arraycopy(fcWeight.data, 0, this.fcWeight, 0, this.fcWeight.length);
        this.hasFcBias = fcBias != null;
        this.fcBias = new double[outputSize];
        if (fcBias != null) {
            if (fcBias.getNumElements() != outputSize || (fcBias.numRows != 1 && fcBias.numCols != 1)) {
                throw new IllegalArgumentException("fc.bias must have " + outputSize + " elements, is "
                        + fcBias.numRows + " x " + fcBias.numCols);
            }
            System.arraycopy(fcBias.data, 0, this.fcBias, 0, outputSize);
        }
        requireFinite("fc.weight", this.fcWeight);
        requireFinite("fc.bias", this.fcBias);
    }

    private static void requireFinite(String name, double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name + " holds a non-finite value (" + values[k] + ") at index " + k);
            }
        }
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int outputSize() {
        return outputSize;
    }

    /** H, the hidden units per direction. */
    public int hiddenSize() {
        return hiddenSize;
    }

    /** Whether the model reads the sequence in both directions. */
    public boolean isBidirectional() {
        return reverse != null;
    }

    /** The forward direction's weights. */
    public LstmDirection forwardDirection() {
        return forward;
    }

    /** The reverse direction's weights, or {@code null}. */
    public LstmDirection reverseDirection() {
        return reverse;
    }

    /** fc.weight[c][k], {@code k < H} for the forward direction, {@code H <= k < 2H} for the reverse one. */
    public double fcWeight(int c, int k) {
        return fcWeight[c * features + k];
    }

    /** fc.bias[c] (0 for a model without output bias). */
    public double fcBias(int c) {
        return fcBias[c];
    }

    /** Whether the model has an output bias tensor. */
    public boolean hasFcBias() {
        return hasFcBias;
    }

    /** A copy of fc.weight (C x H or C x 2H). */
    public DMatrixRMaj fcWeight() {
        return new DMatrixRMaj(outputSize, features, true, fcWeight);
    }

    /** A copy of fc.bias (C x 1), or {@code null} for a model without output bias. */
    public DMatrixRMaj fcBias() {
        return hasFcBias ? new DMatrixRMaj(outputSize, 1, true, fcBias) : null;
    }

    /** Number of parameters (both bias vectors and the output bias counted when present). */
    public int parameterCount() {
        int perDirection = 4 * hiddenSize * (inputSize + hiddenSize + 2);
        return perDirection * (reverse == null ? 1 : 2) + outputSize * features + (hasFcBias ? outputSize : 0);
    }

    /** A fresh trace for this model's shapes; reuse it across calls on one thread. */
    public LstmTrace newTrace() {
        return new LstmTrace(hiddenSize, reverse != null, outputSize);
    }

    @Override
    public double[] predict(Sequence x) {
        LstmTrace trace = traces.get();
        forward(x, trace);
        return trace.outputs();
    }

    /**
     * Runs the forward pass on {@code x} and records it in {@code trace} (modified). Allocates
     * nothing once the trace has held a sequence at least this long.
     *
     * @return {@code trace}
     */
    public LstmTrace forward(Sequence x, LstmTrace trace) {
        return forward(x, trace, true);
    }

    /** {@link #forward}; with {@code singleUnitPath} false H = 1 takes the general path (to test one against the other). */
    LstmTrace forward(Sequence x, LstmTrace trace, boolean singleUnitPath) {
        requireInput(x);
        trace.setInput(x);
        run(trace, singleUnitPath);
        return trace;
    }

    /** The forward pass on the trace's input (set beforehand), recorded in {@code trace}. */
    void run(LstmTrace trace, boolean singleUnitPath) {
        LstmCell.forward(forward, trace.input, trace.length, false, trace.forward, singleUnitPath);
        if (reverse != null) {
            LstmCell.forward(reverse, trace.input, trace.length, true, trace.reverse, singleUnitPath);
        }
        outputs(trace);
    }

    /** f_c = fc.bias_c + Σ_k w_ck h_k (forward units, then reverse ones) from the trace's last states. */
    void outputs(LstmTrace trace) {
        int last = trace.length * hiddenSize;
        double[] hf = trace.forward.h;
        double[] hr = reverse == null ? null : trace.reverse.h;
        for (int c = 0; c < outputSize; c++) {
            double sum = fcBias[c];
            int row = c * features;
            for (int k = 0; k < hiddenSize; k++) {
                sum += fcWeight[row + k] * hf[last + k];
            }
            if (hr != null) {
                for (int k = 0; k < hiddenSize; k++) {
                    sum += fcWeight[row + hiddenSize + k] * hr[last + k];
                }
            }
            trace.output[c] = sum;
        }
    }

    private void requireInput(Sequence x) {
        if (x.dim() != inputSize) {
            throw new IllegalArgumentException("the model reads " + inputSize + " inputs per step, the sequence has "
                    + x.dim());
        }
    }

    /** σ(x) = 1 / (1 + e^{-x}); the one implementation is {@link LstmCell#sigmoid}. */
    public static double sigmoid(double x) {
        return LstmCell.sigmoid(x);
    }

    /** tanh(x); the one implementation is {@link LstmCell#tanh}. */
    public static double tanh(double x) {
        return LstmCell.tanh(x);
    }

    /**
     * Back-propagates output {@code target} of the pass recorded in {@code trace} to the inputs:
     * {@code gradient[t * D + d] = ∂f_target/∂x_{t,d}} for the original time index t. The trace's
     * scratch space is used; {@code gradient} (length at least T·D) is overwritten.
     *
     * <pre>
     *   δh_T = fc.weight_target
     *   δc_s = δc_{s+1} ⊙ f_{s+1} + δh_s ⊙ o_s ⊙ (1 − tanh²c_s)
     *   δz_i = δc ⊙ g ⊙ i(1−i),  δz_f = δc ⊙ c_{s−1} ⊙ f(1−f),  δz_g = δc ⊙ i ⊙ (1−g²),
     *   δz_o = δh ⊙ tanh c ⊙ o(1−o)
     *   ∂f/∂x_s = W_ihᵀ δz_s,  δh_{s−1} = W_hhᵀ δz_s
     * </pre>
     */
    public void inputGradient(LstmTrace trace, int target, double[] gradient) {
        inputGradient(trace, target, gradient, true);
    }

    /** {@link #inputGradient}; with {@code singleUnitPath} false H = 1 takes the general path. */
    void inputGradient(LstmTrace trace, int target, double[] gradient, boolean singleUnitPath) {
        int length = trace.length;
        if (target < 0 || target >= outputSize) {
            throw new IllegalArgumentException("target " + target + " outside [0, " + outputSize + ")");
        }
        if (gradient.length < length * inputSize) {
            throw new IllegalArgumentException("gradient buffer holds " + gradient.length + " values, needs "
                    + length * inputSize);
        }
        for (int k = 0; k < length * inputSize; k++) {
            gradient[k] = 0;
        }
        int row = target * features;
        LstmCell.inputGradient(forward, trace.forward, fcWeight, row, false, gradient, singleUnitPath);
        if (reverse != null) {
            LstmCell.inputGradient(reverse, trace.reverse, fcWeight, row + hiddenSize, true, gradient, singleUnitPath);
        }
    }
}
