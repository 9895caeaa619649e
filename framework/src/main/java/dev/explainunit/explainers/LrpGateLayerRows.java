package dev.explainunit.explainers;

import dev.explainunit.lstm.LstmDirection;

/**
 * A direction's gate rows for LRP's gate layer on the batch path: row j is [W_ih[j] | W_hh[j]]
 * (D + H values), so that x_t and h_{s−1} (kept side by side as [x_t | h_{s−1}]) take their shares
 * of z_j in one loop, and {@link #addFourRows} adds four rows' shares in one pass.
 *
 * <pre>
 *   R_e += u_e · w_je · a_j + b_j        u = [x_t | h_{s−1}],  a_j = R_j / (z_j + ε·sign z_j),
 *                                        b_j = β·(b_j + ε·sign z_j) / (D + H) · a_j   (paper A.2, ε-rule)
 * </pre>
 *
 * Each element's terms are those of {@link LstmDirection#addWeightedInputRow} and
 * {@link LstmDirection#addWeightedRecurrentRow}, added in the same order, so the sums are the same.
 */
final class LrpGateLayerRows {

    final LstmDirection direction;
    /** Row j: W_ih[j][0 .. D) then W_hh[j][0 .. H). */
    final double[][] rows;

    LrpGateLayerRows(LstmDirection direction) {
        this.direction = direction;
        int inputs = direction.inputSize();
        int hidden = direction.hiddenSize();
        this.rows = new double[4 * hidden][inputs + hidden];
        for (int j = 0; j < 4 * hidden; j++) {
            for (int d = 0; d < inputs; d++) {
                rows[j][d] = direction.weightIh(j, d);
            }
            for (int k = 0; k < hidden; k++) {
                rows[j][inputs + k] = direction.weightHh(j, k);
            }
        }
    }

    /** out[e] += u[e] · row_j[e] · a + b for e &lt; n (out modified). */
    void addRow(int j, double[] u, double a, double b, double[] out, int n) {
        double[] w = rows[j];
        for (int e = 0; e < n; e++) {
            out[e] += u[e] * w[e] * a + b;
        }
    }

    /**
     * {@link #addRow} for rows j .. j + 3 with factors a[0 .. 4) and b[0 .. 4), in one pass: each
     * element gets the four rows' terms in the order of the rows (out modified).
     */
    void addFourRows(int j, double[] u, double[] a, double[] b, double[] out, int n) {
        double[] w0 = rows[j];
        double[] w1 = rows[j + 1];
        double[] w2 = rows[j + 2];
        double[] w3 = rows[j + 3];
        double a0 = a[0];
        double a1 = a[1];
        double a2 = a[2];
        double a3 = a[3];
        double b0 = b[0];
        double b1 = b[1];
        double b2 = b[2];
        double b3 = b[3];
        for (int e = 0; e < n; e++) {
            double ue = u[e];
            out[e] = out[e] + (ue * w0[e] * a0 + b0) + (ue * w1[e] * a1 + b1) + (ue * w2[e] * a2 + b2)
                    + (ue * w3[e] * a3 + b3);
        }
    }
}
