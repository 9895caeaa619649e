package dev.explainunit.explainers.internal;

import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;
import java.util.Arrays;

/**
 * LRP through one LSTM direction (paper section 2.3, appendix A.2), for several inputs side by side.
 * Per step s, backwards, with R_{h_s} the relevance reaching h_s (from the step after, and from the
 * layer above or the output layer):
 *
 * <pre>
 *   h_s = o ⊙ tanh(c_s)                 split by the rule: gate o → z_o, signal → c_s
 *   c_s = f ⊙ c_{s−1} + i ⊙ g          ε-rule with identity weights, no bias, N = 2H (the stabiliser's
 *                                       share spread over all 2H products, as the authors' code does)
 *   f ⊙ c_{s−1}, i ⊙ g                  split: gates f, i → z_f, z_i; signals → c_{s−1}, z_g (through tanh)
 *   z_j = W_ih x_t + W_hh h_{s−1} + b_j  ε-rule, N = D + H, for the rows that received relevance:
 *                                       the g rows for ALL (its gates get nothing), all 4H rows otherwise
 * </pre>
 *
 * Relevance passes unchanged through σ and tanh. The per-unit layers run in vector loops on buffers
 * from index 0; the gate layer adds four rows of [W_ih | W_hh] at a time for every input before the
 * next four, so each row is read once per step for the group. What biases and stabilisers keep is
 * added to the inputs' {@code absorbed} in a fixed order (per unit: the output products, the cell
 * sums, then each unit's forget and input products; per row of the gate layer). One thread; grows.
 */
final class LstmRelevance {

    private final RelevanceRules rules;
    /** H values each, from index 0. */
    private double[] output = new double[0];
    private double[] tanhCell = new double[0];
    private double[] stateRelevance = new double[0];
    private double[] cell = new double[0];
    private double[] cellBefore = new double[0];
    private double[] cellRelevance = new double[0];
    private double[] sign = new double[0];
    private double[] denominator = new double[0];
    private double[] coefficient = new double[0];
    private double[] spreadShare = new double[0];
    private double[] kept = new double[0];
    private double[] keptOutput = new double[0];
    private double[] keptForget = new double[0];
    private double[] input = new double[0];
    private double[] forget = new double[0];
    private double[] candidate = new double[0];
    private double[] forgetProduct = new double[0];
    private double[] inputProduct = new double[0];
    private double[] gateShare = new double[0];
    private double[] signalShare = new double[0];
    private double[] scratch = new double[0];
    /** GH values: the step's pre-activations, their relevance and the rows' biases. */
    private double[] preActivation = new double[0];
    private double[] rowRelevance = new double[0];
    private double[] rowSign = new double[0];
    private double[] rowDenominator = new double[0];
    private double[] rowBias = new double[0];
    private double[] rowKept = new double[0];
    private DirectionWeights biasOf;

    LstmRelevance(RelevanceRules rules) {
        this.rules = rules;
    }

    /**
     * Propagates the relevance in {@code lanes[b].rh} (rows 1..T: what reaches h_s from outside the
     * direction) through the pass of {@code w} recorded in {@code traces[b]}: adds the relevance of
     * each input row to {@code lanes[b].rx} and what is kept to {@code lanes[b].absorbed}, leaving
     * the initial states' relevance in row 0 of {@code rh} and {@code rc} (all modified).
     */
    void propagate(DirectionWeights w, DirectionTrace[] traces, RelevanceLane[] lanes, int count, boolean reversed) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int length = traces[0].steps();
        ensure(hidden);
        loadBias(w);
        boolean all = !rules.gatesReceive();
        int firstRow = all ? DirectionWeights.GATE_G * hidden : 0;
        int endRow = all ? firstRow + hidden : 4 * hidden;
        for (int b = 0; b < count; b++) {
            RelevanceLane lane = lanes[b];
            lane.ensure(length, hidden, 4 * hidden, inputs);
            Arrays.fill(lane.rc, length * hidden, (length + 1) * hidden, 0.0);
        }
        for (int s = length - 1; s >= 0; s--) {
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            for (int b = 0; b < count; b++) {
                RelevanceLane lane = lanes[b];
                productLayers(traces[b], s, lane);
                rowFactors(traces[b], s, firstRow, endRow, inputs + hidden, lane);
                System.arraycopy(lane.x, xBase, lane.units, 0, inputs);
                traces[b].copyH(s - 1, lane.units, inputs);
                System.arraycopy(lane.rx, xBase, lane.unitRelevance, 0, inputs);
                System.arraycopy(lane.rh, s * hidden, lane.unitRelevance, inputs, hidden);
            }
            int j = firstRow;
            for (; j + 3 < endRow; j += 4) {
                for (int b = 0; b < count; b++) {
                    RelevanceLane lane = lanes[b];
                    boolean[] active = lane.rowActive;
                    if (active[j] && active[j + 1] && active[j + 2] && active[j + 3]) {
                        w.addFourWeightedGateRows(j, lane.units, lane.rowFactor, lane.rowShift, j, lane.unitRelevance);
                    } else {
                        for (int u = j; u < j + 4; u++) {
                            addRow(w, u, lane);
                        }
                    }
                }
            }
            for (; j < endRow; j++) {
                for (int b = 0; b < count; b++) {
                    addRow(w, j, lanes[b]);
                }
            }
            for (int b = 0; b < count; b++) {
                RelevanceLane lane = lanes[b];
                System.arraycopy(lane.unitRelevance, 0, lane.rx, xBase, inputs);
                System.arraycopy(lane.unitRelevance, inputs, lane.rh, s * hidden, hidden);
            }
        }
    }

    private static void addRow(DirectionWeights w, int j, RelevanceLane lane) {
        if (lane.rowActive[j]) {
            w.addWeightedGateRow(j, lane.units, lane.rowFactor[j], lane.rowShift[j], lane.unitRelevance);
        }
    }

    /**
     * The per-unit layers of step s: the output product, the cell sum and its two products. Puts
     * the gate rows' relevance in {@code lane.rz}, R_{c_{s−1}} in {@code lane.rc} (R_{h_{s−1}}
     * keeps what reaches it from outside) and adds what is kept to {@code lane.absorbed}.
     */
    private void productLayers(DirectionTrace tr, int s, RelevanceLane lane) {
        int hidden = tr.hiddenSize();
        boolean all = !rules.gatesReceive();
        int cur = (s + 1) * hidden;
        int prev = s * hidden;
        double[] rz = lane.rz;
        double[] rc = lane.rc;
        double absorbed = lane.absorbed;
        // h_s = o ⊙ tanh(c_s); under ALL the signal takes everything and the gate row is not propagated
        if (all) {
            for (int k = 0; k < hidden; k++) {
                cellRelevance[k] = rc[cur + k] + lane.rh[cur + k];
            }
        } else {
            tr.copyGates(s, 3 * hidden, hidden, output, 0);
            tr.copyTanhC(s, tanhCell, 0);
            System.arraycopy(lane.rh, cur, stateRelevance, 0, hidden);
            rules.split(output, tanhCell, stateRelevance, hidden, gateShare, signalShare, keptOutput, denominator,
                    coefficient);
            System.arraycopy(gateShare, 0, rz, 3 * hidden, hidden);
            for (int k = 0; k < hidden; k++) {
                cellRelevance[k] = rc[cur + k] + signalShare[k];
            }
            absorbed = addKept(absorbed, keptOutput, hidden);
        }
        // c_s = f ⊙ c_{s−1} + i ⊙ g, ε-rule over the 2H products
        double eps = rules.eps();
        double biasFactor = rules.biasFactor();
        tr.copyC(s, cell, 0);
        for (int k = 0; k < hidden; k++) {
            sign[k] = RelevanceRules.sign(cell[k]);
        }
        for (int k = 0; k < hidden; k++) {
            denominator[k] = cell[k] + eps * sign[k];
        }
        for (int k = 0; k < hidden; k++) {
            coefficient[k] = cellRelevance[k] / denominator[k];
        }
        for (int k = 0; k < hidden; k++) {
            spreadShare[k] = biasFactor * eps * sign[k] / (2 * hidden) * coefficient[k];
        }
        for (int k = 0; k < hidden; k++) {
            kept[k] = (1 - biasFactor) * eps * sign[k] * coefficient[k];
        }
        double spread = 0;
        for (int k = 0; k < hidden; k++) {
            if (denominator[k] == 0) {
                absorbed += cellRelevance[k];
                coefficient[k] = 0;
            } else {
                spread += spreadShare[k];
                absorbed += kept[k];
            }
        }
        tr.copyGates(s, 0, hidden, input, 0);
        tr.copyGates(s, hidden, hidden, forget, 0);
        tr.copyGates(s, 2 * hidden, hidden, candidate, 0);
        tr.copyC(s - 1, cellBefore, 0);
        for (int k = 0; k < hidden; k++) {
            forgetProduct[k] = forget[k] * cellBefore[k] * coefficient[k] + spread;
        }
        for (int k = 0; k < hidden; k++) {
            inputProduct[k] = input[k] * candidate[k] * coefficient[k] + spread;
        }
        // f ⊙ c_{s−1} and i ⊙ g
        if (all) {
            System.arraycopy(forgetProduct, 0, rc, prev, hidden);
            System.arraycopy(inputProduct, 0, rz, 2 * hidden, hidden);
        } else {
            rules.split(forget, cellBefore, forgetProduct, hidden, gateShare, scratch, keptForget, denominator,
                    coefficient);
            System.arraycopy(gateShare, 0, rz, hidden, hidden);
            System.arraycopy(scratch, 0, rc, prev, hidden);
            rules.split(input, candidate, inputProduct, hidden, gateShare, signalShare, kept, denominator,
                    coefficient);
            System.arraycopy(gateShare, 0, rz, 0, hidden);
            System.arraycopy(signalShare, 0, rz, 2 * hidden, hidden);
            if (rules.split() != RelevanceRules.Split.HALF) {
                for (int k = 0; k < hidden; k++) {
                    absorbed += keptForget[k];
                    absorbed += kept[k];
                }
            }
        }
        lane.absorbed = absorbed;
    }

    /**
     * The ε-rule factors of gate rows [from, to) of step s, R_e += u_e · w_je · a + b: a = R_j /
     * (z_j + ε·sign z_j) to {@code lane.rowFactor[j]}, b = β·(b_j + ε·sign z_j) / N · a to
     * {@code lane.rowShift[j]}, and whether the row passes anything down (not where R_j = 0 or the
     * denominator is 0); what the row keeps is added to {@code lane.absorbed}, row by row.
     */
    private void rowFactors(DirectionTrace tr, int s, int from, int to, int units, RelevanceLane lane) {
        int n = to - from;
        double eps = rules.eps();
        double biasFactor = rules.biasFactor();
        tr.copyZ(s, from, n, preActivation, 0);
        System.arraycopy(lane.rz, from, rowRelevance, 0, n);
        for (int k = 0; k < n; k++) {
            rowSign[k] = RelevanceRules.sign(preActivation[k]);
        }
        for (int k = 0; k < n; k++) {
            rowDenominator[k] = preActivation[k] + eps * rowSign[k];
        }
        double[] factor = lane.rowFactor;
        double[] shift = lane.rowShift;
        for (int k = 0; k < n; k++) {
            coefficient[k] = rowRelevance[k] / rowDenominator[k];
        }
        for (int k = 0; k < n; k++) {
            rowKept[k] = rowBias[from + k] + eps * rowSign[k];
        }
        for (int k = 0; k < n; k++) {
            spreadShare[k] = biasFactor * rowKept[k] / units * coefficient[k];
        }
        for (int k = 0; k < n; k++) {
            rowKept[k] = (1 - biasFactor) * rowKept[k] * coefficient[k];
        }
        System.arraycopy(coefficient, 0, factor, from, n);
        System.arraycopy(spreadShare, 0, shift, from, n);
        boolean[] active = lane.rowActive;
        double absorbed = lane.absorbed;
        for (int k = 0; k < n; k++) {
            active[from + k] = false;
            if (rowRelevance[k] != 0) {
                if (rowDenominator[k] == 0) {
                    absorbed += rowRelevance[k];
                } else {
                    absorbed += rowKept[k];
                    active[from + k] = true;
                }
            }
        }
        lane.absorbed = absorbed;
    }

    /** {@code absorbed} plus kept[0 .. n), one at a time; nothing for HALF, whose splits keep nothing. */
    private double addKept(double absorbed, double[] kept, int n) {
        if (rules.split() == RelevanceRules.Split.HALF) {
            return absorbed;
        }
        for (int k = 0; k < n; k++) {
            absorbed += kept[k];
        }
        return absorbed;
    }

    private void loadBias(DirectionWeights w) {
        if (w != biasOf) {
            for (int j = 0; j < 4 * w.hiddenSize(); j++) {
                rowBias[j] = w.bias(j);
            }
            biasOf = w;
        }
    }

    private void ensure(int hidden) {
        if (output.length < hidden) {
            output = new double[hidden];
            tanhCell = new double[hidden];
            stateRelevance = new double[hidden];
            cell = new double[hidden];
            cellBefore = new double[hidden];
            cellRelevance = new double[hidden];
            sign = new double[hidden];
            kept = new double[hidden];
            keptOutput = new double[hidden];
            keptForget = new double[hidden];
            input = new double[hidden];
            forget = new double[hidden];
            candidate = new double[hidden];
            forgetProduct = new double[hidden];
            inputProduct = new double[hidden];
            gateShare = new double[hidden];
            signalShare = new double[hidden];
            scratch = new double[hidden];
        }
        int rows = 4 * hidden;
        if (denominator.length < rows) {
            denominator = new double[rows];
            coefficient = new double[rows];
            spreadShare = new double[rows];
            preActivation = new double[rows];
            rowRelevance = new double[rows];
            rowSign = new double[rows];
            rowDenominator = new double[rows];
            rowBias = new double[rows];
            rowKept = new double[rows];
            biasOf = null;
        }
    }
}
