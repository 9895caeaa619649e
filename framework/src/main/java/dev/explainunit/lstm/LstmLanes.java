package dev.explainunit.lstm;

import java.util.Arrays;

/**
 * The passes of {@link LstmCell} over several inputs of one length side by side, one input per
 * lane, for a direction with H &gt; 1: each weight column and row is read once per step for all
 * lanes instead of once per lane (the passes are limited by reading the weights, about 230 KB per
 * direction, from the second-level cache).
 *
 * <p>Per lane every value is computed by the same operations in the same order as
 * {@link LstmCell#forward} and {@link LstmCell#inputGradient} on that lane alone (paper appendix
 * A.1; the formulas are in {@link LstmCell}'s class comment): each matrix product element gets
 * its terms added one at a time for k ascending, starting from the same value, and nothing is
 * fused, so the lanes' records and gradients equal the one-input passes bit for bit
 * ({@code LstmBatchTest} pins them). Nothing here allocates; lane b's record is the
 * {@link DirectionTrace} {@code traces[b]}, whose scratch is used.
 */
final class LstmLanes {

    /** Lanes that share one pass over a weight block's rows; the broadcast factors stay in registers. */
    private static final int LANES_PER_PASS = 2;

    private LstmLanes() {
    }

    /**
     * out[b][j] += Σ_k v[b][vAt[b] + k] · vectors[k][j] for lanes b &lt; {@code lanes} and j &lt; n
     * ({@code out}'s rows modified), each element's terms added one at a time for k ascending as in
     * {@code LstmCell.addScaled}. Four vectors at a time; a block of four is read from the
     * second-level cache by the first lanes and from the first-level cache by the others, two
     * lanes per pass over j ({@code o + w0·a0 + w1·a1 + w2·a2 + w3·a3} adds left to right, the
     * same as four passes).
     */
    static void addScaled(double[][] vectors, int count, double[][] v, int[] vAt, double[][] out, int lanes, int n) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            double[] m0 = vectors[k];
            double[] m1 = vectors[k + 1];
            double[] m2 = vectors[k + 2];
            double[] m3 = vectors[k + 3];
            int b = 0;
            for (; b + LANES_PER_PASS - 1 < lanes; b += LANES_PER_PASS) {
                double[] va = v[b];
                int a = vAt[b] + k;
                double a0 = va[a];
                double a1 = va[a + 1];
                double a2 = va[a + 2];
                double a3 = va[a + 3];
                double[] vc = v[b + 1];
                int c = vAt[b + 1] + k;
                double c0 = vc[c];
                double c1 = vc[c + 1];
                double c2 = vc[c + 2];
                double c3 = vc[c + 3];
                double[] outA = out[b];
                double[] outC = out[b + 1];
                for (int j = 0; j < n; j++) {
                    double w0 = m0[j];
                    double w1 = m1[j];
                    double w2 = m2[j];
                    double w3 = m3[j];
                    outA[j] = outA[j] + w0 * a0 + w1 * a1 + w2 * a2 + w3 * a3;
                    outC[j] = outC[j] + w0 * c0 + w1 * c1 + w2 * c2 + w3 * c3;
                }
            }
            for (; b < lanes; b++) {
                double[] va = v[b];
                int a = vAt[b] + k;
                double a0 = va[a];
                double a1 = va[a + 1];
                double a2 = va[a + 2];
                double a3 = va[a + 3];
                double[] outA = out[b];
                for (int j = 0; j < n; j++) {
                    outA[j] = outA[j] + m0[j] * a0 + m1[j] * a1 + m2[j] * a2 + m3[j] * a3;
                }
            }
        }
        for (; k < count; k++) {
            double[] m = vectors[k];
            for (int b = 0; b < lanes; b++) {
                double vk = v[b][vAt[b] + k];
                double[] outB = out[b];
                for (int j = 0; j < n; j++) {
                    outB[j] += m[j] * vk;
                }
            }
        }
    }

    /**
     * Buffers of one group of lanes' products: per product lane its source vector, where it starts
     * and the row it is added to. Two steps' input projections per lane at most. Grows, never shrinks.
     */
    static final class Scratch {
        double[][] source = new double[0][];
        int[] sourceAt = new int[0];
        double[][] out = new double[0][];

        void ensure(int lanes) {
            if (source.length < 2 * lanes) {
                source = new double[2 * lanes][];
                sourceAt = new int[2 * lanes];
                out = new double[2 * lanes][];
            }
        }
    }

    /**
     * Runs direction {@code w} (H &gt; 1) over each lane's row-major input {@code x[b]} (T × D) from
     * h_0 = c_0 = 0 and records lane b's pass in {@code traces[b]} (modified, grown if needed),
     * exactly as {@link LstmCell#forward} would: first b + W_ih x_t of every step (two steps per
     * read of the columns), then the recurrence z_t = (b + W_ih x_t) + W_hh h_{t−1}, gates, c_t, h_t.
     */
    static void forward(LstmDirection w, double[][] x, int lanes, int length, boolean reversed,
                        DirectionTrace[] traces, Scratch scratch) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int rows = 4 * hidden;
        scratch.ensure(lanes);
        for (int b = 0; b < lanes; b++) {
            DirectionTrace trace = traces[b];
            trace.ensureCapacity(length);
            trace.ensureScratch(inputs);
            Arrays.fill(trace.c, 0, hidden, 0.0);
            Arrays.fill(trace.h, 0, hidden, 0.0);
        }
        double[][] source = scratch.source;
        int[] sourceAt = scratch.sourceAt;
        double[][] out = scratch.out;
        int first = reversed ? (length - 1) * inputs : 0;
        int stride = reversed ? -inputs : inputs;
        for (int s = 0; s < length; s += 2) {
            int steps = Math.min(2, length - s);
            int products = 0;
            for (int b = 0; b < lanes; b++) {
                for (int u = 0; u < steps; u++) {
                    double[] projection = traces[b].projection[s + u];
                    System.arraycopy(w.bias, 0, projection, 0, rows);
                    source[products] = x[b];
                    sourceAt[products] = first + (s + u) * stride;
                    out[products] = projection;
                    products++;
                }
            }
            addScaled(w.inputColumns, inputs, source, sourceAt, out, products, rows);
        }
        for (int s = 0; s < length; s++) {
            for (int b = 0; b < lanes; b++) {
                DirectionTrace trace = traces[b];
                System.arraycopy(trace.projection[s], 0, trace.sum, 0, rows);
                source[b] = trace.h;
                sourceAt[b] = s * hidden;
                out[b] = trace.sum;
            }
            addScaled(w.recurrentColumns, hidden, source, sourceAt, out, lanes, rows);
            for (int b = 0; b < lanes; b++) {
                DirectionTrace trace = traces[b];
                cellUpdate(hidden, trace.sum, trace.z, trace.gate, s * rows, trace.c, trace.h, s * hidden,
                        (s + 1) * hidden, trace.tanhC, s * hidden);
            }
        }
    }

    /**
     * The elementwise rest of a forward step whose pre-activations are in {@code sum}: z copied to
     * {@code z[gateAt ..]}, i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o) to {@code gate[gateAt ..]},
     * c_t = f ⊙ c_{t−1} + i ⊙ g, tanh c_t and h_t = o ⊙ tanh c_t (all modified), as {@link LstmCell}'s
     * recurrent step computes them.
     */
    private static void cellUpdate(int hidden, double[] sum, double[] z, double[] gate, int gateAt, double[] c,
                                   double[] h, int prevAt, int nextAt, double[] tanhC, int tanhAt) {
        int rows = 4 * hidden;
        System.arraycopy(sum, 0, z, gateAt, rows);
        for (int j = 0; j < rows; j++) {
            gate[gateAt + j] = j >= 2 * hidden && j < 3 * hidden ? LstmCell.tanh(sum[j]) : LstmCell.sigmoid(sum[j]);
        }
        for (int k = 0; k < hidden; k++) {
            int at = gateAt + k;
            double i = gate[at];
            double f = gate[at + hidden];
            double g = gate[at + 2 * hidden];
            double o = gate[at + 3 * hidden];
            double cell = f * c[prevAt + k] + i * g;
            double tc = LstmCell.tanh(cell);
            c[nextAt + k] = cell;
            tanhC[tanhAt + k] = tc;
            h[nextAt + k] = o * tc;
        }
    }

    /**
     * Back-propagates lane b's δh_T = {@code dhLast[b][dhLastAt[b] .. + H)} through the pass of
     * direction {@code w} (H &gt; 1) recorded in {@code traces[b]} and adds ∂/∂x_{t,d} to
     * {@code dx[b][t·D + d]} (modified) for the original time index t, exactly as
     * {@link LstmCell#inputGradient} would: per step δz from δh and the carried δc, then
     * dx_t += W_ihᵀ δz and δh_{t−1} = W_hhᵀ δz, both summed from 0 over the rows j ascending.
     */
    static void inputGradient(LstmDirection w, DirectionTrace[] traces, int lanes, double[][] dhLast, int[] dhLastAt,
                              boolean reversed, double[][] dx, Scratch scratch) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int rows = 4 * hidden;
        int length = traces[0].steps;
        scratch.ensure(lanes);
        double[][] source = scratch.source;
        int[] sourceAt = scratch.sourceAt;
        double[][] out = scratch.out;
        for (int b = 0; b < lanes; b++) {
            DirectionTrace trace = traces[b];
            trace.ensureScratch(inputs);
            for (int k = 0; k < hidden; k++) {
                trace.dh[k] = dhLast[b][dhLastAt[b] + k];
                trace.dc[k] = 0;
            }
            source[b] = trace.dz;
            sourceAt[b] = 0;
        }
        for (int s = length - 1; s >= 0; s--) {
            int prev = s * hidden;
            for (int b = 0; b < lanes; b++) {
                DirectionTrace trace = traces[b];
                LstmCell.gateGradients(hidden, trace.gate, s * rows, trace.tanhC, prev, trace.c, prev, trace.dh, 0,
                        trace.dc, 0, trace.dz, 0);
                Arrays.fill(trace.sum, 0, inputs, 0.0);
                out[b] = trace.sum;
            }
            addScaled(w.inputRows, rows, source, sourceAt, out, lanes, inputs);
            int dxAt = (reversed ? length - 1 - s : s) * inputs;
            for (int b = 0; b < lanes; b++) {
                DirectionTrace trace = traces[b];
                double[] sum = trace.sum;
                double[] laneDx = dx[b];
                for (int d = 0; d < inputs; d++) {
                    laneDx[dxAt + d] += sum[d];
                }
                // δz is complete, so δh_s can be overwritten by δh_{s-1}
                Arrays.fill(trace.dh, 0, hidden, 0.0);
                out[b] = trace.dh;
            }
            addScaled(w.recurrentRows, rows, source, sourceAt, out, lanes, hidden);
        }
    }
}
