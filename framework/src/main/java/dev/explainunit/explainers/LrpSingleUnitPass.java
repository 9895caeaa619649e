package dev.explainunit.explainers;

import dev.explainunit.lstm.DirectionTrace;
import dev.explainunit.lstm.LstmDirection;

/**
 * The relevance pass of {@link LrpExplainer} through a single-unit direction (H = 1, the toy
 * models), unrolled: the same products and sums as the general pass, in the same order, with the
 * relevances in locals instead of arrays ({@code SingleUnitPathsTest} pins the two together).
 */
final class LrpSingleUnitPass {

    private final LrpExplainer lrp;

    LrpSingleUnitPass(LrpExplainer lrp) {
        this.lrp = lrp;
    }

    /**
     * {@link LrpExplainer#propagate} for a single-unit direction (H = 1): the same products and sums in the same
     * order, with R_h, R_c and the gate relevances in registers and the weights in locals. For H = 1
     * the cell layer has N = 2 and the gate layers N = D + 1.
     */
    double propagate(LstmDirection w, DirectionTrace tr, double[] x, double fcWeight, double outCoefficient,
                     double outPerUnit, boolean reversed, LrpWorkspace ws, double[] rows) {
        int length = tr.steps();
        int inputs = w.inputSize();
        boolean gatesToo = lrp.rule() != LrpRule.ALL;
        double eps = lrp.eps();
        double biasFactor = lrp.biasFactor();
        double gateLayerUnits = inputs + 1;
        double absorbed = 0;
        double rh = tr.h(length - 1, 0) * fcWeight * outCoefficient + outPerUnit;
        double rc = 0;
        for (int s = length - 1; s >= 0; s--) {
            int t = reversed ? length - 1 - s : s;
            double i = tr.gate(s, LstmDirection.GATE_I);
            double f = tr.gate(s, LstmDirection.GATE_F);
            double g = tr.gate(s, LstmDirection.GATE_G);
            double o = tr.gate(s, LstmDirection.GATE_O);
            // h_s = o ⊙ tanh(c_s)
            absorbed += lrp.split(o, tr.tanhC(s, 0), rh, ws);
            double rzO = ws.gateShare;
            rc += ws.signalShare;
            // c_s = f ⊙ c_{s-1} + i ⊙ g, N = 2
            double cell = tr.c(s, 0);
            double cellSign = cell >= 0 ? 1 : -1;
            double cellDen = cell + eps * cellSign;
            double cellCoefficient = 0;
            double spread = 0;
            if (cellDen == 0) {
                absorbed += rc;
            } else {
                cellCoefficient = rc / cellDen;
                spread += biasFactor * eps * cellSign / 2 * cellCoefficient;
                absorbed += (1 - biasFactor) * eps * cellSign * cellCoefficient;
            }
            double cellBefore = tr.c(s - 1, 0);
            double forgetProduct = f * cellBefore * cellCoefficient + spread;
            double inputProduct = i * g * cellCoefficient + spread;
            absorbed += lrp.split(f, cellBefore, forgetProduct, ws);
            double rzF = ws.gateShare;
            rc = ws.signalShare;
            absorbed += lrp.split(i, g, inputProduct, ws);
            double rzI = ws.gateShare;
            double rzG = ws.signalShare;
            // z_j = W_ih x_t + W_hh h_{s-1} + b_j, N = D + 1, rows in the order i, f, g, o
            double hBefore = tr.h(s - 1, 0);
            int xBase = t * inputs;
            double rhBefore = 0;
            if (gatesToo) {
                rhBefore = gateLayer(w, LstmDirection.GATE_I, tr.z(s, LstmDirection.GATE_I), rzI, x, xBase, hBefore,
                        gateLayerUnits, rhBefore, rows, ws);
                absorbed += ws.absorbed;
                rhBefore = gateLayer(w, LstmDirection.GATE_F, tr.z(s, LstmDirection.GATE_F), rzF, x, xBase, hBefore,
                        gateLayerUnits, rhBefore, rows, ws);
                absorbed += ws.absorbed;
            }
            rhBefore = gateLayer(w, LstmDirection.GATE_G, tr.z(s, LstmDirection.GATE_G), rzG, x, xBase, hBefore,
                    gateLayerUnits, rhBefore, rows, ws);
            absorbed += ws.absorbed;
            if (gatesToo) {
                rhBefore = gateLayer(w, LstmDirection.GATE_O, tr.z(s, LstmDirection.GATE_O), rzO, x, xBase, hBefore,
                        gateLayerUnits, rhBefore, rows, ws);
                absorbed += ws.absorbed;
            }
            rh = rhBefore;
        }
        return absorbed + (rh + rc);
    }

    /**
     * One gate row j of a single-unit direction's linear layer (ε-rule, N = D + 1): adds the
     * inputs' shares to {@code rows[xBase + d]} (modified), sets {@code ws.absorbed} to the part
     * kept by bias and stabiliser (or all of {@code r} when the denominator is 0), and returns
     * {@code rh} plus h_{s−1}'s share.
     */
    private double gateLayer(LstmDirection w, int j, double z, double r, double[] x, int xBase, double hBefore,
                             double gateLayerUnits, double rh, double[] rows, LrpWorkspace ws) {
        double eps = lrp.eps();
        double biasFactor = lrp.biasFactor();
        ws.absorbed = 0;
        if (r == 0) {
            return rh;
        }
        double zSign = z >= 0 ? 1 : -1;
        double zDen = z + eps * zSign;
        if (zDen == 0) {
            ws.absorbed = r;
            return rh;
        }
        double coefficient = r / zDen;
        double biasAndStabiliser = w.bias(j) + eps * zSign;
        double perUnit = biasFactor * biasAndStabiliser / gateLayerUnits * coefficient;
        ws.absorbed = (1 - biasFactor) * biasAndStabiliser * coefficient;
        for (int d = 0, inputs = w.inputSize(); d < inputs; d++) {
            rows[xBase + d] += x[xBase + d] * w.weightIh(j, d) * coefficient + perUnit;
        }
        return rh + (hBefore * w.weightHh(j, 0) * coefficient + perUnit);
    }
}
