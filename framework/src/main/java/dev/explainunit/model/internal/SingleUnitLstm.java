package dev.explainunit.model.internal;

import dev.explainunit.model.Activations;

/**
 * The passes of a single-unit LSTM direction (H = 1, the toy models), unrolled over the four gates:
 * the equations of {@link LstmSteps} with h and c carried in locals from step to step, the weights
 * read where used and the scalar {@link Activations#tanh}, whose branch saves an exponential on the
 * small arguments a single unit mostly sees. A specialised copy of the general passes, kept because
 * {@code SingleUnitBenchmark} measures it well over 1.5 times faster on the toy tasks; the
 * parameterised {@code PassCopiesTest} pins it to the general passes.
 */
final class SingleUnitLstm {

    private SingleUnitLstm() {
    }

    /**
     * Runs {@code w} (H = 1) over steps {@code record.first() .. T − 1} of {@code x} (row-major T x D,
     * step s reading row {@code first + s·stride} / D) from the state recorded before the first one.
     */
    static void forward(CellWeights w, double[] x, int rowOfFirst, int stride, DirectionRecord record) {
        int inputs = w.inputs;
        double[] wih = w.weightIh;
        double[] whh = w.weightHh;
        double[] bias = w.bias;
        double[] z = record.z;
        double[] gate = record.gate;
        double[] c = record.c;
        double[] h = record.h;
        double[] tanhC = record.tanhC;
        int first = record.first;
        double hCarried = h[first];
        double cCarried = c[first];
        for (int s = first; s < record.steps; s++) {
            // weights are read where used: Math.exp clobbers every floating-point register, so
            // values kept in registers across the five activations would be spilled and reloaded
            double zi = bias[0];
            double zf = bias[1];
            double zg = bias[2];
            double zo = bias[3];
            int xv = rowOfFirst + s * stride;
            for (int d = 0; d < inputs; d++) {
                double xd = x[xv + d];
                zi += wih[d] * xd;
                zf += wih[inputs + d] * xd;
                zg += wih[2 * inputs + d] * xd;
                zo += wih[3 * inputs + d] * xd;
            }
            zi += whh[0] * hCarried;
            zf += whh[1] * hCarried;
            zg += whh[2] * hCarried;
            zo += whh[3] * hCarried;
            double i = Activations.sigmoid(zi);
            double f = Activations.sigmoid(zf);
            double g = Activations.tanh(zg);
            double o = Activations.sigmoid(zo);
            double cell = f * cCarried + i * g;
            double tc = Activations.tanh(cell);
            int at = 4 * s;
            z[at] = zi;
            z[at + 1] = zf;
            z[at + 2] = zg;
            z[at + 3] = zo;
            gate[at] = i;
            gate[at + 1] = f;
            gate[at + 2] = g;
            gate[at + 3] = o;
            double hNext = o * tc;
            c[s + 1] = cell;
            tanhC[s] = tc;
            h[s + 1] = hNext;
            hCarried = hNext;
            cCarried = cell;
        }
    }

    /**
     * Back-propagates through steps T − 1 .. 0 of {@code record}: δh at the last step from
     * {@code record.dhIn[T − 1]}, and with {@code fromEveryStep} the other steps' {@code dhIn} added
     * on the way; adds W_ihᵀ δz_s to {@code dx} at row {@code rowOfFirst + s·stride} (when not null)
     * and stores δz_s in {@code deltas} at 4s (when not null, for parameter gradients). Leaves
     * ∂/∂h_{−1} in {@code record.dh[0]} and ∂/∂c_{−1} in {@code record.dc[0]}.
     */
    static void backward(CellWeights w, DirectionRecord record, boolean fromEveryStep, double[] dx, int rowOfFirst,
                         int stride, double[] deltas) {
        int inputs = w.inputs;
        double[] wih = w.weightIh;
        double ui = w.weightHh[0];
        double uf = w.weightHh[1];
        double ug = w.weightHh[2];
        double uo = w.weightHh[3];
        double[] gate = record.gate;
        double[] tanhC = record.tanhC;
        double[] c = record.c;
        double[] dhIn = record.dhIn;
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
            if (dx != null) {
                int xv = rowOfFirst + s * stride;
                for (int d = 0; d < inputs; d++) {
                    dx[xv + d] += wih[d] * dzi + wih[inputs + d] * dzf + wih[2 * inputs + d] * dzg
                            + wih[3 * inputs + d] * dzo;
                }
            }
            if (deltas != null) {
                deltas[at] = dzi;
                deltas[at + 1] = dzf;
                deltas[at + 2] = dzg;
                deltas[at + 3] = dzo;
            }
            dhs = ui * dzi + uf * dzf + ug * dzg + uo * dzo;
        }
        record.dh[0] = dhs;
        record.dc[0] = dcs;
    }
}
