package dev.explainunit.explainers;

import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentLayer;
import dev.explainunit.model.RecurrentNetwork;

/**
 * LRP written out by brute force from DESIGN ("Method conventions", "Recurrent layers and cells"),
 * sharing no code with {@link LrpExplainer}: explicit weight matrices, and every layer of every
 * cell, one layer, direction and step at a time, as the authors' dense
 * {@code lrp_linear} over its lower units (identity matrices for the products' sums), each
 * product split by the rule. What every layer keeps, and what reaches the initial states of every
 * layer and direction, is added up as the rest. LRP redistributes a given forward pass, whose
 * values (pre-activations, gates, states) are taken from the recorded trace: with ε = 0 a relevance
 * is divided by pre-activations near 0, and two forward passes differing in their last bits would
 * differ there far beyond rounding (the forward pass is pinned by the model's own tests).
 *
 * <pre>
 *   linear layer   R_i = Σ_j (z_i·w_ij + β·(b_j + ε·sign z_j) / N) / (z_j + ε·sign z_j) · R_j,  sign(0) = +1,
 *                  N = its lower units; nothing passed where z_j + ε·sign z_j = 0
 *   output layer   the same with b = 0 (fc.bias is not redistributed), R_c = f_c(x)
 *   products       ALL: gate 0, signal R;  PROP: x / (g + s + ε·sign(g + s)) · R;  ABS: |x| / (|g| + |s| + ε) · R;
 *                  HALF: R / 2 each
 * </pre>
 */
final class ReferenceLrp {

    /** R_{t,d} of the network's input and the rest. */
    record Result(double[][] relevance, double rest) {
    }

    private final LrpRule rule;
    private final double eps;
    private final double biasFactor;
    /** Everything kept so far: biases' and stabilisers' shares, zero denominators, initial states. */
    private double rest;

    private ReferenceLrp(LrpRule rule, double eps, double biasFactor) {
        this.rule = rule;
        this.eps = eps;
        this.biasFactor = biasFactor;
    }

    static Result explain(RecurrentNetwork model, Sequence x, int target, LrpRule rule, double eps,
                          double biasFactor) {
        return new ReferenceLrp(rule, eps, biasFactor).run(model, x, target);
    }

    private Result run(RecurrentNetwork model, Sequence x, int target) {
        int layers = model.layerCount();
        int length = x.length();
        int hidden = model.hiddenSize();
        boolean bidirectional = model.isBidirectional();
        NetworkTrace trace = model.forward(x, model.newTrace());
        // each direction's recorded steps, with the rows its layer read
        Step[][][] steps = new Step[layers][2][];
        for (int k = 0; k < layers; k++) {
            double[][] input = new double[length][trace.layerInputWidth(k)];
            for (int t = 0; t < length; t++) {
                for (int d = 0; d < input[t].length; d++) {
                    input[t][d] = trace.layerInput(k, t, d);
                }
            }
            steps[k][0] = steps(trace.forward(k), input, false);
            if (bidirectional) {
                steps[k][1] = steps(trace.reverse(k), input, true);
            }
        }
        // the output layer: f_c = fc.weight_c · [forward h_T ; reverse h_T] + fc.bias_c
        double[] finalState = steps[layers - 1][0][length - 1].h.clone();
        if (bidirectional) {
            finalState = concat(finalState, steps[layers - 1][1][length - 1].h);
        }
        int features = finalState.length;
        double[][] fc = new double[features][1];
        for (int i = 0; i < features; i++) {
            fc[i][0] = model.fcWeight(target, i);
        }
        double f = trace.output(target);
        double[] finalRelevance = linear(finalState, fc, new double[1], new double[] {model.fcBias(target)},
                new double[] {f}, new double[] {f}, features);
        // relevance reaching each layer's output rows from above, [t][F]; the last layer's final
        // state is its forward half of row T − 1 and its reverse half of row 0
        double[][] fromAbove = new double[length][features];
        System.arraycopy(finalRelevance, 0, fromAbove[length - 1], 0, hidden);
        if (bidirectional) {
            System.arraycopy(finalRelevance, hidden, fromAbove[0], hidden, hidden);
        }
        for (int k = layers - 1; k >= 0; k--) {
            RecurrentLayer layer = model.layer(k);
            double[][] toInput = new double[length][trace.layerInputWidth(k)];
            double[][] outside = new double[length][hidden];
            for (int s = 0; s < length; s++) {
                System.arraycopy(fromAbove[s], 0, outside[s], 0, hidden);
            }
            backward(layer.forward(), steps[k][0], outside, toInput, false);
            if (bidirectional) {
                for (int s = 0; s < length; s++) {
                    // the reverse direction's step s wrote row T − 1 − s of the layer's output
                    System.arraycopy(fromAbove[length - 1 - s], hidden, outside[s], 0, hidden);
                }
                backward(layer.reverse(), steps[k][1], outside, toInput, true);
            }
            fromAbove = toInput;
        }
        return new Result(fromAbove, rest);
    }

    /** What one step of one direction computed. */
    private static final class Step {
        double[] input;
        double[] hBefore;
        double[] cBefore;
        /** LSTM: the 4H pre-activations and activations. GRU: r and z rows' pre-activations and activations. */
        double[] pre;
        double[] act;
        /** GRU: s = W_hn h + b_hn, a = W_in x + b_in + r ⊙ s, n = tanh a. */
        double[] recurrentPart;
        double[] a;
        double[] n;
        double[] c;
        double[] h;
    }

    /** The steps of one recorded direction, each with the input row it read. */
    private static Step[] steps(DirectionTrace tr, double[][] input, boolean reversed) {
        int length = input.length;
        int hidden = tr.hiddenSize();
        boolean lstm = tr.kind() == CellKind.LSTM;
        Step[] steps = new Step[length];
        for (int s = 0; s < length; s++) {
            Step step = new Step();
            step.input = input[reversed ? length - 1 - s : s];
            step.hBefore = states(tr, s - 1, false);
            step.h = states(tr, s, false);
            int gates = lstm ? 4 * hidden : 2 * hidden;
            step.pre = new double[gates];
            step.act = new double[gates];
            for (int j = 0; j < gates; j++) {
                step.pre[j] = tr.z(s, j);
                step.act[j] = tr.gate(s, j);
            }
            if (lstm) {
                step.cBefore = states(tr, s - 1, true);
                step.c = states(tr, s, true);
            } else {
                step.recurrentPart = new double[hidden];
                step.a = new double[hidden];
                step.n = new double[hidden];
                for (int k = 0; k < hidden; k++) {
                    step.recurrentPart[k] = tr.recurrentCandidate(s, k);
                    step.a[k] = tr.z(s, 2 * hidden + k);
                    step.n[k] = tr.gate(s, 2 * hidden + k);
                }
            }
            steps[s] = step;
        }
        return steps;
    }

    /** h (or c) after step s, s = −1 the initial state. */
    private static double[] states(DirectionTrace tr, int s, boolean cell) {
        double[] v = new double[tr.hiddenSize()];
        for (int k = 0; k < v.length; k++) {
            v[k] = cell ? tr.c(s, k) : tr.h(s, k);
        }
        return v;
    }

    /**
     * One direction's steps backwards: {@code outside[s]} reaches h_s from above (the output layer
     * or the layer above); the relevance of each step's input row is added to {@code toInput} at the
     * row the step read; what reaches h_0 (and c_0) is rest.
     */
    private void backward(DirectionWeights w, Step[] steps, double[][] outside, double[][] toInput, boolean reversed) {
        int length = steps.length;
        int hidden = w.hiddenSize();
        double[] rh = new double[hidden];
        double[] rc = new double[hidden];
        for (int s = length - 1; s >= 0; s--) {
            for (int k = 0; k < hidden; k++) {
                rh[k] += outside[s][k];
            }
            double[][] step = w.kind() == CellKind.LSTM ? lstmStep(w, steps[s], rh, rc) : gruStep(w, steps[s], rh);
            double[] rx = step[0];
            double[] row = toInput[reversed ? length - 1 - s : s];
            for (int d = 0; d < rx.length; d++) {
                row[d] += rx[d];
            }
            rh = step[1];
            rc = w.kind() == CellKind.LSTM ? step[2] : rc;
        }
        for (int k = 0; k < hidden; k++) {
            rest += rh[k] + rc[k];
        }
    }

    /** LSTM step: returns R of the input row, of h_{s−1} and of c_{s−1}, given R of h_s and R of c_s from step s + 1. */
    private double[][] lstmStep(DirectionWeights w, Step step, double[] rh, double[] rcCarried) {
        int hidden = w.hiddenSize();
        int inputs = step.input.length;
        double[] ri = new double[hidden];
        double[] rf = new double[hidden];
        double[] rg = new double[hidden];
        double[] ro = new double[hidden];
        double[] rc = new double[hidden];
        // h_s = o ⊙ tanh(c_s)
        for (int k = 0; k < hidden; k++) {
            double[] split = split(step.act[3 * hidden + k], Math.tanh(step.c[k]), rh[k]);
            ro[k] = split[0];
            rc[k] = rcCarried[k] + split[1];
        }
        // c_s = f ⊙ c_{s−1} + i ⊙ g: the 2H products, identity weights, no bias, N = 2H
        double[] products = new double[2 * hidden];
        double[][] identities = new double[2 * hidden][hidden];
        for (int k = 0; k < hidden; k++) {
            products[k] = step.act[hidden + k] * step.cBefore[k];
            products[hidden + k] = step.act[k] * step.act[2 * hidden + k];
            identities[k][k] = 1;
            identities[hidden + k][k] = 1;
        }
        double[] productRelevance = linear(products, identities, new double[hidden], new double[hidden], step.c, rc,
                2 * hidden);
        double[] rcBefore = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            double[] forget = split(step.act[hidden + k], step.cBefore[k], productRelevance[k]);
            rf[k] = forget[0];
            rcBefore[k] = forget[1];
            double[] input = split(step.act[k], step.act[2 * hidden + k], productRelevance[hidden + k]);
            ri[k] = input[0];
            rg[k] = input[1];
        }
        // the gates' pre-activations over [x_t | h_{s−1}], N = D + H
        int rows = 4 * hidden;
        double[] units = concat(step.input, step.hBefore);
        double[][] weights = new double[inputs + hidden][rows];
        double[] bias = new double[rows];
        for (int j = 0; j < rows; j++) {
            for (int d = 0; d < inputs; d++) {
                weights[d][j] = w.weightIh(j, d);
            }
            for (int q = 0; q < hidden; q++) {
                weights[inputs + q][j] = w.weightHh(j, q);
            }
            bias[j] = w.biasIh(j) + w.biasHh(j);
        }
        double[] rz = concat(concat(ri, rf), concat(rg, ro));
        double[] unitRelevance = linear(units, weights, bias, bias, step.pre, rz, inputs + hidden);
        return new double[][] {java.util.Arrays.copyOfRange(unitRelevance, 0, inputs),
                java.util.Arrays.copyOfRange(unitRelevance, inputs, inputs + hidden), rcBefore};
    }

    /** GRU step: returns R of the input row and of h_{s−1}, given R of h_s. */
    private double[][] gruStep(DirectionWeights w, Step step, double[] rh) {
        int hidden = w.hiddenSize();
        int inputs = step.input.length;
        // h_s = u + v, u = (1 − z) ⊙ n, v = z ⊙ h_{s−1}: identity weights, no bias, N = 2H
        double[] products = new double[2 * hidden];
        double[][] identities = new double[2 * hidden][hidden];
        for (int k = 0; k < hidden; k++) {
            double z = step.act[hidden + k];
            products[k] = (1 - z) * step.n[k];
            products[hidden + k] = z * step.hBefore[k];
            identities[k][k] = 1;
            identities[hidden + k][k] = 1;
        }
        double[] productRelevance = linear(products, identities, new double[hidden], new double[hidden], step.h, rh,
                2 * hidden);
        double[] rr = new double[hidden];
        double[] rz = new double[hidden];
        double[] rn = new double[hidden];
        double[] rhBefore = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            double z = step.act[hidden + k];
            double[] u = split(1 - z, step.n[k], productRelevance[k]);
            double[] v = split(z, step.hBefore[k], productRelevance[hidden + k]);
            rz[k] = u[0] + v[0];
            rn[k] = u[1];
            rhBefore[k] = v[1];
        }
        // a = W_in x + b_in + m over [x_t | m] (m one-to-one, weight 1), bias b_in, N = D + H
        double[] m = new double[hidden];
        double[][] candidateWeights = new double[inputs + hidden][hidden];
        double[] candidateBias = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            int row = 2 * hidden + k;
            m[k] = step.act[k] * step.recurrentPart[k];
            for (int d = 0; d < inputs; d++) {
                candidateWeights[d][k] = w.weightIh(row, d);
            }
            candidateWeights[inputs + k][k] = 1;
            candidateBias[k] = w.biasIh(row);
        }
        double[] candidateRelevance = linear(concat(step.input, m), candidateWeights, candidateBias, candidateBias,
                step.a, rn, inputs + hidden);
        double[] rx = java.util.Arrays.copyOfRange(candidateRelevance, 0, inputs);
        // m = r ⊙ s: gate r, signal s; s = W_hn h + b_hn over h, N = H
        double[] rs = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            double[] split = split(step.act[k], step.recurrentPart[k], candidateRelevance[inputs + k]);
            rr[k] = split[0];
            rs[k] = split[1];
        }
        double[][] recurrentWeights = new double[hidden][hidden];
        double[] recurrentBias = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            for (int q = 0; q < hidden; q++) {
                recurrentWeights[q][k] = w.weightHh(2 * hidden + k, q);
            }
            recurrentBias[k] = w.biasHh(2 * hidden + k);
        }
        double[] fromRecurrentPart = linear(step.hBefore, recurrentWeights, recurrentBias, recurrentBias,
                step.recurrentPart, rs, hidden);
        // the gates r, z over [x_t | h_{s−1}], bias b_i· + b_h·, N = D + H (under ALL they hold no relevance)
        double[][] gateWeights = new double[inputs + hidden][2 * hidden];
        double[] gateBias = new double[2 * hidden];
        for (int j = 0; j < 2 * hidden; j++) {
            for (int d = 0; d < inputs; d++) {
                gateWeights[d][j] = w.weightIh(j, d);
            }
            for (int q = 0; q < hidden; q++) {
                gateWeights[inputs + q][j] = w.weightHh(j, q);
            }
            gateBias[j] = w.biasIh(j) + w.biasHh(j);
        }
        double[] fromGates = linear(concat(step.input, step.hBefore), gateWeights, gateBias, gateBias, step.pre,
                concat(rr, rz), inputs + hidden);
        for (int d = 0; d < inputs; d++) {
            rx[d] += fromGates[d];
        }
        for (int k = 0; k < hidden; k++) {
            rhBefore[k] += fromRecurrentPart[k] + fromGates[inputs + k];
        }
        return new double[][] {rx, rhBefore};
    }

    /**
     * The ε-rule over lower units {@code in} (weights {@code w[i][j]}, redistributed bias {@code b},
     * upper values {@code out} computed with bias {@code biasInOut}), N lower units; adds what is not
     * redistributed, b_j's and ε's share, or all of R_j at a zero denominator, to the rest.
     */
    private double[] linear(double[] in, double[][] w, double[] b, double[] biasInOut, double[] out, double[] rout,
                            int n) {
        double[] rin = new double[in.length];
        for (int j = 0; j < out.length; j++) {
            double sign = out[j] >= 0 ? 1 : -1;
            double den = out[j] + eps * sign;
            if (den == 0) {
                rest += rout[j];
                continue;
            }
            for (int i = 0; i < in.length; i++) {
                double numerator = in[i] * w[i][j] + biasFactor * (b[j] + eps * sign) / n;
                rin[i] += numerator / den * rout[j];
            }
            rest += (biasInOut[j] + eps * sign - biasFactor * (b[j] + eps * sign)) / den * rout[j];
        }
        return rin;
    }

    /** Relevance r of gate · signal: {gate's share, signal's share}; the stabiliser's share goes to the rest. */
    private double[] split(double gate, double signal, double r) {
        switch (rule) {
            case ALL:
                return new double[] {0, r};
            case HALF:
                return new double[] {r / 2, r / 2};
            case PROP: {
                double sum = gate + signal;
                double stabiliser = eps * (sum >= 0 ? 1 : -1);
                double den = sum + stabiliser;
                if (den == 0) {
                    rest += r;
                    return new double[] {0, 0};
                }
                rest += stabiliser / den * r;
                return new double[] {gate / den * r, signal / den * r};
            }
            default: {
                double den = Math.abs(gate) + Math.abs(signal) + eps;
                if (den == 0) {
                    rest += r;
                    return new double[] {0, 0};
                }
                rest += eps / den * r;
                return new double[] {Math.abs(gate) / den * r, Math.abs(signal) / den * r};
            }
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] ab = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, ab, a.length, b.length);
        return ab;
    }
}
