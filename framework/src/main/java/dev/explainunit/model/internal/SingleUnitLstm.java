package dev.explainunit.model.internal;

import dev.explainunit.model.Activations;

/**
 * The passes of a single-unit LSTM direction (H = 1, the toy models) for several inputs side by
 * side, unrolled over the four gates: the equations of {@link LstmSteps}, step by step for every
 * lane before the next step, so that the processor overlaps the lanes' independent recurrences
 * (each is a chain of five exponentials per step); the weights read where used and the scalar
 * {@link Activations#tanh}, whose branch saves an exponential on the small arguments a single unit
 * mostly sees. A specialised copy of the general passes, kept because {@code SingleUnitBenchmark}
 * measures it well over 1.5 times faster on the toy tasks; the parameterised {@code PassCopiesTest}
 * pins it to the general passes.
 */
final class SingleUnitLstm {

    private SingleUnitLstm() {
    }

    /** {@link #forward(CellWeights, double[][], int, int, int, DirectionRecord[])} for one input. */
    static void forward(CellWeights w, double[] x, int rowOfFirst, int stride, DirectionRecord record) {
        forward(w, new double[][] {x}, 1, rowOfFirst, stride, new DirectionRecord[] {record});
    }

    /**
     * Runs {@code w} (H = 1) over lane b's input {@code x[b]} (row-major T x D, step s reading row
     * {@code rowOfFirst + s·stride} / D) from step {@code records[b].first()}, whose state before it
     * is set, recording into {@code records[b]}.
     */
    static void forward(CellWeights w, double[][] x, int lanes, int rowOfFirst, int stride,
                        DirectionRecord[] records) {
        int inputs = w.inputs;
        double[] wih = w.weightIh;
        double[] whh = w.weightHh;
        double[] bias = w.bias;
        int length = records[0].steps;
        int from = length;
        for (int b = 0; b < lanes; b++) {
            from = Math.min(from, records[b].first);
        }
        for (int s = from; s < length; s++) {
            int at = 4 * s;
            int xv = rowOfFirst + s * stride;
            for (int b = 0; b < lanes; b++) {
                DirectionRecord record = records[b];
                if (record.first > s) {
                    continue;
                }
                double[] xb = x[b];
                // weights are read where used: Math.exp clobbers every floating-point register, so
                // values kept in registers across the five activations would be spilled and reloaded
                double zi = bias[0];
                double zf = bias[1];
                double zg = bias[2];
                double zo = bias[3];
                for (int d = 0; d < inputs; d++) {
                    double xd = xb[xv + d];
                    zi += wih[d] * xd;
                    zf += wih[inputs + d] * xd;
                    zg += wih[2 * inputs + d] * xd;
                    zo += wih[3 * inputs + d] * xd;
                }
                double hPrev = record.h[s];
                zi += whh[0] * hPrev;
                zf += whh[1] * hPrev;
                zg += whh[2] * hPrev;
                zo += whh[3] * hPrev;
                double i = Activations.sigmoid(zi);
                double f = Activations.sigmoid(zf);
                double g = Activations.tanh(zg);
                double o = Activations.sigmoid(zo);
                double cell = f * record.c[s] + i * g;
                double tc = Activations.tanh(cell);
                double[] z = record.z;
                double[] gate = record.gate;
                z[at] = zi;
                z[at + 1] = zf;
                z[at + 2] = zg;
                z[at + 3] = zo;
                gate[at] = i;
                gate[at + 1] = f;
                gate[at + 2] = g;
                gate[at + 3] = o;
                record.c[s + 1] = cell;
                record.tanhC[s] = tc;
                record.h[s + 1] = o * tc;
            }
        }
    }

    /** {@link #backward(CellWeights, DirectionRecord[], int, boolean, double[][], int, int, double[][])} for one input. */
    static void backward(CellWeights w, DirectionRecord record, boolean fromEveryStep, double[] dx, int rowOfFirst,
                         int stride, double[] deltas) {
        backward(w, new DirectionRecord[] {record}, 1, fromEveryStep, dx == null ? null : new double[][] {dx},
                rowOfFirst, stride, deltas == null ? null : new double[][] {deltas});
    }

    /**
     * Back-propagates through steps T − 1 .. 0 of each lane's record: δh at the last step from
     * {@code dhIn[T − 1]}, and with {@code fromEveryStep} the other steps' {@code dhIn} added on the
     * way; adds W_ihᵀ δz_s to {@code dx[b]} at row {@code rowOfFirst + s·stride} (when {@code dx} is
     * not null) and stores δz_s in {@code deltas[b]} at 4s (when not null, for parameter gradients).
     * Leaves ∂/∂h_{−1} in {@code record.dh[0]} and ∂/∂c_{−1} in {@code record.dc[0]}.
     */
    static void backward(CellWeights w, DirectionRecord[] records, int lanes, boolean fromEveryStep, double[][] dx,
                         int rowOfFirst, int stride, double[][] deltas) {
        int inputs = w.inputs;
        double[] wih = w.weightIh;
        double[] whh = w.weightHh;
        int last = records[0].steps - 1;
        for (int b = 0; b < lanes; b++) {
            records[b].dh[0] = records[b].dhIn[last];
            records[b].dc[0] = 0;
        }
        for (int s = last; s >= 0; s--) {
            int at = 4 * s;
            int xv = rowOfFirst + s * stride;
            for (int b = 0; b < lanes; b++) {
                DirectionRecord record = records[b];
                double dhs = record.dh[0];
                if (fromEveryStep && s < last) {
                    dhs += record.dhIn[s];
                }
                double[] gate = record.gate;
                double i = gate[at];
                double f = gate[at + 1];
                double g = gate[at + 2];
                double o = gate[at + 3];
                double tc = record.tanhC[s];
                double cellGrad = record.dc[0] + dhs * o * (1 - tc * tc);
                double dzi = cellGrad * g * i * (1 - i);
                double dzf = cellGrad * record.c[s] * f * (1 - f);
                double dzg = cellGrad * i * (1 - g * g);
                double dzo = dhs * tc * o * (1 - o);
                record.dc[0] = cellGrad * f;
                if (dx != null) {
                    double[] dxb = dx[b];
                    for (int d = 0; d < inputs; d++) {
                        dxb[xv + d] += wih[d] * dzi + wih[inputs + d] * dzf + wih[2 * inputs + d] * dzg
                                + wih[3 * inputs + d] * dzo;
                    }
                }
                if (deltas != null) {
                    double[] delta = deltas[b];
                    delta[at] = dzi;
                    delta[at + 1] = dzf;
                    delta[at + 2] = dzg;
                    delta[at + 3] = dzo;
                }
                record.dh[0] = whh[0] * dzi + whh[1] * dzf + whh[2] * dzg + whh[3] * dzo;
            }
        }
    }
}
