package dev.explainunit.explainers.internal;

/**
 * One input's buffers of an LRP pass through one direction: the relevance of the states (row s + 1
 * of step s, row 0 the initial state), the step's lower units [x_t | h_{s−1}] and their relevance,
 * the gate rows' relevance and factors, and what the pass absorbs. Grows, never shrinks.
 */
final class RelevanceLane {

    /** (T + 1) x H: the relevance of h after each step; on entry what reaches it from above. */
    double[] rh = new double[0];
    /** (T + 1) x H: LSTM, the relevance of c. */
    double[] rc = new double[0];
    /** The relevance of the direction's input rows, T x D (added to). */
    double[] rx;
    /** The direction's input rows, T x D. */
    double[] x;
    /** Relevance kept by biases, stabilisers and zero denominators. */
    double absorbed;
    /** [x_t | h_{s−1}] and their relevance during one step, D + H values from index 0. */
    double[] units = new double[0];
    double[] unitRelevance = new double[0];
    /** The relevance of the gate rows of a step (GH), and their ε-rule factors. */
    double[] rz = new double[0];
    double[] rowFactor = new double[0];
    double[] rowShift = new double[0];
    boolean[] rowActive = new boolean[0];

    void ensure(int length, int hidden, int rows, int inputs) {
        rh = grow(rh, (length + 1) * hidden);
        rc = grow(rc, (length + 1) * hidden);
        units = grow(units, inputs + hidden);
        unitRelevance = grow(unitRelevance, inputs + hidden);
        rz = grow(rz, rows);
        rowFactor = grow(rowFactor, rows);
        rowShift = grow(rowShift, rows);
        if (rowActive.length < rows) {
            rowActive = new boolean[rows];
        }
    }

    static double[] grow(double[] buffer, int n) {
        return buffer.length >= n ? buffer : new double[Math.max(n, 2 * buffer.length)];
    }
}
