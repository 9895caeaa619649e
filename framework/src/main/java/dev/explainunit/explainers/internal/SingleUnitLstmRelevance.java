package dev.explainunit.explainers.internal;

import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;

/**
 * {@link LstmRelevance} for a single-unit direction (H = 1, the toy models), unrolled: the same
 * rules with R_h, R_c and the gate relevances in locals instead of arrays. For H = 1 the cell layer
 * has N = 2 and the gate layer N = D + 1. A specialised copy kept because {@code SingleUnitBenchmark}
 * measures it well over 1.5 times faster on the toy tasks; {@code PassCopiesTest} pins it to
 * {@link LstmRelevance}.
 */
final class SingleUnitLstmRelevance {

    private final RelevanceRules rules;
    private final double[] shares = new double[2];
    private double kept;

    SingleUnitLstmRelevance(RelevanceRules rules) {
        this.rules = rules;
    }

    /** {@link LstmRelevance#propagate} for one input through a single-unit direction. */
    void propagate(DirectionWeights w, DirectionTrace tr, RelevanceLane lane, boolean reversed,
                   boolean fromEveryStep) {
        int length = tr.steps();
        int inputs = w.inputSize();
        boolean gatesToo = rules.gatesReceive();
        double eps = rules.eps();
        double biasFactor = rules.biasFactor();
        double gateLayerUnits = inputs + 1;
        double[] rows = lane.rx;
        double[] x = lane.x;
        double[] incoming = lane.rh;
        double absorbed = lane.absorbed;
        double rh = incoming[length];
        double rc = 0;
        for (int s = length - 1; s >= 0; s--) {
            if (fromEveryStep && s < length - 1) {
                rh += incoming[s + 1];
            }
            int t = reversed ? length - 1 - s : s;
            double i = tr.gate(s, DirectionWeights.GATE_I);
            double f = tr.gate(s, DirectionWeights.GATE_F);
            double g = tr.gate(s, DirectionWeights.GATE_G);
            double o = tr.gate(s, DirectionWeights.GATE_O);
            // h_s = o ⊙ tanh(c_s)
            absorbed += rules.split(o, tr.tanhC(s, 0), rh, shares);
            double rzO = shares[0];
            rc += shares[1];
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
            absorbed += rules.split(f, cellBefore, forgetProduct, shares);
            double rzF = shares[0];
            rc = shares[1];
            absorbed += rules.split(i, g, inputProduct, shares);
            double rzI = shares[0];
            double rzG = shares[1];
            // z_j = W_ih x_t + W_hh h_{s-1} + b_j, N = D + 1, rows in the order i, f, g, o
            double hBefore = tr.h(s - 1, 0);
            int xBase = t * inputs;
            double rhBefore = 0;
            if (gatesToo) {
                rhBefore = gateRow(w, DirectionWeights.GATE_I, tr.z(s, DirectionWeights.GATE_I), rzI, x, xBase, hBefore,
                        gateLayerUnits, rhBefore, rows);
                absorbed += kept;
                rhBefore = gateRow(w, DirectionWeights.GATE_F, tr.z(s, DirectionWeights.GATE_F), rzF, x, xBase, hBefore,
                        gateLayerUnits, rhBefore, rows);
                absorbed += kept;
            }
            rhBefore = gateRow(w, DirectionWeights.GATE_G, tr.z(s, DirectionWeights.GATE_G), rzG, x, xBase, hBefore,
                    gateLayerUnits, rhBefore, rows);
            absorbed += kept;
            if (gatesToo) {
                rhBefore = gateRow(w, DirectionWeights.GATE_O, tr.z(s, DirectionWeights.GATE_O), rzO, x, xBase, hBefore,
                        gateLayerUnits, rhBefore, rows);
                absorbed += kept;
            }
            rh = rhBefore;
        }
        incoming[0] = rh;
        lane.rc[0] = rc;
        lane.absorbed = absorbed;
    }

    /**
     * Gate row j (ε-rule, N = D + 1): adds the inputs' shares to {@code rows[xBase + d]}, sets
     * {@link #kept} to what bias and stabiliser keep (all of {@code r} at a zero denominator), and
     * returns {@code rh} plus h_{s−1}'s share.
     */
    private double gateRow(DirectionWeights w, int j, double z, double r, double[] x, int xBase, double hBefore,
                           double gateLayerUnits, double rh, double[] rows) {
        double eps = rules.eps();
        double biasFactor = rules.biasFactor();
        kept = 0;
        if (r == 0) {
            return rh;
        }
        double zSign = z >= 0 ? 1 : -1;
        double zDen = z + eps * zSign;
        if (zDen == 0) {
            kept = r;
            return rh;
        }
        double coefficient = r / zDen;
        double biasAndStabiliser = w.bias(j) + eps * zSign;
        double perUnit = biasFactor * biasAndStabiliser / gateLayerUnits * coefficient;
        kept = (1 - biasFactor) * biasAndStabiliser * coefficient;
        for (int d = 0, inputs = w.inputSize(); d < inputs; d++) {
            rows[xBase + d] += x[xBase + d] * w.weightIh(j, d) * coefficient + perUnit;
        }
        return rh + (hBefore * w.weightHh(j, 0) * coefficient + perUnit);
    }
}
