package dev.explainunit.explainers;

import dev.explainunit.lstm.LstmCell;
import dev.explainunit.lstm.LstmDirection;

/**
 * The passes of a single-unit (H = 1) direction on m scaled inputs α_k·x side by side, for
 * integrated gradients: per pass the step of {@link LstmCell#forwardStep} and
 * {@link LstmCell#backwardStep} with the same {@link LstmCell#sigmoid} and {@link LstmCell#tanh},
 * in the same order, interleaved over k so that the processor overlaps the m independent
 * recurrences instead of waiting on one (the cell's step reads and writes its state through
 * arrays, which would serialise them). {@code SingleUnitPathsTest} pins them to the cell bit for bit.
 * Nothing here allocates.
 */
final class LstmSteps {

    private LstmSteps() {
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
        /** Per pass the step's δz_i, δz_f, δz_g, δz_o. */
        double[] dz = new double[0];

        void ensure(int length, int lanes) {
            gate = Workspace.grow(gate, length * lanes * 4);
            c = Workspace.grow(c, (length + 1) * lanes);
            tanhC = Workspace.grow(tanhC, length * lanes);
            h = Workspace.grow(h, lanes);
            dc = Workspace.grow(dc, lanes);
            dz = Workspace.grow(dz, 4 * lanes);
        }
    }

    /**
     * Runs single-unit direction {@code w} over α_k·x for k &lt; {@code alphas.length} (x row-major
     * T x D, unscaled), recording into {@code passes} (modified). Per pass the arithmetic of
     * {@link LstmCell#forward} on the input {@code alphas[k] * x[v]}, in the same order.
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
                double i = LstmCell.sigmoid(zi + whI * hk);
                double f = LstmCell.sigmoid(zf + whF * hk);
                double g = LstmCell.tanh(zg + whG * hk);
                double o = LstmCell.sigmoid(zo + whO * hk);
                double cell = f * c[row + k] + i * g;
                double tc = LstmCell.tanh(cell);
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
     * {@code gradient[t·D + d]} (modified), each pass by the recursion of {@link LstmCell#inputGradient} with
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
        double[] dz = passes.dz;
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
                dz[4 * k] = dzi;
                dz[4 * k + 1] = dzf;
                dz[4 * k + 2] = dzg;
                dz[4 * k + 3] = dzo;
                dh[k] = whI * dzi + whF * dzf + whG * dzg + whO * dzo;
            }
            // the passes' terms added in the order k = 0, 1, ... as before, summed in a local rather
            // than in the array element, so that the chain of additions does not wait on memory
            for (int d = 0; d < inputs; d++) {
                double wI = w.weightIh(LstmDirection.GATE_I, d), wF = w.weightIh(LstmDirection.GATE_F, d);
                double wG = w.weightIh(LstmDirection.GATE_G, d), wO = w.weightIh(LstmDirection.GATE_O, d);
                double sum = gradient[xBase + d];
                for (int k = 0; k < lanes; k++) {
                    sum += wI * dz[4 * k] + wF * dz[4 * k + 1] + wG * dz[4 * k + 2] + wO * dz[4 * k + 3];
                }
                gradient[xBase + d] = sum;
            }
        }
    }
}
