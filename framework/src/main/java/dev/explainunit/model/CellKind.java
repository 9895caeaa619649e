package dev.explainunit.model;

import org.apiguardian.api.API;

/**
 * The kind of a recurrent layer's cell, with PyTorch's equations and gate row blocks (DESIGN,
 * "Recurrent layers and cells"). A direction's weights hold {@link #gates()} blocks of H rows each:
 *
 * <pre>
 *   LSTM  blocks i, f, g, o   z = W_ih x + b_ih + W_hh h + b_hh
 *         i, f, o = σ(z_·)   g = tanh(z_g)   c' = f ⊙ c + i ⊙ g   h' = o ⊙ tanh(c')     (paper A.1)
 *   GRU   blocks r, z, n
 *         r = σ(W_ir x + b_ir + W_hr h + b_hr)   z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *         n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 *
 * with h_0 = c_0 = 0.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum CellKind {
    /** Long short-term memory, {@code nn.LSTM}: four gate blocks i, f, g, o. */
    LSTM("lstm", 4, "i, f, g, o"),
    /** Gated recurrent unit, {@code nn.GRU}: three gate blocks r, z, n. */
    GRU("gru", 3, "r, z, n");

    private final String id;
    private final int gates;
    private final String blocks;

    CellKind(String id, int gates, String blocks) {
        this.id = id;
        this.gates = gates;
        this.blocks = blocks;
    }

    /** "lstm" or "gru", as in PyTorch's module names and in reports. */
    public String id() {
        return id;
    }

    /** Row blocks of H rows in weight_ih and weight_hh: 4 for an LSTM, 3 for a GRU. */
    public int gates() {
        return gates;
    }

    /** The row blocks in order, e.g. "i, f, g, o". */
    public String blocks() {
        return blocks;
    }

    /**
     * The kind whose weight_hh has {@code rows} = gates · H rows for H = {@code hidden}, or
     * {@code null} if none has.
     */
    public static CellKind ofRecurrentShape(int rows, int hidden) {
        for (CellKind kind : values()) {
            if (hidden >= 1 && rows == kind.gates * hidden) {
                return kind;
            }
        }
        return null;
    }
}
