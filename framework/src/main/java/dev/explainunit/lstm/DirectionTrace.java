package dev.explainunit.lstm;

import org.apiguardian.api.API;

/**
 * What one direction's forward pass recorded, indexed by processing step s = 0..T-1. The forward
 * direction reads x_s at step s; the reverse direction reads x_{T-1-s}. Arrays are reused between
 * passes and may be longer than needed; only the first {@link #steps()} steps are valid. The one
 * record of a pass: {@link Lstm}, the explainers and the trainers fill it with {@link LstmCell}.
 *
 * <pre>
 *   z(s, j)    full gate pre-activation, j = gate * H + unit (both biases included)
 *   gate(s, j) activation: sigmoid for i, f, o; tanh for g
 *   c(s, k)    cell state after step s; c(-1, k) = 0
 *   h(s, k)    hidden state after step s; h(-1, k) = 0
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DirectionTrace {

    final int hiddenSize;
    int steps;
    /** Per step 4H values: b + W_ih x, the first terms of z, summed before the recurrence (H > 1). */
    double[][] projection = new double[0][];
    double[] z = new double[0];
    double[] gate = new double[0];
    /** (T + 1) x H: row 0 is the initial state, row s + 1 the state after step s. */
    double[] c = new double[0];
    double[] h = new double[0];
    double[] tanhC = new double[0];

    // backward scratch, 4H or H long
    final double[] dz;
    final double[] dh;
    final double[] dc;
    /** max(4H, D) values: a pre-activation or W_ihᵀ δz being summed (vectorised loops start at index 0). */
    double[] sum = new double[0];
    /** The elementwise parts of a step (H &gt; 1) on buffers of their own. */
    final UnitSteps units = new UnitSteps();

    /**
     * An empty trace for a direction of {@code hiddenSize} units; {@link LstmCell#forward} grows it
     * to the sequence length. Reuse it across passes on one thread.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public DirectionTrace(int hiddenSize) {
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("a direction needs at least 1 hidden unit, got " + hiddenSize);
        }
        this.hiddenSize = hiddenSize;
        this.dz = new double[4 * hiddenSize];
        this.dh = new double[hiddenSize];
        this.dc = new double[hiddenSize];
    }

    void ensureCapacity(int t) {
        if (gate.length < t * 4 * hiddenSize) {
            // Grow geometrically so that slowly increasing lengths do not reallocate each time.
            int capacity = Math.max(t, Math.max(16, 2 * gate.length / (4 * hiddenSize)));
            projection = new double[capacity][4 * hiddenSize];
            z = new double[capacity * 4 * hiddenSize];
            gate = new double[capacity * 4 * hiddenSize];
            c = new double[(capacity + 1) * hiddenSize];
            h = new double[(capacity + 1) * hiddenSize];
            tanhC = new double[capacity * hiddenSize];
        }
        steps = t;
    }

    /** Grows the summing scratch to hold 4H and {@code inputs} values. */
    void ensureScratch(int inputs) {
        int n = Math.max(4 * hiddenSize, inputs);
        if (sum.length < n) {
            sum = new double[n];
        }
    }

    /** Number of valid steps T. */
    public int steps() {
        return steps;
    }

    /** H. */
    public int hiddenSize() {
        return hiddenSize;
    }

    /** Full pre-activation of gate row j at step s. */
    public double z(int s, int j) {
        return z[s * 4 * hiddenSize + j];
    }

    /** Activation of gate row j at step s. */
    public double gate(int s, int j) {
        return gate[s * 4 * hiddenSize + j];
    }

    /** Cell state of unit k after step s; s = -1 gives the initial state 0. */
    public double c(int s, int k) {
        return c[(s + 1) * hiddenSize + k];
    }

    /** Hidden state of unit k after step s; s = -1 gives the initial state 0. */
    public double h(int s, int k) {
        return h[(s + 1) * hiddenSize + k];
    }

    /** tanh(c(s, k)). */
    public double tanhC(int s, int k) {
        return tanhC[s * hiddenSize + k];
    }

    /** Copies z(s, from .. from + count) to {@code dst[dstAt ..]}: a block that loops can read from index 0. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void copyZ(int s, int from, int count, double[] dst, int dstAt) {
        System.arraycopy(z, s * 4 * hiddenSize + from, dst, dstAt, count);
    }

    /** Copies gate(s, from .. from + count) to {@code dst[dstAt ..]}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void copyGates(int s, int from, int count, double[] dst, int dstAt) {
        System.arraycopy(gate, s * 4 * hiddenSize + from, dst, dstAt, count);
    }

    /** Copies c(s, 0 .. H) to {@code dst[dstAt ..]}; s = -1 gives the initial state. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void copyC(int s, double[] dst, int dstAt) {
        System.arraycopy(c, (s + 1) * hiddenSize, dst, dstAt, hiddenSize);
    }
}
