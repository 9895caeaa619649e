package dev.explainunit.explainers;

import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmDirection;

/**
 * The LSTM recurrence of paper A.1 on caller-owned arrays, for explainers that run many forward
 * passes on modified inputs (occlusion, integrated gradients) without building a
 * {@link dev.explainunit.Sequence} for each. Same arithmetic, in the same order, as
 * {@link Lstm#forward}, with the same {@link Lstm#sigmoid} and {@link Lstm#tanh}:
 *
 * <pre>
 *   z = b_ih + b_hh + W_ih x_t + W_hh h_{t-1};  i, f, o = σ(z);  g = tanh(z)
 *   c_t = f ⊙ c_{t-1} + i ⊙ g;  h_t = o ⊙ tanh(c_t)
 * </pre>
 *
 * Nothing here allocates.
 */
final class LstmSteps {

    private LstmSteps() {
    }

    /**
     * One step of direction {@code w}. Reads x_t from {@code x[xOffset .. xOffset + D)} (a zero input
     * when {@code x == null}) and h_{t-1}, c_{t-1} from {@code h, c} at {@code prev}; writes h_t, c_t
     * at {@code next} (modified), the gate activations into {@code gate[gateOffset .. + 4H)} and
     * tanh(c_t) into {@code tanhC[tanhOffset .. + H)} (both modified).
     */
    static void step(LstmDirection w, double[] x, int xOffset, double[] h, double[] c, int prev, int next,
                     double[] gate, int gateOffset, double[] tanhC, int tanhOffset) {
        if (w.hiddenSize() == 1) {
            stepSingleUnit(w, x, xOffset, h, c, prev, next, gate, gateOffset, tanhC, tanhOffset);
        } else {
            stepGeneral(w, x, xOffset, h, c, prev, next, gate, gateOffset, tanhC, tanhOffset);
        }
    }

    /** {@link #step} for a single-unit direction: the same sums in the same order, unrolled over the four gates. */
    static void stepSingleUnit(LstmDirection w, double[] x, int xOffset, double[] h, double[] c, int prev, int next,
                               double[] gate, int gateOffset, double[] tanhC, int tanhOffset) {
        double zi = w.bias(LstmDirection.GATE_I);
        double zf = w.bias(LstmDirection.GATE_F);
        double zg = w.bias(LstmDirection.GATE_G);
        double zo = w.bias(LstmDirection.GATE_O);
        if (x != null) {
            for (int d = 0, inputs = w.inputSize(); d < inputs; d++) {
                double xd = x[xOffset + d];
                zi += w.weightIh(LstmDirection.GATE_I, d) * xd;
                zf += w.weightIh(LstmDirection.GATE_F, d) * xd;
                zg += w.weightIh(LstmDirection.GATE_G, d) * xd;
                zo += w.weightIh(LstmDirection.GATE_O, d) * xd;
            }
        }
        double hPrev = h[prev];
        double i = Lstm.sigmoid(zi + w.weightHh(LstmDirection.GATE_I, 0) * hPrev);
        double f = Lstm.sigmoid(zf + w.weightHh(LstmDirection.GATE_F, 0) * hPrev);
        double g = Lstm.tanh(zg + w.weightHh(LstmDirection.GATE_G, 0) * hPrev);
        double o = Lstm.sigmoid(zo + w.weightHh(LstmDirection.GATE_O, 0) * hPrev);
        gate[gateOffset] = i;
        gate[gateOffset + 1] = f;
        gate[gateOffset + 2] = g;
        gate[gateOffset + 3] = o;
        double cell = f * c[prev] + i * g;
        double tc = Lstm.tanh(cell);
        c[next] = cell;
        tanhC[tanhOffset] = tc;
        h[next] = o * tc;
    }

    /** {@link #step} for any H. */
    static void stepGeneral(LstmDirection w, double[] x, int xOffset, double[] h, double[] c, int prev, int next,
                            double[] gate, int gateOffset, double[] tanhC, int tanhOffset) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int rows = 4 * hidden;
        int gRows = LstmDirection.GATE_G * hidden;
        for (int j = 0; j < rows; j++) {
            double sum = w.bias(j);
            if (x != null) {
                for (int d = 0; d < inputs; d++) {
                    sum += w.weightIh(j, d) * x[xOffset + d];
                }
            }
            for (int k = 0; k < hidden; k++) {
                sum += w.weightHh(j, k) * h[prev + k];
            }
            gate[gateOffset + j] = (j >= gRows && j < gRows + hidden) ? Lstm.tanh(sum) : Lstm.sigmoid(sum);
        }
        for (int k = 0; k < hidden; k++) {
            double i = gate[gateOffset + k];
            double f = gate[gateOffset + hidden + k];
            double g = gate[gateOffset + 2 * hidden + k];
            double o = gate[gateOffset + 3 * hidden + k];
            double cell = f * c[prev + k] + i * g;
            double tc = Lstm.tanh(cell);
            c[next + k] = cell;
            tanhC[tanhOffset + k] = tc;
            h[next + k] = o * tc;
        }
    }

    /** One direction's forward pass on raw arrays, and scratch for its backward pass; grows, never shrinks. */
    static final class DirectionPass {
        double[] gate = new double[0];
        /** (T + 1) x H, row 0 the initial state. */
        double[] c = new double[0];
        /** (T + 1) x H, row 0 the initial state. */
        double[] h = new double[0];
        double[] tanhC = new double[0];
        double[] dz = new double[0];
        double[] dh = new double[0];
        double[] dc = new double[0];
        double[] dhPrev = new double[0];

        void ensure(int length, int hidden) {
            gate = Workspace.grow(gate, length * 4 * hidden);
            c = Workspace.grow(c, (length + 1) * hidden);
            h = Workspace.grow(h, (length + 1) * hidden);
            tanhC = Workspace.grow(tanhC, length * hidden);
            dz = Workspace.grow(dz, 4 * hidden);
            dh = Workspace.grow(dh, hidden);
            dc = Workspace.grow(dc, hidden);
            dhPrev = Workspace.grow(dhPrev, hidden);
        }
    }

    /**
     * Runs direction {@code w} over the row-major input {@code x} (T x D), recording into {@code pass}
     * (modified); the reverse direction reads x_{T-1-s} at step s.
     */
    static void forward(LstmDirection w, double[] x, int length, boolean reversed, DirectionPass pass) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        pass.ensure(length, hidden);
        for (int k = 0; k < hidden; k++) {
            pass.h[k] = 0;
            pass.c[k] = 0;
        }
        for (int s = 0; s < length; s++) {
            int t = reversed ? length - 1 - s : s;
            step(w, x, t * inputs, pass.h, pass.c, s * hidden, (s + 1) * hidden, pass.gate, s * 4 * hidden,
                    pass.tanhC, s * hidden);
        }
    }

    /**
     * Adds ∂f_target/∂x_{t,d} of direction {@code w}'s recorded pass to {@code gradient[t·D + d]}
     * (modified), the recursion of {@link Lstm#inputGradient}:
     *
     * <pre>
     *   δh_T = fc.weight_target (this direction's block)
     *   δc_s = δc_{s+1} ⊙ f_{s+1} + δh_s ⊙ o_s ⊙ (1 − tanh²c_s)
     *   δz_i = δc ⊙ g ⊙ i(1−i),  δz_f = δc ⊙ c_{s−1} ⊙ f(1−f),  δz_g = δc ⊙ i ⊙ (1−g²),  δz_o = δh ⊙ tanh c ⊙ o(1−o)
     *   ∂f/∂x_s += W_ihᵀ δz_s,   δh_{s−1} = W_hhᵀ δz_s
     * </pre>
     */
    static void backward(Lstm lstm, LstmDirection w, DirectionPass pass, int length, int target, int fcOffset,
                         boolean reversed, double[] gradient) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int rows = 4 * hidden;
        double[] dh = pass.dh;
        double[] dc = pass.dc;
        double[] dz = pass.dz;
        for (int k = 0; k < hidden; k++) {
            dh[k] = lstm.fcWeight(target, fcOffset + k);
            dc[k] = 0;
        }
        for (int s = length - 1; s >= 0; s--) {
            int gateBase = s * rows;
            int prev = s * hidden;
            for (int k = 0; k < hidden; k++) {
                double i = pass.gate[gateBase + k];
                double f = pass.gate[gateBase + hidden + k];
                double g = pass.gate[gateBase + 2 * hidden + k];
                double o = pass.gate[gateBase + 3 * hidden + k];
                double tc = pass.tanhC[s * hidden + k];
                double cellGrad = dc[k] + dh[k] * o * (1 - tc * tc);
                dz[k] = cellGrad * g * i * (1 - i);
                dz[hidden + k] = cellGrad * pass.c[prev + k] * f * (1 - f);
                dz[2 * hidden + k] = cellGrad * i * (1 - g * g);
                dz[3 * hidden + k] = dh[k] * tc * o * (1 - o);
                dc[k] = cellGrad * f;
            }
            int t = reversed ? length - 1 - s : s;
            for (int d = 0; d < inputs; d++) {
                double sum = 0;
                for (int j = 0; j < rows; j++) {
                    sum += w.weightIh(j, d) * dz[j];
                }
                gradient[t * inputs + d] += sum;
            }
            for (int k = 0; k < hidden; k++) {
                double sum = 0;
                for (int j = 0; j < rows; j++) {
                    sum += w.weightHh(j, k) * dz[j];
                }
                pass.dhPrev[k] = sum;
            }
            System.arraycopy(pass.dhPrev, 0, dh, 0, hidden);
        }
    }

    /**
     * A single-unit (H = 1) direction's passes on m scaled inputs α_k·x side by side, for
     * integrated gradients: the passes are independent, so running them in one loop over k per
     * step lets the processor overlap their exponentials instead of waiting on one recurrence.
     * Grows, never shrinks.
     */
    static final class ScaledSingleUnitPasses {
        /** T x m x 4 gate activations i, f, g, o. */
        double[] gate = new double[0];
        /** (T + 1) x m cell states, row 0 the initial state. */
        double[] c = new double[0];
        /** T x m values tanh(c). */
        double[] tanhC = new double[0];
        /** Per pass: h during the forward pass, then δh during the backward pass. */
        double[] h = new double[0];
        /** Per pass δc. */
        double[] dc = new double[0];

        void ensure(int length, int lanes) {
            gate = Workspace.grow(gate, length * lanes * 4);
            c = Workspace.grow(c, (length + 1) * lanes);
            tanhC = Workspace.grow(tanhC, length * lanes);
            h = Workspace.grow(h, lanes);
            dc = Workspace.grow(dc, lanes);
        }
    }

    /**
     * Runs single-unit direction {@code w} over α_k·x for k &lt; {@code alphas.length} (x row-major
     * T x D, unscaled), recording into {@code passes} (modified). Per pass the arithmetic of
     * {@link #forward} on the input {@code alphas[k] * x[v]}, in the same order.
     */
    static void forwardScaled(LstmDirection w, double[] x, int length, boolean reversed, double[] alphas,
                              ScaledSingleUnitPasses passes) {
        int lanes = alphas.length;
        int inputs = w.inputSize();
        passes.ensure(length, lanes);
        double whI = w.weightHh(LstmDirection.GATE_I, 0), whF = w.weightHh(LstmDirection.GATE_F, 0);
        double whG = w.weightHh(LstmDirection.GATE_G, 0), whO = w.weightHh(LstmDirection.GATE_O, 0);
        double bI = w.bias(LstmDirection.GATE_I), bF = w.bias(LstmDirection.GATE_F);
        double bG = w.bias(LstmDirection.GATE_G), bO = w.bias(LstmDirection.GATE_O);
        double[] gate = passes.gate;
        double[] c = passes.c;
        double[] tanhC = passes.tanhC;
        double[] h = passes.h;
        for (int k = 0; k < lanes; k++) {
            c[k] = 0;
            h[k] = 0;
        }
        for (int s = 0; s < length; s++) {
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            int row = s * lanes;
            for (int k = 0; k < lanes; k++) {
                double alpha = alphas[k];
                double zi = bI, zf = bF, zg = bG, zo = bO;
                for (int d = 0; d < inputs; d++) {
                    double xd = alpha * x[xBase + d];
                    zi += w.weightIh(LstmDirection.GATE_I, d) * xd;
                    zf += w.weightIh(LstmDirection.GATE_F, d) * xd;
                    zg += w.weightIh(LstmDirection.GATE_G, d) * xd;
                    zo += w.weightIh(LstmDirection.GATE_O, d) * xd;
                }
                double hk = h[k];
                double i = Lstm.sigmoid(zi + whI * hk);
                double f = Lstm.sigmoid(zf + whF * hk);
                double g = Lstm.tanh(zg + whG * hk);
                double o = Lstm.sigmoid(zo + whO * hk);
                double cell = f * c[row + k] + i * g;
                double tc = Lstm.tanh(cell);
                int at = (row + k) * 4;
                gate[at] = i;
                gate[at + 1] = f;
                gate[at + 2] = g;
                gate[at + 3] = o;
                c[row + lanes + k] = cell;
                tanhC[row + k] = tc;
                h[k] = o * tc;
            }
        }
    }

    /**
     * Adds Σ_k ∂f_target/∂x_{t,d}(α_k·x) of the passes recorded by {@link #forwardScaled} to
     * {@code gradient[t·D + d]} (modified), each pass by the recursion of {@link #backward} with
     * δh_T = {@code fcWeight}, the passes added in the order k = 0, 1, ... . {@code passes.h} is
     * overwritten with δh.
     */
    static void backwardScaled(LstmDirection w, double fcWeight, ScaledSingleUnitPasses passes, int lanes,
                               int length, boolean reversed, double[] gradient) {
        int inputs = w.inputSize();
        double whI = w.weightHh(LstmDirection.GATE_I, 0), whF = w.weightHh(LstmDirection.GATE_F, 0);
        double whG = w.weightHh(LstmDirection.GATE_G, 0), whO = w.weightHh(LstmDirection.GATE_O, 0);
        double[] gate = passes.gate;
        double[] c = passes.c;
        double[] tanhC = passes.tanhC;
        double[] dh = passes.h;
        double[] dc = passes.dc;
        for (int k = 0; k < lanes; k++) {
            dh[k] = fcWeight;
            dc[k] = 0;
        }
        for (int s = length - 1; s >= 0; s--) {
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            int row = s * lanes;
            for (int k = 0; k < lanes; k++) {
                int at = (row + k) * 4;
                double i = gate[at];
                double f = gate[at + 1];
                double g = gate[at + 2];
                double o = gate[at + 3];
                double tc = tanhC[row + k];
                double dhk = dh[k];
                double cellGrad = dc[k] + dhk * o * (1 - tc * tc);
                double dzi = cellGrad * g * i * (1 - i);
                double dzf = cellGrad * c[row + k] * f * (1 - f);
                double dzg = cellGrad * i * (1 - g * g);
                double dzo = dhk * tc * o * (1 - o);
                dc[k] = cellGrad * f;
                for (int d = 0; d < inputs; d++) {
                    gradient[xBase + d] += w.weightIh(LstmDirection.GATE_I, d) * dzi
                            + w.weightIh(LstmDirection.GATE_F, d) * dzf + w.weightIh(LstmDirection.GATE_G, d) * dzg
                            + w.weightIh(LstmDirection.GATE_O, d) * dzo;
                }
                dh[k] = whI * dzi + whF * dzf + whG * dzg + whO * dzo;
            }
        }
    }
}
