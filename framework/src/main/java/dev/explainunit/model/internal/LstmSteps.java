package dev.explainunit.model.internal;

/**
 * The LSTM cell's elementwise steps (paper appendix A.1, PyTorch {@code nn.LSTM}, gate order
 * i, f, g, o):
 *
 * <pre>
 *   forward:   z = (b + W_ih x_t) + W_hh h_{t−1}      i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)
 *              c_t = f ⊙ c_{t−1} + i ⊙ g            h_t = o ⊙ tanh(c_t)
 *   backward:  δc_t = δc + δh_t ⊙ o ⊙ (1 − tanh² c_t)      (δc = δc_{t+1} ⊙ f_{t+1}, 0 at t = T)
 *              δz_i = δc_t ⊙ g ⊙ i(1−i)    δz_f = δc_t ⊙ c_{t−1} ⊙ f(1−f)
 *              δz_g = δc_t ⊙ i ⊙ (1−g²)    δz_o = δh_t ⊙ tanh c_t ⊙ o(1−o)
 *              carried δc = δc_t ⊙ f;  both projections' δ are δz
 * </pre>
 *
 * The exponentials' arguments are computed in vector loops first and {@link Math#exp} called in one
 * loop over the 4H gates; tanh is {@link dev.explainunit.model.Activations#tanhOfLayers}.
 */
final class LstmSteps extends CellSteps {

    /** 4H exponentials and activations of one step. */
    private double[] exponential = new double[0];
    private double[] activation = new double[0];
    /** H values each: the gates i, f, g, o, c_{t−1}, c_t, tanh c_t and h_t (forward) or δ's (backward). */
    private double[] input = new double[0];
    private double[] forget = new double[0];
    private double[] candidate = new double[0];
    private double[] output = new double[0];
    private double[] cellBefore = new double[0];
    private double[] cellAfter = new double[0];
    private double[] tanhCell = new double[0];
    private double[] state = new double[0];
    private double[] candidateGradient = new double[0];
    private double[] outputGradient = new double[0];

    private void ensure(int hidden) {
        if (input.length < hidden) {
            exponential = new double[4 * hidden];
            activation = new double[4 * hidden];
            input = new double[hidden];
            forget = new double[hidden];
            candidate = new double[hidden];
            output = new double[hidden];
            cellBefore = new double[hidden];
            cellAfter = new double[hidden];
            tanhCell = new double[hidden];
            state = new double[hidden];
            candidateGradient = new double[hidden];
            outputGradient = new double[hidden];
        }
    }

    @Override
    boolean sumsProjections() {
        return true;
    }

    @Override
    void forward(DirectionRecord record, int s, double[] sum) {
        int hidden = record.hidden;
        ensure(hidden);
        int rows = 4 * hidden;
        int gRows = 2 * hidden;
        int oRows = 3 * hidden;
        int gateAt = s * rows;
        double[] e = exponential;
        double[] act = activation;
        System.arraycopy(sum, 0, record.z, gateAt, rows);
        for (int j = 0; j < gRows; j++) {
            act[j] = -sum[j];
        }
        for (int j = gRows; j < oRows; j++) {
            act[j] = -2 * Math.abs(sum[j]);
        }
        for (int j = oRows; j < rows; j++) {
            act[j] = -sum[j];
        }
        for (int j = 0; j < rows; j++) {
            e[j] = Math.exp(act[j]);
        }
        for (int j = 0; j < gRows; j++) {
            act[j] = 1.0 / (1.0 + e[j]);
        }
        for (int j = oRows; j < rows; j++) {
            act[j] = 1.0 / (1.0 + e[j]);
        }
        dev.explainunit.model.Activations.tanhOfLayers(sum, e, act, gRows, oRows);
        System.arraycopy(act, 0, record.gate, gateAt, rows);
        System.arraycopy(act, hidden, forget, 0, hidden);
        System.arraycopy(act, gRows, candidate, 0, hidden);
        System.arraycopy(act, oRows, output, 0, hidden);
        System.arraycopy(record.c, s * hidden, cellBefore, 0, hidden);
        for (int k = 0; k < hidden; k++) {
            cellAfter[k] = forget[k] * cellBefore[k] + act[k] * candidate[k];
        }
        for (int k = 0; k < hidden; k++) {
            e[k] = Math.exp(-2 * Math.abs(cellAfter[k]));
        }
        dev.explainunit.model.Activations.tanhOfLayers(cellAfter, e, tanhCell, 0, hidden);
        for (int k = 0; k < hidden; k++) {
            state[k] = output[k] * tanhCell[k];
        }
        System.arraycopy(cellAfter, 0, record.c, (s + 1) * hidden, hidden);
        System.arraycopy(tanhCell, 0, record.tanhC, s * hidden, hidden);
        System.arraycopy(state, 0, record.h, (s + 1) * hidden, hidden);
    }

    @Override
    void backward(DirectionRecord record, int s) {
        int hidden = record.hidden;
        ensure(hidden);
        int gateAt = s * 4 * hidden;
        double[] cellGradient = cellAfter;
        double[] forgetGradient = state;
        double[] dh = record.dh;
        double[] dc = record.dc;
        double[] dz = record.dp;
        System.arraycopy(record.gate, gateAt, input, 0, hidden);
        System.arraycopy(record.gate, gateAt + hidden, forget, 0, hidden);
        System.arraycopy(record.gate, gateAt + 2 * hidden, candidate, 0, hidden);
        System.arraycopy(record.gate, gateAt + 3 * hidden, output, 0, hidden);
        System.arraycopy(record.tanhC, s * hidden, tanhCell, 0, hidden);
        System.arraycopy(record.c, s * hidden, cellBefore, 0, hidden);
        for (int k = 0; k < hidden; k++) {
            cellGradient[k] = dc[k] + dh[k] * output[k] * (1 - tanhCell[k] * tanhCell[k]);
        }
        for (int k = 0; k < hidden; k++) {
            dz[k] = cellGradient[k] * candidate[k] * input[k] * (1 - input[k]);
        }
        for (int k = 0; k < hidden; k++) {
            forgetGradient[k] = cellGradient[k] * cellBefore[k] * forget[k] * (1 - forget[k]);
        }
        for (int k = 0; k < hidden; k++) {
            candidateGradient[k] = cellGradient[k] * input[k] * (1 - candidate[k] * candidate[k]);
        }
        for (int k = 0; k < hidden; k++) {
            outputGradient[k] = dh[k] * tanhCell[k] * output[k] * (1 - output[k]);
        }
        for (int k = 0; k < hidden; k++) {
            dc[k] = cellGradient[k] * forget[k];
        }
        System.arraycopy(forgetGradient, 0, dz, hidden, hidden);
        System.arraycopy(candidateGradient, 0, dz, 2 * hidden, hidden);
        System.arraycopy(outputGradient, 0, dz, 3 * hidden, hidden);
    }
}
