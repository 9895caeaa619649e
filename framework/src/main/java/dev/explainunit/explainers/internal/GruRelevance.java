package dev.explainunit.explainers.internal;

import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;
import java.util.Arrays;

/**
 * LRP through one GRU direction (DESIGN, "LRP on a GRU"), with the LSTM's conventions (ε-rule with
 * bias factor β, the product rules, sign(0) = +1, relevance unchanged through σ and tanh). Per step
 * s, backwards, with R_{h_s} the relevance reaching h_s, h = h_{s−1}:
 *
 * <pre>
 *   h_s = u + v,  u = (1 − z) ⊙ n,  v = z ⊙ h     ε-rule, identity weights, no bias, N = 2H
 *   u: gate (1 − z), signal n;   v: gate z, signal h      split by the rule; R_z = R(1 − z) + R(z)
 *   n = tanh(a),  a = W_in x + b_in + m            ε-rule over the D inputs and the H products m
 *                                                   (weight 1), bias b_in, N = D + H
 *   m = r ⊙ s:  gate r, signal s;   s = W_hn h + b_hn   ε-rule over h, bias b_hn, N = H
 *   r, z (not for ALL):  W_i· x + b_i· + W_h· h + b_h·    ε-rule, N = D + H, bias b_i· + b_h·
 *   R_h = R(from v) + R(from s) + R(from the gates)
 * </pre>
 *
 * With a bias factor each unit's share of an identity-weight layer (h_s = u + v; the products m in
 * a) is spread over all N lower units of that layer, as the authors' dense identity matrices do for
 * the LSTM. A 0/0 share is 0, and all of R_j is kept where a denominator is exactly 0 (with ε = 0 a
 * GRU without b_hn has s = 0 at its first step). Per input, one after another. One thread; grows.
 */
final class GruRelevance {

    private final RelevanceRules rules;
    private final double[] shares = new double[2];
    private double[] candidateRelevance = new double[0];
    private double[] productRelevance = new double[0];
    private double[] resetRelevance = new double[0];
    private double[] updateRelevance = new double[0];
    private double[] recurrentRelevance = new double[0];
    private double[] state = new double[0];
    private double[] stateRelevance = new double[0];
    /** What the last {@link #epsilonRow} found: the row's factor, its bias share per lower unit, what it keeps. */
    private double factor;
    private double shift;
    private double kept;

    GruRelevance(RelevanceRules rules) {
        this.rules = rules;
    }

    /**
     * The ε-rule of one row j with pre-activation z, bias b and relevance r ≠ 0 over N lower units:
     * factor = r / (z + ε sign z), shift = β (b + ε sign z) / N · factor, and the row keeps
     * (1 − β)(b + ε sign z) · factor; where z + ε sign z = 0 it keeps all of r and passes nothing
     * down (false).
     */
    private boolean epsilonRow(double z, double r, double b, int units) {
        double eps = rules.eps();
        double biasFactor = rules.biasFactor();
        double sign = z >= 0 ? 1 : -1;
        double den = z + eps * sign;
        if (den == 0) {
            kept = r;
            return false;
        }
        factor = r / den;
        double bias = b + eps * sign;
        shift = biasFactor * bias / units * factor;
        kept = (1 - biasFactor) * bias * factor;
        return true;
    }

    /** As {@link LstmRelevance#propagate}, for a GRU direction. */
    void propagate(DirectionWeights w, DirectionTrace[] traces, RelevanceLane[] lanes, int count, boolean reversed) {
        int hidden = w.hiddenSize();
        ensure(hidden);
        for (int b = 0; b < count; b++) {
            RelevanceLane lane = lanes[b];
            DirectionTrace tr = traces[b];
            lane.ensure(tr.steps(), hidden, 3 * hidden, w.inputSize());
            Arrays.fill(lane.rc, 0, hidden, 0.0);
            for (int s = tr.steps() - 1; s >= 0; s--) {
                step(w, tr, s, lane, reversed);
            }
        }
    }

    private void step(DirectionWeights w, DirectionTrace tr, int s, RelevanceLane lane, boolean reversed) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int length = tr.steps();
        double eps = rules.eps();
        double biasFactor = rules.biasFactor();
        int xBase = (reversed ? length - 1 - s : s) * inputs;
        double[] rh = lane.rh;
        int cur = (s + 1) * hidden;
        double absorbed = lane.absorbed;
        System.arraycopy(lane.x, xBase, lane.units, 0, inputs);
        tr.copyH(s - 1, lane.units, inputs);
        tr.copyH(s - 1, state, 0);
        System.arraycopy(lane.rx, xBase, lane.unitRelevance, 0, inputs);
        Arrays.fill(stateRelevance, 0, hidden, 0.0);
        // h_s = u + v, identity weights, N = 2H
        double spread = 0;
        for (int k = 0; k < hidden; k++) {
            double next = tr.h(s, k);
            double sign = next >= 0 ? 1 : -1;
            double den = next + eps * sign;
            double r = rh[cur + k];
            if (den == 0) {
                absorbed += r;
                shares[0] = 0;
            } else {
                double coefficient = r / den;
                shares[0] = coefficient;
                spread += biasFactor * eps * sign / (2 * hidden) * coefficient;
                absorbed += (1 - biasFactor) * eps * sign * coefficient;
            }
            candidateRelevance[k] = shares[0];
        }
        for (int k = 0; k < hidden; k++) {
            double z = tr.gate(s, DirectionWeights.GATE_Z * hidden + k);
            double n = tr.gate(s, DirectionWeights.GATE_N * hidden + k);
            double h = state[k];
            double coefficient = candidateRelevance[k];
            double ru = (1 - z) * n * coefficient + spread;
            double rv = z * h * coefficient + spread;
            absorbed += rules.split(1 - z, n, ru, shares);
            updateRelevance[k] = shares[0];
            candidateRelevance[k] = shares[1];
            absorbed += rules.split(z, h, rv, shares);
            updateRelevance[k] += shares[0];
            stateRelevance[k] += shares[1];
        }
        // a = W_in x + b_in + m, N = D + H; its rows' bias shares spread over the D inputs and all H products
        double productSpread = 0;
        int nRows = DirectionWeights.GATE_N * hidden;
        for (int k = 0; k < hidden; k++) {
            double r = candidateRelevance[k];
            productRelevance[k] = 0;
            if (r == 0) {
                continue;
            }
            boolean passes = epsilonRow(tr.z(s, nRows + k), r, w.biasIh(nRows + k), inputs + hidden);
            absorbed += kept;
            if (!passes) {
                continue;
            }
            w.addWeightedInputRow(nRows + k, lane.units, factor, shift, lane.unitRelevance);
            double m = tr.gate(s, k) * tr.recurrentCandidate(s, k);
            productRelevance[k] = m * factor;
            productSpread += shift;
        }
        // m = r ⊙ s, then s = W_hn h + b_hn, N = H
        for (int k = 0; k < hidden; k++) {
            double reset = tr.gate(s, k);
            double recurrent = tr.recurrentCandidate(s, k);
            absorbed += rules.split(reset, recurrent, productRelevance[k] + productSpread, shares);
            resetRelevance[k] = shares[0];
            recurrentRelevance[k] = shares[1];
        }
        for (int k = 0; k < hidden; k++) {
            double r = recurrentRelevance[k];
            if (r == 0) {
                continue;
            }
            boolean passes = epsilonRow(tr.recurrentCandidate(s, k), r, w.biasHh(nRows + k), hidden);
            absorbed += kept;
            if (passes) {
                w.addWeightedRecurrentRow(nRows + k, state, factor, shift, stateRelevance);
            }
        }
        // the gates r and z, N = D + H (nothing reaches them under ALL)
        for (int k = 0; k < hidden; k++) {
            lane.unitRelevance[inputs + k] = rh[s * hidden + k] + stateRelevance[k];
        }
        if (rules.gatesReceive()) {
            for (int j = 0; j < 2 * hidden; j++) {
                double r = j < hidden ? resetRelevance[j] : updateRelevance[j - hidden];
                if (r == 0) {
                    continue;
                }
                boolean passes = epsilonRow(tr.z(s, j), r, w.bias(j), inputs + hidden);
                absorbed += kept;
                if (passes) {
                    w.addWeightedGateRow(j, lane.units, factor, shift, lane.unitRelevance);
                }
            }
        }
        System.arraycopy(lane.unitRelevance, 0, lane.rx, xBase, inputs);
        System.arraycopy(lane.unitRelevance, inputs, rh, s * hidden, hidden);
        lane.absorbed = absorbed;
    }

    private void ensure(int hidden) {
        if (state.length < hidden) {
            candidateRelevance = new double[hidden];
            productRelevance = new double[hidden];
            resetRelevance = new double[hidden];
            updateRelevance = new double[hidden];
            recurrentRelevance = new double[hidden];
            state = new double[hidden];
            stateRelevance = new double[hidden];
        }
    }
}
