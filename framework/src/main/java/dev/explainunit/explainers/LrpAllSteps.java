package dev.explainunit.explainers;

import dev.explainunit.lstm.DirectionTrace;
import dev.explainunit.lstm.LstmDirection;
import java.util.Arrays;

/**
 * The per-unit layers of one step of {@link LrpRule#ALL} for the batch path ({@link LrpBatches}),
 * on buffers that start at index 0 so that the JIT runs them in vector instructions: the values of
 * {@code LrpExplainer.productLayers} and {@code LrpExplainer.rowFactors} under that rule, bit for
 * bit, with the stabilisers' and biases' shares added to {@code absorbed} one at a time in the same
 * order (those loops stay scalar). Where the one-input path branches on sign z, this computes
 * sign z = 1 + 2·max(−1, min(0, ⌊z⌋)), which is ±1 exactly as {@code z >= 0 ? 1 : −1} for every
 * z but NaN (there every value that depends on it is NaN on both paths). One thread; grows.
 */
final class LrpAllSteps {

    private final double eps;
    private final double biasFactor;
    /** H values each, from index 0. */
    private double[] cell = new double[0];
    private double[] cellBefore = new double[0];
    private double[] cellRelevance = new double[0];
    private double[] sign = new double[0];
    private double[] denominator = new double[0];
    private double[] coefficient = new double[0];
    private double[] spreadShare = new double[0];
    private double[] absorbedShare = new double[0];
    private double[] input = new double[0];
    private double[] forget = new double[0];
    private double[] candidate = new double[0];
    private double[] forgetProduct = new double[0];
    private double[] inputProduct = new double[0];
    private double[] preActivation = new double[0];
    private double[] biasAndStabiliser = new double[0];
    /** The g rows' biases b_j of the direction {@link #biasDirection}. */
    private double[] candidateBias = new double[0];
    private LstmDirection biasDirection;

    LrpAllSteps(double eps, double biasFactor) {
        this.eps = eps;
        this.biasFactor = biasFactor;
    }

    /**
     * {@code LrpExplainer.productLayers} under {@link LrpRule#ALL} for step s of {@code tr}: all of
     * R_{h_s} to c_s, then c_s = f ⊙ c_{s−1} + i ⊙ g split in proportion with the stabiliser's
     * share spread over its 2H terms; R_{c_{s−1}} to {@code ws.rc}, R_{h_{s−1}} zeroed, and the
     * g block's relevance kept for {@link #gateRowFactors} (same lane, next call).
     */
    double productLayers(DirectionTrace tr, int s, LrpWorkspace ws, double absorbed) {
        int hidden = tr.hiddenSize();
        ensure(hidden);
        int cur = (s + 1) * hidden;
        int prev = s * hidden;
        double[] rh = ws.rh;
        double[] rc = ws.rc;
        for (int k = 0; k < hidden; k++) {
            rc[cur + k] += rh[cur + k];
        }
        Arrays.fill(rh, prev, prev + hidden, 0.0);
        // the output gate's product kept nothing, H times + 0
        absorbed += 0.0;
        tr.copyC(s, cell, 0);
        System.arraycopy(rc, cur, cellRelevance, 0, hidden);
        stabilisedQuotients(cellRelevance, cell, coefficient, hidden);
        for (int k = 0; k < hidden; k++) {
            spreadShare[k] = biasFactor * eps * sign[k] / (2 * hidden) * coefficient[k];
        }
        for (int k = 0; k < hidden; k++) {
            absorbedShare[k] = (1 - biasFactor) * eps * sign[k] * coefficient[k];
        }
        double spread = 0;
        for (int k = 0; k < hidden; k++) {
            if (denominator[k] == 0) {
                absorbed += cellRelevance[k];
                coefficient[k] = 0;
            } else {
                spread += spreadShare[k];
                absorbed += absorbedShare[k];
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
        // the two gates' products kept nothing, 2H times + 0
        absorbed += 0.0;
        System.arraycopy(forgetProduct, 0, rc, prev, hidden);
        return absorbed;
    }

    /**
     * {@code LrpExplainer.rowFactors} for the g rows 2H + k of step s, from the relevance the last
     * {@link #productLayers} gave them: row k's a to {@code ws.gateRowFactor[k]}, b to
     * {@code ws.gateRowShift[k]} and whether it passes relevance down to {@code ws.gateRowActive[k]}
     * (modified). Returns {@code absorbed} plus the rows' bias and stabiliser shares, row by row.
     */
    double gateRowFactors(LstmDirection w, DirectionTrace tr, int s, int gateLayerUnits, LrpWorkspace ws,
                          double absorbed) {
        int hidden = tr.hiddenSize();
        loadCandidateBias(w);
        double[] r = inputProduct;
        double[] factor = ws.gateRowFactor;
        double[] shift = ws.gateRowShift;
        tr.copyZ(s, 2 * hidden, hidden, preActivation, 0);
        stabilisedQuotients(r, preActivation, factor, hidden);
        for (int k = 0; k < hidden; k++) {
            biasAndStabiliser[k] = candidateBias[k] + eps * sign[k];
        }
        for (int k = 0; k < hidden; k++) {
            shift[k] = biasFactor * biasAndStabiliser[k] / gateLayerUnits * factor[k];
        }
        for (int k = 0; k < hidden; k++) {
            absorbedShare[k] = (1 - biasFactor) * biasAndStabiliser[k] * factor[k];
        }
        boolean[] active = ws.gateRowActive;
        for (int k = 0; k < hidden; k++) {
            active[k] = false;
            if (r[k] != 0) {
                if (denominator[k] == 0) {
                    absorbed += r[k];
                } else {
                    absorbed += absorbedShare[k];
                    active[k] = true;
                }
            }
        }
        return absorbed;
    }

    /**
     * The ε-rule's division of a layer's units, k &lt; n: sign[k] = z[k] ≥ 0 ? 1 : −1 (NaN for NaN,
     * without a branch), denominator[k] = z[k] + ε·sign[k] and quotient[k] = r[k] / denominator[k]
     * (all modified; a zero denominator is for the caller to handle).
     */
    private void stabilisedQuotients(double[] r, double[] z, double[] quotient, int n) {
        for (int k = 0; k < n; k++) {
            sign[k] = 1 + 2 * Math.max(-1.0, Math.min(0.0, Math.floor(z[k])));
        }
        for (int k = 0; k < n; k++) {
            denominator[k] = z[k] + eps * sign[k];
        }
        for (int k = 0; k < n; k++) {
            quotient[k] = r[k] / denominator[k];
        }
    }

    private void loadCandidateBias(LstmDirection w) {
        if (w != biasDirection) {
            int hidden = w.hiddenSize();
            for (int k = 0; k < hidden; k++) {
                candidateBias[k] = w.bias(LstmDirection.GATE_G * hidden + k);
            }
            biasDirection = w;
        }
    }

    private void ensure(int hidden) {
        if (cell.length < hidden) {
            cell = new double[hidden];
            cellBefore = new double[hidden];
            cellRelevance = new double[hidden];
            sign = new double[hidden];
            denominator = new double[hidden];
            coefficient = new double[hidden];
            spreadShare = new double[hidden];
            absorbedShare = new double[hidden];
            input = new double[hidden];
            forget = new double[hidden];
            candidate = new double[hidden];
            forgetProduct = new double[hidden];
            inputProduct = new double[hidden];
            preActivation = new double[hidden];
            biasAndStabiliser = new double[hidden];
            candidateBias = new double[hidden];
            biasDirection = null;
        }
    }
}
