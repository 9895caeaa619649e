package dev.explainunit.model.internal;

import org.apiguardian.api.API;

/**
 * The gradient of a loss with respect to one direction's parameters, accumulated over the passes
 * of a batch from the δ's their backward passes stored ({@link NetworkPasses#backward}):
 *
 * <pre>
 *   ∂L/∂W_ih += Σ_s δp_s x_sᵀ     ∂L/∂b_ih += Σ_s δp_s
 *   ∂L/∂W_hh += Σ_s δq_s h_{s−1}ᵀ  ∂L/∂b_hh += Σ_s δq_s
 * </pre>
 *
 * (for an LSTM δq = δp: both bias vectors get the same gradient). The arrays are public for the
 * trainer to read; row-major GH x D, GH x H, GH, GH.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DirectionGradient {

    public final double[] weightIh;
    public final double[] weightHh;
    public final double[] biasIh;
    public final double[] biasHh;
    private final int inputs;
    private final int hidden;
    private final int rows;

    public DirectionGradient(CellWeights w) {
        this.inputs = w.inputs;
        this.hidden = w.hidden;
        this.rows = w.rows;
        this.weightIh = new double[rows * inputs];
        this.weightHh = new double[rows * hidden];
        this.biasIh = new double[rows];
        this.biasHh = new double[rows];
    }

    /** Sets every gradient to zero. */
    public void clear() {
        java.util.Arrays.fill(weightIh, 0.0);
        java.util.Arrays.fill(weightHh, 0.0);
        java.util.Arrays.fill(biasIh, 0.0);
        java.util.Arrays.fill(biasHh, 0.0);
    }

    /**
     * Adds the gradients of one recorded pass over {@code x} (T x D row-major, the layer's input;
     * {@code reversed}: step s read row T − 1 − s) from its δ's, {@code deltas} as stored by the
     * backward pass (δp of step s at s·GH, and for a GRU δq at (T + s)·GH).
     */
    public void add(DirectionRecord record, double[] x, boolean reversed, double[] deltas) {
        int length = record.steps;
        boolean shared = record.dq == record.dp;
        double[] h = record.h;
        for (int s = length - 1; s >= 0; s--) {
            int xAt = (reversed ? length - 1 - s : s) * inputs;
            int pAt = s * rows;
            int qAt = shared ? pAt : (length + s) * rows;
            int hAt = s * hidden;
            for (int j = 0; j < rows; j++) {
                double dp = deltas[pAt + j];
                double dq = deltas[qAt + j];
                biasIh[j] += dp;
                biasHh[j] += dq;
                int wAt = j * inputs;
                for (int d = 0; d < inputs; d++) {
                    weightIh[wAt + d] += dp * x[xAt + d];
                }
                int uAt = j * hidden;
                for (int k = 0; k < hidden; k++) {
                    weightHh[uAt + k] += dq * h[hAt + k];
                }
            }
        }
    }
}
