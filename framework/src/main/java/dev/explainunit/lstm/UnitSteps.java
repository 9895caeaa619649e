package dev.explainunit.lstm;

/**
 * The elementwise parts of a forward and a backward step of a direction with H &gt; 1, for the
 * batch lanes ({@link LstmLanes}) and the one-input passes ({@link LstmCell}, whose
 * {@link DirectionTrace} keeps one): the operations of the step in one fixed order, so that both
 * paths give the same bits, on buffers that start at index 0. The JIT of JDK 17 runs a loop in vector instructions
 * only when every array in it is indexed by the loop variable itself: a loop that reads
 * {@code gate[at + k]} or writes {@code c[nextAt + k]} stays scalar, so each gate's block and each
 * state is copied here first ({@link System#arraycopy} is cheap) and the results copied back. One
 * thread; grows, never shrinks.
 */
final class UnitSteps {

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

    /**
     * The rest of forward step s of the pass in {@code trace} whose pre-activations are in
     * {@code sum} (4H from index 0): {@link #forward(int, double[], double[], double[], int, double[],
     * int, int, double[], int, double[])} on the trace's records of step s.
     */
    void forward(int hidden, double[] sum, DirectionTrace trace, int s) {
        forward(hidden, sum, trace.z, trace.gate, s * 4 * hidden, trace.c, s * hidden, (s + 1) * hidden,
                trace.tanhC, s * hidden, trace.h);
    }

    /**
     * The rest of a forward step whose pre-activations are in {@code sum} (4H from index 0): z to
     * {@code z[gateAt ..]} (unless {@code z} is null), i = σ(z_i), f = σ(z_f), g = tanh(z_g),
     * o = σ(z_o) to {@code gate[gateAt ..]}, c_t = f ⊙ c_{t−1} + i ⊙ g from {@code c[prevAt ..]} to
     * {@code c[nextAt ..]}, tanh c_t to {@code tanhC[tanhAt ..]} and h_t = o ⊙ tanh c_t to
     * {@code h[nextAt ..]} (all modified), with the operations of {@link LstmCell#sigmoid} and
     * {@link LstmCell#tanhOfLayers}: first every exponential (e^{−z} for σ, e^{−2|z|} for tanh),
     * then the quotients and tanh in loops of their own (a division is exact, so its bits do not
     * depend on the instruction).
     */
    void forward(int hidden, double[] sum, double[] z, double[] gate, int gateAt, double[] c, int prevAt,
                 int nextAt, double[] tanhC, int tanhAt, double[] h) {
        ensure(hidden);
        int rows = 4 * hidden;
        int gRows = 2 * hidden;
        int oRows = 3 * hidden;
        double[] e = exponential;
        double[] act = activation;
        if (z != null) {
            System.arraycopy(sum, 0, z, gateAt, rows);
        }
        // the exponentials' arguments first (in vector loops), then one loop of calls
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
        LstmCell.tanhOfLayers(sum, e, act, gRows, oRows);
        System.arraycopy(act, 0, gate, gateAt, rows);
        System.arraycopy(act, hidden, forget, 0, hidden);
        System.arraycopy(act, gRows, candidate, 0, hidden);
        System.arraycopy(act, oRows, output, 0, hidden);
        System.arraycopy(c, prevAt, cellBefore, 0, hidden);
        for (int k = 0; k < hidden; k++) {
            cellAfter[k] = forget[k] * cellBefore[k] + act[k] * candidate[k];
        }
        for (int k = 0; k < hidden; k++) {
            e[k] = Math.exp(-2 * Math.abs(cellAfter[k]));
        }
        LstmCell.tanhOfLayers(cellAfter, e, tanhCell, 0, hidden);
        for (int k = 0; k < hidden; k++) {
            state[k] = output[k] * tanhCell[k];
        }
        System.arraycopy(cellAfter, 0, c, nextAt, hidden);
        System.arraycopy(tanhCell, 0, tanhC, tanhAt, hidden);
        System.arraycopy(state, 0, h, nextAt, hidden);
    }

    /**
     * {@link LstmCell#gateGradients} for step s of the pass in {@code trace}, from its δh and carried
     * δc (in its scratch, from index 0): δz to {@code trace.dz} and the new carried δc (modified).
     */
    void backward(int hidden, DirectionTrace trace, int s) {
        ensure(hidden);
        int gateAt = s * 4 * hidden;
        double[] cellGradient = cellAfter;
        double[] forgetGradient = state;
        double[] dh = trace.dh;
        double[] dc = trace.dc;
        double[] dz = trace.dz;
        System.arraycopy(trace.gate, gateAt, input, 0, hidden);
        System.arraycopy(trace.gate, gateAt + hidden, forget, 0, hidden);
        System.arraycopy(trace.gate, gateAt + 2 * hidden, candidate, 0, hidden);
        System.arraycopy(trace.gate, gateAt + 3 * hidden, output, 0, hidden);
        System.arraycopy(trace.tanhC, s * hidden, tanhCell, 0, hidden);
        System.arraycopy(trace.c, s * hidden, cellBefore, 0, hidden);
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
