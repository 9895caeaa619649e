package dev.explainunit.model.internal;

import dev.explainunit.model.CellKind;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * What one direction's forward pass recorded, indexed by processing step s = 0..T−1 (the reverse
 * direction's step s reads input row T−1−s), with the scratch of its backward pass. Arrays are
 * reused between passes and may be longer than needed.
 *
 * <pre>
 *   projectionOf[s] b + W_ih x_s (GH): b = b_ih + b_hh for an LSTM, b_ih for a GRU   (H &gt; 1 only;
 *                   the record's own row, or the row {@link InputProjections} keeps for x_s)
 *   z(s, j)         LSTM: the full pre-activation of gate row j
 *                   GRU:  r and z rows the full pre-activation; n rows a = W_in x + b_in + r ⊙ s
 *   gate(s, j)      the activation of row j: σ for i, f, o, r, z; tanh for g and n
 *   h(s, k)         the state after step s; h(−1, k) = 0
 *   c(s, k)         LSTM: the cell state after step s (c(−1, k) = 0); tanhC(s, k) = tanh c(s, k)
 *   s(s, k)         GRU: W_hn h_{s−1} + b_hn, the recurrent part of n
 * </pre>
 *
 * A pass resumed at step {@link #first} (from another pass that shares the steps before it)
 * records h (and c) from the state before that step on; it keeps z, the gates and tanh c (and s)
 * only of the step last computed, in row 0 ({@link #stepRow}): a resumed pass gives outputs, not
 * a trace to explain, and so touches a few rows of memory instead of a whole record.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DirectionRecord {

    final CellKind kind;
    final int hidden;
    final int rows;
    int steps;
    /** The first step this pass computed (0 unless resumed). */
    int first;
    /** Whether z, the gates and tanh c (or s) are kept for every step, not only the last one computed. */
    boolean recording = true;
    /** Rows for the projections this pass computes. */
    double[][] projection = new double[0][];
    /** The projection step s reads: a row of {@link #projection} or one kept by {@link InputProjections}. */
    double[][] projectionOf = new double[0][];
    double[] z = new double[0];
    double[] gate = new double[0];
    /** (T + 1) x H: row 0 the initial state, row s + 1 the state after step s. */
    double[] h = new double[0];
    double[] c = new double[0];
    double[] tanhC = new double[0];
    /** GRU: T x H values W_hn h_{s−1} + b_hn. */
    double[] recurrentCandidate = new double[0];

    // backward scratch
    /** T x H: the gradient (or relevance) reaching each step's output h_s from above. */
    double[] dhIn = new double[0];
    final double[] dh;
    final double[] dc;
    /** δ of the input projection (GH). */
    final double[] dp;
    /** δ of the recurrent projection (GH); for an LSTM the same array as {@link #dp}. */
    final double[] dq;
    /** GRU: the part of δh_{s−1} that reaches h_{s−1} directly, z ⊙ δh_s. */
    final double[] dhDirect;
    /** W_hh h_{s−1} (+ the projection for an LSTM) being summed, GH values from index 0. */
    final double[] sum;

    public DirectionRecord(CellKind kind, int hidden) {
        if (hidden < 1) {
            throw new IllegalArgumentException("a direction needs at least 1 hidden unit, got " + hidden);
        }
        this.kind = kind;
        this.hidden = hidden;
        this.rows = kind.gates() * hidden;
        this.dh = new double[hidden];
        this.dc = new double[hidden];
        this.dp = new double[rows];
        this.dq = kind == CellKind.LSTM ? dp : new double[rows];
        this.dhDirect = new double[hidden];
        this.sum = new double[rows];
    }

    /** Grows the records to {@code length} steps and sets the step count; the initial state is left to the caller. */
    void ensureCapacity(int length) {
        if (gate.length < length * rows) {
            int capacity = Math.max(length, Math.max(16, 2 * gate.length / rows));
            projection = new double[capacity][rows];
            projectionOf = new double[capacity][];
            z = new double[capacity * rows];
            gate = new double[capacity * rows];
            h = new double[(capacity + 1) * hidden];
            dhIn = new double[capacity * hidden];
            if (kind == CellKind.LSTM) {
                c = new double[(capacity + 1) * hidden];
                tanhC = new double[capacity * hidden];
            } else {
                recurrentCandidate = new double[capacity * hidden];
            }
        }
        steps = length;
        first = 0;
        recording = true;
    }

    /** The row of step s in z, the gates and tanh c (or s): s, or 0 for a resumed pass. */
    int stepRow(int s) {
        return recording ? s : 0;
    }

    /** Sets the state before step 0 to zero. */
    void zeroInitialState() {
        Arrays.fill(h, 0, hidden, 0.0);
        if (kind == CellKind.LSTM) {
            Arrays.fill(c, 0, hidden, 0.0);
        }
    }

    /** The state before step {@code at} copied from {@code reference}'s record of that step; steps before it are not recorded. */
    void resumeFrom(DirectionRecord reference, int at) {
        first = at;
        recording = false;
        System.arraycopy(reference.h, at * hidden, h, at * hidden, hidden);
        if (kind == CellKind.LSTM) {
            System.arraycopy(reference.c, at * hidden, c, at * hidden, hidden);
        }
    }

    /**
     * {@link #resumeFrom}, also copying the reference's states after the steps before {@code at}:
     * for a layer whose whole output sequence the layer above reads.
     */
    void resumeWithStatesFrom(DirectionRecord reference, int at) {
        resumeFrom(reference, at);
        System.arraycopy(reference.h, 0, h, 0, at * hidden);
    }

    public CellKind kind() {
        return kind;
    }

    /** T. */
    public int steps() {
        return steps;
    }

    /** H. */
    public int hidden() {
        return hidden;
    }

    public double z(int s, int j) {
        return z[s * rows + j];
    }

    public double gate(int s, int j) {
        return gate[s * rows + j];
    }

    public double h(int s, int k) {
        return h[(s + 1) * hidden + k];
    }

    public double c(int s, int k) {
        return c[(s + 1) * hidden + k];
    }

    public double tanhC(int s, int k) {
        return tanhC[s * hidden + k];
    }

    public double recurrentCandidate(int s, int k) {
        return recurrentCandidate[s * hidden + k];
    }

    /** Copies z(s, from .. from + count) to {@code dst[dstAt ..]}. */
    public void copyZ(int s, int from, int count, double[] dst, int dstAt) {
        System.arraycopy(z, s * rows + from, dst, dstAt, count);
    }

    /** Copies gate(s, from .. from + count) to {@code dst[dstAt ..]}. */
    public void copyGates(int s, int from, int count, double[] dst, int dstAt) {
        System.arraycopy(gate, s * rows + from, dst, dstAt, count);
    }

    /** Copies c(s, 0 .. H) to {@code dst[dstAt ..]}; s = −1 gives the initial state. */
    public void copyC(int s, double[] dst, int dstAt) {
        System.arraycopy(c, (s + 1) * hidden, dst, dstAt, hidden);
    }

    /** Copies h(s, 0 .. H) to {@code dst[dstAt ..]}; s = −1 gives the initial state. */
    public void copyH(int s, double[] dst, int dstAt) {
        System.arraycopy(h, (s + 1) * hidden, dst, dstAt, hidden);
    }

    /** Copies tanhC(s, 0 .. H) to {@code dst[dstAt ..]}. */
    public void copyTanhC(int s, double[] dst, int dstAt) {
        System.arraycopy(tanhC, s * hidden, dst, dstAt, hidden);
    }
}
