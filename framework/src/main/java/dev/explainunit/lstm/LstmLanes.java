package dev.explainunit.lstm;

import java.util.Arrays;

/**
 * The passes of {@link LstmCell} over several inputs of one length side by side, one input per
 * lane, for a direction with H &gt; 1: each block of four weight columns or rows is read from the
 * second-level cache once per step for all lanes instead of once per lane (a direction's weights,
 * about 230 KB, do not fit the first-level cache), and the input projections of steps seen before
 * come from {@link InputProjections}.
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

    private LstmLanes() {
    }

    /**
     * out[b][j] += Σ_k v[b][vAt[b] + k] · vectors[k][j] for lanes b &lt; {@code lanes} and j &lt; n
     * ({@code out}'s rows modified), each element's terms added one at a time for k ascending as in
     * {@code LstmCell.addScaled}. Four vectors at a time: a block of four is read from the
     * second-level cache for the first lane and from the first-level cache for the others
     * ({@code o + w0·a0 + w1·a1 + w2·a2 + w3·a3} adds left to right, the same as four passes).
     * One lane per pass over j: the JIT of JDK 17 vectorises a loop that writes two arrays only
     * sometimes (then the forward pass takes twice as long), a loop that writes one always.
     */
    static void addScaled(double[][] vectors, int count, double[][] v, int[] vAt, double[][] out, int lanes, int n) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            addFourScaled(vectors, k, v, vAt, out, lanes, n);
        }
        for (; k < count; k++) {
            for (int b = 0; b < lanes; b++) {
                LstmCell.addOneScaled(vectors[k], v[b][vAt[b] + k], out[b], n);
            }
        }
    }

    /** Vectors k .. k + 3 scaled and added to every lane, one lane per pass over j. */
    private static void addFourScaled(double[][] vectors, int k, double[][] v, int[] vAt, double[][] out, int lanes,
                                      int n) {
        double[] m0 = vectors[k];
        double[] m1 = vectors[k + 1];
        double[] m2 = vectors[k + 2];
        double[] m3 = vectors[k + 3];
        for (int b = 0; b < lanes; b++) {
            double[] va = v[b];
            int a = vAt[b] + k;
            LstmCell.addFourScaled(m0, m1, m2, m3, va[a], va[a + 1], va[a + 2], va[a + 3], out[b], n);
        }
    }

    /**
     * Buffers of one group of lanes' products: per product lane its source vector, where it starts
     * and the row it is added to (two steps' input projections per lane at most), and those of the
     * steps' elementwise parts. Grows, never shrinks.
     */
    static final class Scratch {
        double[][] source = new double[0][];
        int[] sourceAt = new int[0];
        double[][] out = new double[0][];
        /** The elementwise parts of a step. */
        final UnitSteps units = new UnitSteps();

        /** Per lane [W_ihᵀ δz | W_hhᵀ δz] being summed. */
        double[][] stacked = new double[0][];

        void ensureStacked(int lanes, int values) {
            if (stacked.length < lanes || stacked[0].length < values) {
                stacked = new double[Math.max(lanes, stacked.length)][values];
            }
        }

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
     * exactly as {@link LstmCell#forward} would: first b + W_ih x_t of every step (two steps of
     * every lane per read of the columns; a step whose bits {@code known} holds takes its projection
     * from there, and new ones are added to it), then the recurrence
     * z_t = (b + W_ih x_t) + W_hh h_{t−1}, gates, c_t, h_t.
     */
    static void forward(LstmDirection w, double[][] x, int lanes, int length, boolean reversed,
                        DirectionTrace[] traces, InputProjections known, Scratch scratch) {
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
                    int at = first + (s + u) * stride;
                    double[] kept = known.find(x[b], at);
                    if (kept != null) {
                        System.arraycopy(kept, 0, projection, 0, rows);
                        continue;
                    }
                    System.arraycopy(w.bias, 0, projection, 0, rows);
                    source[products] = x[b];
                    sourceAt[products] = at;
                    out[products] = projection;
                    products++;
                }
            }
            addScaled(w.inputColumns, inputs, source, sourceAt, out, products, rows);
            for (int p = 0; p < products; p++) {
                known.put(source[p], sourceAt[p], out[p]);
            }
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
                scratch.units.forward(hidden, traces[b].sum, traces[b], s);
            }
        }
    }

    /**
     * Back-propagates lane b's δh_T = {@code dhLast[b][dhLastAt[b] .. + H)} through the pass of
     * direction {@code w} (H &gt; 1) recorded in {@code traces[b]} and adds ∂/∂x_{t,d} to
     * {@code dx[b][t·D + d]} (modified) for the original time index t, exactly as
     * {@link LstmCell#inputGradient} would: per step δz from δh and the carried δc, then
     * [W_ihᵀ δz | W_hhᵀ δz] = Σ_j δz_j · [W_ih[j] | W_hh[j]] summed from 0 over the rows j ascending
     * with the direction's stacked rows (one product of D + H values instead of two of D and H: the longer
     * loop runs faster), dx_t += W_ihᵀ δz and δh_{t−1} = W_hhᵀ δz.
     */
    static void inputGradient(LstmDirection w, DirectionTrace[] traces, int lanes,
                              double[][] dhLast, int[] dhLastAt, boolean reversed, double[][] dx, Scratch scratch) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int rows = 4 * hidden;
        int length = traces[0].steps;
        scratch.ensure(lanes);
        scratch.ensureStacked(lanes, inputs + hidden);
        double[][] source = scratch.source;
        int[] sourceAt = scratch.sourceAt;
        double[][] stacked = scratch.stacked;
        for (int b = 0; b < lanes; b++) {
            DirectionTrace trace = traces[b];
            for (int k = 0; k < hidden; k++) {
                trace.dh[k] = dhLast[b][dhLastAt[b] + k];
                trace.dc[k] = 0;
            }
            source[b] = trace.dz;
            sourceAt[b] = 0;
        }
        for (int s = length - 1; s >= 0; s--) {
            for (int b = 0; b < lanes; b++) {
                scratch.units.backward(hidden, traces[b], s);
                Arrays.fill(stacked[b], 0, inputs + hidden, 0.0);
            }
            addScaled(w.stackedRows, rows, source, sourceAt, stacked, lanes, inputs + hidden);
            int dxAt = (reversed ? length - 1 - s : s) * inputs;
            for (int b = 0; b < lanes; b++) {
                double[] sum = stacked[b];
                double[] laneDx = dx[b];
                for (int d = 0; d < inputs; d++) {
                    laneDx[dxAt + d] += sum[d];
                }
                // δz is complete, so δh_s can be overwritten by δh_{s-1}
                System.arraycopy(sum, inputs, traces[b].dh, 0, hidden);
            }
        }
    }
}
