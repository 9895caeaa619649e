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
 * bundled toy models) take a path with the state in registers; it computes the same recurrence
 * in the same order. The forward pass costs five exponentials per step and unit (σ three
 * times, tanh twice via {@link #tanh}), which bound its speed.
 */
@API(status = API.Status.STABLE, since = "0.1")
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
        int length = trace.length;
        run(forward, trace.input, length, trace.forward, false, singleUnitPath);
        if (reverse != null) {
            run(reverse, trace.input, length, trace.reverse, true, singleUnitPath);
        }
        int last = length * hiddenSize;
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
        return trace;
    }

    private void requireInput(Sequence x) {
        if (x.dim() != inputSize) {
            throw new IllegalArgumentException("the model reads " + inputSize + " inputs per step, the sequence has "
                    + x.dim());
        }
    }

    /** One direction over {@code x} (T x D row-major); the reverse direction's step s reads x_{T-1-s}. */
    private static void run(LstmDirection w, double[] x, int length, DirectionTrace tr, boolean reversed,
                            boolean singleUnitPath) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int rows = 4 * hidden;
        tr.ensureCapacity(length);
        double[] wih = w.weightIh;
        double[] whh = w.weightHh;
        double[] bias = w.bias;
        double[] z = tr.z;
        double[] gate = tr.gate;
        double[] c = tr.c;
        double[] h = tr.h;
        double[] tanhC = tr.tanhC;
        for (int k = 0; k < hidden; k++) {
            c[k] = 0;
            h[k] = 0;
        }
        if (hidden == 1 && singleUnitPath) {
            runSingleUnit(w, x, length, tr, reversed);
            return;
        }
        for (int s = 0; s < length; s++) {
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            int zBase = s * rows;
            int prev = s * hidden;
            for (int j = 0; j < rows; j++) {
                double sum = bias[j];
                int wBase = j * inputs;
                for (int d = 0; d < inputs; d++) {
                    sum += wih[wBase + d] * x[xBase + d];
                }
                int hBase = j * hidden;
                for (int k = 0; k < hidden; k++) {
                    sum += whh[hBase + k] * h[prev + k];
                }
                z[zBase + j] = sum;
            }
            int next = prev + hidden;
            for (int k = 0; k < hidden; k++) {
                int zi = zBase + k;
                double i = sigmoid(z[zi]);
                double f = sigmoid(z[zi + hidden]);
                double g = tanh(z[zi + 2 * hidden]);
                double o = sigmoid(z[zi + 3 * hidden]);
                gate[zi] = i;
                gate[zi + hidden] = f;
                gate[zi + 2 * hidden] = g;
                gate[zi + 3 * hidden] = o;
                double cell = f * c[prev + k] + i * g;
                double tc = tanh(cell);
                c[next + k] = cell;
                tanhC[s * hidden + k] = tc;
                h[next + k] = o * tc;
            }
        }
    }

    /**
     * {@link #run} for H = 1 with the state in registers (about 20% faster on the toy models); the
     * same sums in the same order.
     */
    private static void runSingleUnit(LstmDirection w, double[] x, int length, DirectionTrace tr, boolean reversed) {
        int inputs = w.inputSize();
        double[] wih = w.weightIh;
        double whI = w.weightHh[0], whF = w.weightHh[1], whG = w.weightHh[2], whO = w.weightHh[3];
        double bI = w.bias[0], bF = w.bias[1], bG = w.bias[2], bO = w.bias[3];
        double[] z = tr.z;
        double[] gate = tr.gate;
        double[] c = tr.c;
        double[] h = tr.h;
        double[] tanhC = tr.tanhC;
        double cell = 0;
        double hidden = 0;
        c[0] = 0;
        h[0] = 0;
        for (int s = 0; s < length; s++) {
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            // b + W_ih x first, as in the general path: it does not wait for h_{t-1}
            double zi = bI;
            double zf = bF;
            double zg = bG;
            double zo = bO;
            for (int d = 0; d < inputs; d++) {
                double xd = x[xBase + d];
                zi += wih[d] * xd;
                zf += wih[inputs + d] * xd;
                zg += wih[2 * inputs + d] * xd;
                zo += wih[3 * inputs + d] * xd;
            }
            zi += whI * hidden;
            zf += whF * hidden;
            zg += whG * hidden;
            zo += whO * hidden;
            double i = sigmoid(zi);
            double f = sigmoid(zf);
            double g = tanh(zg);
            double o = sigmoid(zo);
            cell = f * cell + i * g;
            double tc = tanh(cell);
            hidden = o * tc;
            int zBase = 4 * s;
            z[zBase] = zi;
            z[zBase + 1] = zf;
            z[zBase + 2] = zg;
            z[zBase + 3] = zo;
            gate[zBase] = i;
            gate[zBase + 1] = f;
            gate[zBase + 2] = g;
            gate[zBase + 3] = o;
            c[s + 1] = cell;
            h[s + 1] = hidden;
            tanhC[s] = tc;
        }
    }

    /** σ(x) = 1 / (1 + e^{-x}). */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * tanh(x) to a relative error of 1.3e-15 (a few ulp below |x| = 1/16, at most about 9 ulp
     * above), about twice as fast as {@link Math#tanh} on JDK 17, where {@code Math.tanh} is not
     * an intrinsic and {@code Math.exp} is: the forward pass spends most of its time here.
     *
     * <pre>
     *   |x| &lt; 1/16:  x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 − 1382x¹¹/155925 + 21844x¹³/6081075
     *                 − 929569x¹⁵/638512875      (Taylor; the next term is below 1e-19·|x|)
     *   otherwise:   sign(x) · (1 − e^{−2|x|}) / (1 + e^{−2|x|})
     * </pre>
     */
    public static double tanh(double x) {
        double a = Math.abs(x);
        if (a < 0.0625) {
            double x2 = x * x;
            return x * (1 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315 + x2 * (62.0 / 2835
                    + x2 * (-1382.0 / 155925 + x2 * (21844.0 / 6081075 + x2 * (-929569.0 / 638512875))))))));
        }
        double e = Math.exp(-2 * a);
        double t = (1 - e) / (1 + e);
        return x < 0 ? -t : t;
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
        backward(forward, trace.forward, target, 0, false, gradient, singleUnitPath);
        if (reverse != null) {
            backward(reverse, trace.reverse, target, hiddenSize, true, gradient, singleUnitPath);
        }
    }

    private void backward(LstmDirection w, DirectionTrace tr, int target, int fcOffset, boolean reversed,
                          double[] gradient, boolean singleUnitPath) {
        if (w.hiddenSize() == 1 && singleUnitPath) {
            backwardSingleUnit(w, tr, fcWeight[target * features + fcOffset], reversed, gradient);
            return;
        }
        int length = tr.steps;
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int rows = 4 * hidden;
        double[] wih = w.weightIh;
        double[] whh = w.weightHh;
        double[] gate = tr.gate;
        double[] cells = tr.c;
        double[] tanhC = tr.tanhC;
        double[] dh = tr.dh;
        double[] dc = tr.dc;
        double[] dz = tr.dz;
        for (int k = 0; k < hidden; k++) {
            dh[k] = fcWeight[target * features + fcOffset + k];
            dc[k] = 0;
        }
        for (int s = length - 1; s >= 0; s--) {
            int zBase = s * rows;
            int prev = s * hidden;
            for (int k = 0; k < hidden; k++) {
                int zi = zBase + k;
                double i = gate[zi];
                double f = gate[zi + hidden];
                double g = gate[zi + 2 * hidden];
                double o = gate[zi + 3 * hidden];
                double tc = tanhC[prev + k];
                double cellGrad = dc[k] + dh[k] * o * (1 - tc * tc);
                dz[k] = cellGrad * g * i * (1 - i);
                dz[hidden + k] = cellGrad * cells[prev + k] * f * (1 - f);
                dz[2 * hidden + k] = cellGrad * i * (1 - g * g);
                dz[3 * hidden + k] = dh[k] * tc * o * (1 - o);
                dc[k] = cellGrad * f;
            }
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            for (int d = 0; d < inputs; d++) {
                double sum = 0;
                for (int j = 0; j < rows; j++) {
                    sum += wih[j * inputs + d] * dz[j];
                }
                gradient[xBase + d] += sum;
            }
            for (int k = 0; k < hidden; k++) {
                double sum = 0;
                for (int j = 0; j < rows; j++) {
                    sum += whh[j * hidden + k] * dz[j];
                }
                dh[k] = sum;
            }
        }
    }

    /** {@link #backward} for H = 1 with δh and δc in registers. */
    private static void backwardSingleUnit(LstmDirection w, DirectionTrace tr, double fc, boolean reversed,
                                           double[] gradient) {
        int length = tr.steps;
        int inputs = w.inputSize();
        double[] wih = w.weightIh;
        double whI = w.weightHh[0], whF = w.weightHh[1], whG = w.weightHh[2], whO = w.weightHh[3];
        double[] gate = tr.gate;
        double[] cells = tr.c;
        double[] tanhC = tr.tanhC;
        double dh = fc;
        double dc = 0;
        for (int s = length - 1; s >= 0; s--) {
            int zBase = 4 * s;
            double i = gate[zBase];
            double f = gate[zBase + 1];
            double g = gate[zBase + 2];
            double o = gate[zBase + 3];
            double tc = tanhC[s];
            double cellGrad = dc + dh * o * (1 - tc * tc);
            double dzi = cellGrad * g * i * (1 - i);
            double dzf = cellGrad * cells[s] * f * (1 - f);
            double dzg = cellGrad * i * (1 - g * g);
            double dzo = dh * tc * o * (1 - o);
            dc = cellGrad * f;
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            for (int d = 0; d < inputs; d++) {
                gradient[xBase + d] += wih[d] * dzi + wih[inputs + d] * dzf + wih[2 * inputs + d] * dzg
                        + wih[3 * inputs + d] * dzo;
            }
            dh = whI * dzi + whF * dzf + whG * dzg + whO * dzo;
        }
    }
}
