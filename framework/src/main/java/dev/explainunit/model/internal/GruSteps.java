package dev.explainunit.model.internal;

import dev.explainunit.model.Activations;

/**
 * The GRU cell's elementwise steps (PyTorch {@code nn.GRU}, gate order r, z, n), given the input
 * projection p = b_ih + W_ih x_t and the recurrent one q = b_hh + W_hh h_{t−1}:
 *
 * <pre>
 *   forward:   r = σ(p_r + q_r)   z = σ(p_z + q_z)   s = q_n   a = p_n + r ⊙ s   n = tanh(a)
 *              h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 *   backward:  δa = δh_t ⊙ (1 − z) ⊙ (1 − n²)
 *              δ(p_z) = δ(q_z) = δh_t ⊙ (h_{t−1} − n) ⊙ z(1 − z)
 *              δ(p_r) = δ(q_r) = δa ⊙ s ⊙ r(1 − r)
 *              δ(p_n) = δa      δ(q_n) = δa ⊙ r      directly to h_{t−1}: δh_t ⊙ z
 * </pre>
 *
 * so that ∂/∂x_t = W_ihᵀ δp and ∂/∂h_{t−1} = W_hhᵀ δq + δh_t ⊙ z.
 */
final class GruSteps extends CellSteps {

    private double[] exponential = new double[0];
    private double[] activation = new double[0];
    private double[] reset = new double[0];
    private double[] update = new double[0];
    private double[] recurrentPart = new double[0];
    private double[] candidateInput = new double[0];
    private double[] candidate = new double[0];
    private double[] stateBefore = new double[0];
    private double[] stateAfter = new double[0];
    private double[] candidateGradient = new double[0];

    private void ensure(int hidden) {
        if (reset.length < hidden) {
            exponential = new double[3 * hidden];
            activation = new double[3 * hidden];
            reset = new double[hidden];
            update = new double[hidden];
            recurrentPart = new double[hidden];
            candidateInput = new double[hidden];
            candidate = new double[hidden];
            stateBefore = new double[hidden];
            stateAfter = new double[hidden];
            candidateGradient = new double[hidden];
        }
    }

    @Override
    boolean sumsProjections() {
        return false;
    }

    @Override
    void forward(DirectionRecord record, int s, double[] sum) {
        int hidden = record.hidden;
        ensure(hidden);
        int rows = 3 * hidden;
        int nRows = 2 * hidden;
        int gateAt = s * rows;
        double[] projection = record.projection[s];
        double[] e = exponential;
        double[] act = activation;
        for (int j = 0; j < nRows; j++) {
            act[j] = projection[j] + sum[j];
        }
        System.arraycopy(act, 0, record.z, gateAt, nRows);
        for (int j = 0; j < nRows; j++) {
            e[j] = Math.exp(-act[j]);
        }
        for (int j = 0; j < nRows; j++) {
            act[j] = 1.0 / (1.0 + e[j]);
        }
        System.arraycopy(act, 0, reset, 0, hidden);
        System.arraycopy(act, hidden, update, 0, hidden);
        System.arraycopy(sum, nRows, recurrentPart, 0, hidden);
        System.arraycopy(projection, nRows, candidateInput, 0, hidden);
        for (int k = 0; k < hidden; k++) {
            candidateInput[k] = candidateInput[k] + reset[k] * recurrentPart[k];
        }
        for (int k = 0; k < hidden; k++) {
            e[k] = Math.exp(-2 * Math.abs(candidateInput[k]));
        }
        Activations.tanhOfLayers(candidateInput, e, candidate, 0, hidden);
        System.arraycopy(record.h, s * hidden, stateBefore, 0, hidden);
        for (int k = 0; k < hidden; k++) {
            stateAfter[k] = (1 - update[k]) * candidate[k] + update[k] * stateBefore[k];
        }
        System.arraycopy(candidateInput, 0, record.z, gateAt + nRows, hidden);
        System.arraycopy(act, 0, record.gate, gateAt, nRows);
        System.arraycopy(candidate, 0, record.gate, gateAt + nRows, hidden);
        System.arraycopy(recurrentPart, 0, record.recurrentCandidate, s * hidden, hidden);
        System.arraycopy(stateAfter, 0, record.h, (s + 1) * hidden, hidden);
    }

    @Override
    void backward(DirectionRecord record, int s) {
        int hidden = record.hidden;
        ensure(hidden);
        int gateAt = s * 3 * hidden;
        double[] dh = record.dh;
        double[] dp = record.dp;
        double[] dq = record.dq;
        double[] updateGradient = stateAfter;
        double[] resetGradient = activation;
        System.arraycopy(record.gate, gateAt, reset, 0, hidden);
        System.arraycopy(record.gate, gateAt + hidden, update, 0, hidden);
        System.arraycopy(record.gate, gateAt + 2 * hidden, candidate, 0, hidden);
        System.arraycopy(record.recurrentCandidate, s * hidden, recurrentPart, 0, hidden);
        System.arraycopy(record.h, s * hidden, stateBefore, 0, hidden);
        for (int k = 0; k < hidden; k++) {
            candidateGradient[k] = dh[k] * (1 - update[k]) * (1 - candidate[k] * candidate[k]);
        }
        for (int k = 0; k < hidden; k++) {
            updateGradient[k] = dh[k] * (stateBefore[k] - candidate[k]) * update[k] * (1 - update[k]);
        }
        for (int k = 0; k < hidden; k++) {
            resetGradient[k] = candidateGradient[k] * recurrentPart[k] * reset[k] * (1 - reset[k]);
        }
        for (int k = 0; k < hidden; k++) {
            record.dhDirect[k] = dh[k] * update[k];
        }
        for (int k = 0; k < hidden; k++) {
            exponential[k] = candidateGradient[k] * reset[k];
        }
        System.arraycopy(resetGradient, 0, dp, 0, hidden);
        System.arraycopy(updateGradient, 0, dp, hidden, hidden);
        System.arraycopy(candidateGradient, 0, dp, 2 * hidden, hidden);
        System.arraycopy(resetGradient, 0, dq, 0, hidden);
        System.arraycopy(updateGradient, 0, dq, hidden, hidden);
        System.arraycopy(exponential, 0, dq, 2 * hidden, hidden);
    }
}
