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
}
