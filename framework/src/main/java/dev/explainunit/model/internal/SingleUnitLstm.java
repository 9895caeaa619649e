package dev.explainunit.model.internal;

import dev.explainunit.model.Activations;

/**
 * The passes of a single-unit LSTM direction (H = 1, the toy models) for several inputs, unrolled
 * over the four gates: the equations of {@link LstmSteps}; forward step by step for every lane
 * before the next step, so that the processor overlaps the lanes' independent recurrences (each is a
 * chain of five exponentials per step); the weights read where used and the scalar
 * {@link Activations#tanh}, whose branch saves an exponential on the small arguments a single unit
 * mostly sees. A specialised copy of the general passes, kept because {@code SingleUnitBenchmark}
 * measures it well over 1.5 times faster on the toy tasks; the parameterised {@code PassCopiesTest}
 * pins it to the general passes.
 */
final class SingleUnitLstm {

    private SingleUnitLstm() {
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
                int row = record.stepRow(s);
                int at = 4 * row;
                z[at] = zi;
                z[at + 1] = zf;
                z[at + 2] = zg;
                z[at + 3] = zo;
                gate[at] = i;
                gate[at + 1] = f;
                gate[at + 2] = g;
                gate[at + 3] = o;
                record.c[s + 1] = cell;
                record.tanhC[row] = tc;
                record.h[s + 1] = o * tc;
            }
        }
    }

    /**
     * Back-propagates through steps T − 1 .. 0 of each lane's record, lane after lane: δh at the last
     * step from {@code dhIn[T − 1]}, and with {@code fromEveryStep} the other steps' {@code dhIn}
     * added on the way; adds W_ihᵀ δz_s to {@code dx[b]} at row {@code rowOfFirst + s·stride} (when
     * {@code dx} is not null) and stores δz_s in {@code deltas[b]} at 4s (when not null, for
     * parameter gradients). δh and δc carry from step to step in locals (a step has no exponential,
     * so a lane's chain is short and interleaving lanes would cost more in loads than it overlaps).
     * Leaves ∂/∂h_{−1} in {@code record.dh[0]} and ∂/∂c_{−1} in {@code record.dc[0]}.
     */
    static void backward(CellWeights w, DirectionRecord[] records, int lanes, boolean fromEveryStep, double[][] dx,
                         int rowOfFirst, int stride, double[][] deltas) {
        int inputs = w.inputs;
        double[] wih = w.weightIh;
        double ui = w.weightHh[0];
        double uf = w.weightHh[1];
        double ug = w.weightHh[2];
        double uo = w.weightHh[3];
        for (int b = 0; b < lanes; b++) {
            DirectionRecord record = records[b];
            double[] gate = record.gate;
            double[] tanhC = record.tanhC;
            double[] c = record.c;
            double[] dhIn = record.dhIn;
            double[] dxb = dx == null ? null : dx[b];
            double[] delta = deltas == null ? null : deltas[b];
            int last = record.steps - 1;
            double dhs = dhIn[last];
            double dcs = 0;
            for (int s = last; s >= 0; s--) {
                if (fromEveryStep && s < last) {
                    dhs += dhIn[s];
                }
                int at = 4 * s;
                double i = gate[at];
                double f = gate[at + 1];
                double g = gate[at + 2];
                double o = gate[at + 3];
                double tc = tanhC[s];
                double cellGrad = dcs + dhs * o * (1 - tc * tc);
                double dzi = cellGrad * g * i * (1 - i);
                double dzf = cellGrad * c[s] * f * (1 - f);
                double dzg = cellGrad * i * (1 - g * g);
                double dzo = dhs * tc * o * (1 - o);
                dcs = cellGrad * f;
                if (dxb != null) {
                    int xv = rowOfFirst + s * stride;
                    for (int d = 0; d < inputs; d++) {
                        dxb[xv + d] += wih[d] * dzi + wih[inputs + d] * dzf + wih[2 * inputs + d] * dzg
                                + wih[3 * inputs + d] * dzo;
                    }
                }
                if (delta != null) {
                    delta[at] = dzi;
                    delta[at + 1] = dzf;
                    delta[at + 2] = dzg;
                    delta[at + 3] = dzo;
                }
                dhs = ui * dzi + uf * dzf + ug * dzg + uo * dzo;
            }
            record.dh[0] = dhs;
            record.dc[0] = dcs;
        }
    }
}
