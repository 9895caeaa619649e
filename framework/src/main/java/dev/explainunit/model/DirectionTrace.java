package dev.explainunit.model;

import dev.explainunit.model.internal.DirectionRecord;
import org.apiguardian.api.API;

/**
 * What one direction of one layer recorded in a forward pass, indexed by processing step s = 0..T−1
 * (the reverse direction's step s reads input row T−1−s). A read-only view, valid until the next
 * pass into the same {@link NetworkTrace}.
 *
 * <pre>
 *   z(s, j)      LSTM: the full pre-activation of gate row j = gate · H + unit (both biases included)
 *                GRU:  rows of r and z likewise; rows of n: a = W_in x + b_in + r ⊙ (W_hn h + b_hn)
 *   gate(s, j)   the activation of row j: σ for i, f, o, r, z; tanh for g and n
 *   h(s, k)      the state after step s; h(−1, k) = 0
 *   c(s, k)      LSTM: the cell state after step s (c(−1, k) = 0); tanhC(s, k) = tanh c(s, k)
 *   recurrentCandidate(s, k)   GRU: W_hn h_{s−1} + b_hn
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DirectionTrace {

    private final DirectionRecord record;

    DirectionTrace(DirectionRecord record) {
        this.record = record;
    }

    /** The cell kind. */
    public CellKind kind() {
        return record.kind();
    }

    /** T. */
    public int steps() {
        return record.steps();
    }

    /** H. */
    public int hiddenSize() {
        return record.hidden();
    }

    /** Pre-activation of row j at step s. */
    public double z(int s, int j) {
        return record.z(s, j);
    }

    /** Activation of row j at step s. */
    public double gate(int s, int j) {
        return record.gate(s, j);
    }

    /** State of unit k after step s; s = −1 gives the initial state 0. */
    public double h(int s, int k) {
        return record.h(s, k);
    }

    /** LSTM: cell state of unit k after step s; s = −1 gives the initial state 0. */
    public double c(int s, int k) {
        return record.c(s, k);
    }

    /** LSTM: tanh(c(s, k)). */
    public double tanhC(int s, int k) {
        return record.tanhC(s, k);
    }

    /** GRU: W_hn h_{s−1} + b_hn of unit k at step s. */
    public double recurrentCandidate(int s, int k) {
        return record.recurrentCandidate(s, k);
    }

    /** Copies z(s, from .. from + count) to {@code dst[dstAt ..]}: a block that loops can read from index 0. */
    public void copyZ(int s, int from, int count, double[] dst, int dstAt) {
        record.copyZ(s, from, count, dst, dstAt);
    }

    /** Copies gate(s, from .. from + count) to {@code dst[dstAt ..]}. */
    public void copyGates(int s, int from, int count, double[] dst, int dstAt) {
        record.copyGates(s, from, count, dst, dstAt);
    }

    /** Copies h(s, 0 .. H) to {@code dst[dstAt ..]}; s = −1 gives the initial state. */
    public void copyH(int s, double[] dst, int dstAt) {
        record.copyH(s, dst, dstAt);
    }

    /** LSTM: copies c(s, 0 .. H) to {@code dst[dstAt ..]}; s = −1 gives the initial state. */
    public void copyC(int s, double[] dst, int dstAt) {
        record.copyC(s, dst, dstAt);
    }

    /** LSTM: copies tanhC(s, 0 .. H) to {@code dst[dstAt ..]}. */
    public void copyTanhC(int s, double[] dst, int dstAt) {
        record.copyTanhC(s, dst, dstAt);
    }
}
