package dev.explainunit.model.internal;

import dev.explainunit.model.CellKind;
import java.util.Arrays;

/**
 * The passes of one direction of one layer over time, for several inputs of one length side by side
 * (one input per lane; a single input is one lane), written once for every cell kind: the matrix
 * products here, the elementwise rest in the cell's {@link CellSteps}.
 *
 * <pre>
 *   forward:   p_s = b + W_ih x_s                          (input projection; b per {@link CellWeights})
 *              LSTM: cell(p_s + W_hh h_{s−1})    GRU: cell(p_s, b_hh + W_hh h_{s−1})
 *   backward:  δh_s = ∂/∂h_s from above + W_hhᵀ δq_{s+1} (+ the cell's direct part)
 *              cell backward → δp_s, δq_s;   ∂/∂x_s = W_ihᵀ δp_s
 * </pre>
 *
 * Each block of four weight columns or rows is read from the second-level cache once per step for
 * all lanes (a direction's weights, about 230 KB at H = D = 60, do not fit the first-level cache);
 * the input projections of input rows seen before come from {@link InputProjections}. A lane whose
 * record was resumed at step {@code first} (from a pass sharing the steps before it) joins at that
 * step. A single-unit LSTM direction runs {@link SingleUnitLstm}, lane after lane. Nothing here
 * allocates once the buffers have grown.
 */
final class DirectionPasses {

    private DirectionPasses() {
    }

    /** Buffers of one group of lanes: the products' sources and targets, and the cells' steps. Grows, never shrinks. */
    static final class Scratch {
        double[][] source = new double[0][];
        int[] sourceAt = new int[0];
        double[][] out = new double[0][];
        /** Per lane δq and where it starts, for the GRU's second backward product. */
        double[][] recurrentSource = new double[0][];
        int[] recurrentSourceAt = new int[0];
        /** Per lane the backward products, [W_ihᵀ δp | W_hhᵀ δq] (D + H values from index 0). */
        double[][] stacked = new double[0][];
        private final CellSteps[] cells = new CellSteps[CellKind.values().length];

        CellSteps cell(CellKind kind) {
            if (cells[kind.ordinal()] == null) {
                cells[kind.ordinal()] = CellSteps.of(kind);
            }
            return cells[kind.ordinal()];
        }

        void ensure(int lanes) {
            if (source.length < 2 * lanes) {
                source = new double[2 * lanes][];
                sourceAt = new int[2 * lanes];
                out = new double[2 * lanes][];
                recurrentSource = new double[2 * lanes][];
                recurrentSourceAt = new int[2 * lanes];
            }
        }

        void ensureStacked(int lanes, int values) {
            if (stacked.length < lanes || stacked[0].length < values) {
                stacked = new double[Math.max(lanes, stacked.length)][Math.max(values,
                        stacked.length == 0 ? 0 : stacked[0].length)];
            }
        }
    }

    /**
     * Runs {@code w} over each lane's row-major input {@code x[b]} (T x D, original time order;
     * reversed: step s reads row T − 1 − s) and records it in {@code records[b]}, from the step
     * {@code records[b].first()} whose state before it is set (the caller zeroes it or resumes).
     * With {@code known} (H &gt; 1) projections of input rows seen before are taken from there and
     * new ones added to it.
     */
    static void forward(CellWeights w, double[][] x, int lanes, int length, boolean reversed,
                        DirectionRecord[] records, InputProjections known, Scratch scratch) {
        int inputs = w.inputs;
        int rowOfFirst = reversed ? (length - 1) * inputs : 0;
        int stride = reversed ? -inputs : inputs;
        if (w.kind == CellKind.LSTM && w.hidden == 1) {
            SingleUnitLstm.forward(w, x, lanes, rowOfFirst, stride, records);
            return;
        }
        forwardGeneral(w, x, lanes, length, reversed, records, known, scratch);
    }

    /**
     * {@link #forward} by the general passes, for every cell kind and H, a single-unit LSTM too:
     * what {@link SingleUnitLstm#forward} is measured and tested against.
     */
    static void forwardGeneral(CellWeights w, double[][] x, int lanes, int length, boolean reversed,
                               DirectionRecord[] records, InputProjections known, Scratch scratch) {
        int rowOfFirst = reversed ? (length - 1) * w.inputs : 0;
        int stride = reversed ? -w.inputs : w.inputs;
        scratch.ensure(lanes);
        projections(w, x, lanes, length, rowOfFirst, stride, records, known, scratch);
        recurrence(w, lanes, length, records, scratch);
    }

    /** p_s = b + W_ih x_s of every lane's computed steps, two steps of every lane per read of the columns. */
    private static void projections(CellWeights w, double[][] x, int lanes, int length, int rowOfFirst, int stride,
                                    DirectionRecord[] records, InputProjections known, Scratch scratch) {
        int rows = w.rows;
        double[][] source = scratch.source;
        int[] sourceAt = scratch.sourceAt;
        double[][] out = scratch.out;
        for (int s = 0; s < length; s += 2) {
            int products = 0;
            for (int b = 0; b < lanes; b++) {
                DirectionRecord record = records[b];
                for (int u = Math.max(s, record.first); u < Math.min(s + 2, length); u++) {
                    double[] projection = record.projection[u];
                    int at = rowOfFirst + u * stride;
                    double[] kept = known == null ? null : known.find(x[b], at);
                    if (kept != null) {
                        System.arraycopy(kept, 0, projection, 0, rows);
                        continue;
                    }
                    System.arraycopy(w.projectionBias, 0, projection, 0, rows);
                    source[products] = x[b];
                    sourceAt[products] = at;
                    out[products] = projection;
                    products++;
                }
            }
            Vectors.addScaled(w.inputColumns, w.inputs, source, sourceAt, out, products, rows);
            if (known != null) {
                for (int p = 0; p < products; p++) {
                    known.put(source[p], sourceAt[p], out[p]);
                }
            }
        }
    }

    /** The recurrence: W_hh h_{s−1} summed for the lanes that compute step s, then each lane's cell step. */
    private static void recurrence(CellWeights w, int lanes, int length, DirectionRecord[] records,
                                   Scratch scratch) {
        int hidden = w.hidden;
        int rows = w.rows;
        CellSteps cell = scratch.cell(w.kind);
        boolean ontoProjection = cell.sumsProjections();
        double[][] source = scratch.source;
        int[] sourceAt = scratch.sourceAt;
        double[][] out = scratch.out;
        for (int s = 0; s < length; s++) {
            int active = 0;
            for (int b = 0; b < lanes; b++) {
                DirectionRecord record = records[b];
                if (record.first > s) {
                    continue;
                }
                System.arraycopy(ontoProjection ? record.projection[s] : w.recurrentBias, 0, record.sum, 0, rows);
                source[active] = record.h;
                sourceAt[active] = s * hidden;
                out[active] = record.sum;
                active++;
            }
            Vectors.addScaled(w.recurrentColumns, hidden, source, sourceAt, out, active, rows);
            for (int b = 0; b < lanes; b++) {
                if (records[b].first <= s) {
                    cell.forward(records[b], s, records[b].sum);
                }
            }
        }
    }

    /**
     * Back-propagates through each lane's recorded pass (from step 0): δh at the last step is
     * {@code dhIn} of that step, and with {@code fromEveryStep} every step's {@code dhIn} is added
     * on the way (a lower layer, whose every output feeds the layer above). Adds ∂/∂x_s to
     * {@code dx[b]} at the row step s read (when {@code dx} is not null) and stores δp_s and δq_s
     * of every step in {@code deltas[b]} at s·GH and (GRU) (T + s)·GH (when {@code deltas} is not
     * null: the parameter gradients' input). The records' scratch is used.
     */
    static void backward(CellWeights w, DirectionRecord[] records, int lanes, boolean reversed,
                         boolean fromEveryStep, double[][] dx, double[][] deltas, Scratch scratch) {
        int inputs = w.inputs;
        int length = records[0].steps;
        int rowOfFirst = reversed ? (length - 1) * inputs : 0;
        int stride = reversed ? -inputs : inputs;
        if (w.kind == CellKind.LSTM && w.hidden == 1) {
            SingleUnitLstm.backward(w, records, lanes, fromEveryStep, dx, rowOfFirst, stride, deltas);
            return;
        }
        backwardGeneral(w, records, lanes, reversed, fromEveryStep, dx, deltas, scratch);
    }

    /**
     * {@link #backward} by the general passes, for every cell kind and H, a single-unit LSTM too:
     * what {@link SingleUnitLstm#backward} is measured and tested against.
     */
    static void backwardGeneral(CellWeights w, DirectionRecord[] records, int lanes, boolean reversed,
                                boolean fromEveryStep, double[][] dx, double[][] deltas, Scratch scratch) {
        int inputs = w.inputs;
        int length = records[0].steps;
        int rowOfFirst = reversed ? (length - 1) * inputs : 0;
        int stride = reversed ? -inputs : inputs;
        int hidden = w.hidden;
        int rows = w.rows;
        CellSteps cell = scratch.cell(w.kind);
        boolean shared = cell.sumsProjections();
        scratch.ensure(lanes);
        scratch.ensureStacked(lanes, inputs + hidden);
        double[][] source = scratch.source;
        int[] sourceAt = scratch.sourceAt;
        double[][] stacked = scratch.stacked;
        for (int b = 0; b < lanes; b++) {
            DirectionRecord record = records[b];
            System.arraycopy(record.dhIn, (length - 1) * hidden, record.dh, 0, hidden);
            Arrays.fill(record.dc, 0, hidden, 0.0);
            source[b] = record.dp;
            sourceAt[b] = 0;
            scratch.recurrentSource[b] = record.dq;
            scratch.recurrentSourceAt[b] = 0;
        }
        for (int s = length - 1; s >= 0; s--) {
            for (int b = 0; b < lanes; b++) {
                DirectionRecord record = records[b];
                if (fromEveryStep && s < length - 1) {
                    addRow(record.dhIn, s * hidden, record.dh, hidden);
                }
                cell.backward(record, s);
                Arrays.fill(stacked[b], 0, inputs + hidden, 0.0);
                if (deltas != null) {
                    System.arraycopy(record.dp, 0, deltas[b], s * rows, rows);
                    if (!shared) {
                        System.arraycopy(record.dq, 0, deltas[b], (length + s) * rows, rows);
                    }
                }
            }
            if (shared) {
                // one product of D + H values per row instead of two: the longer loop runs faster
                Vectors.addScaled(w.stackedRows, rows, source, sourceAt, stacked, lanes, inputs + hidden);
            } else {
                Vectors.addScaled(w.inputRows, rows, source, sourceAt, stacked, lanes, inputs);
                for (int b = 0; b < lanes; b++) {
                    System.arraycopy(records[b].dhDirect, 0, records[b].dh, 0, hidden);
                }
                addRecurrentRows(w, records, lanes, scratch);
            }
            int dxAt = rowOfFirst + s * stride;
            for (int b = 0; b < lanes; b++) {
                double[] sum = stacked[b];
                if (dx != null) {
                    double[] laneDx = dx[b];
                    for (int d = 0; d < inputs; d++) {
                        laneDx[dxAt + d] += sum[d];
                    }
                }
                if (shared) {
                    // δp is complete, so δh_s can be overwritten by δh_{s−1}
                    System.arraycopy(sum, inputs, records[b].dh, 0, hidden);
                }
            }
        }
    }

    /** GRU: δh_{s−1} = (the direct part already in dh) + W_hhᵀ δq, for every lane. */
    private static void addRecurrentRows(CellWeights w, DirectionRecord[] records, int lanes, Scratch scratch) {
        double[][] out = scratch.out;
        for (int b = 0; b < lanes; b++) {
            out[b] = records[b].dh;
        }
        Vectors.addScaled(w.recurrentRows, w.rows, scratch.recurrentSource, scratch.recurrentSourceAt, out, lanes,
                w.hidden);
    }

    private static void addRow(double[] from, int at, double[] to, int n) {
        for (int k = 0; k < n; k++) {
            to[k] += from[at + k];
        }
    }
}
