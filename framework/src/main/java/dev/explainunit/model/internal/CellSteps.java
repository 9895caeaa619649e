package dev.explainunit.model.internal;

import dev.explainunit.model.CellKind;
import org.apiguardian.api.API;

/**
 * The elementwise part of one step of a cell, forward and backward, for a direction with any H:
 * everything of a step except the matrix products, which {@link DirectionPasses} sums for several
 * inputs side by side. Written once per {@link CellKind}; the loops run on buffers that start at
 * index 0, so that the JIT of JDK 17 runs them in vector instructions (a loop that reads
 * {@code gate[at + k]} stays scalar). One thread; grows, never shrinks.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public abstract class CellSteps {

    /** The steps of {@code kind}. */
    static CellSteps of(CellKind kind) {
        return kind == CellKind.LSTM ? new LstmSteps() : new GruSteps();
    }

    /**
     * Whether the recurrent product W_hh h is summed onto the input projection (LSTM, whose gates
     * read z = projection + W_hh h) rather than onto b_hh in a sum of its own (GRU, whose n reads
     * r ⊙ (W_hn h + b_hn)); then the backward pass's δ of both projections is one array.
     */
    abstract boolean sumsProjections();

    /**
     * Forward step s of {@code record}: {@code sum} (GH values from index 0) holds W_hh h_{s−1}
     * added to the step's input projection ({@link #sumsProjections()}) or to b_hh; writes the step's
     * records and h_s (and c_s). {@code sum} may be overwritten.
     */
    abstract void forward(DirectionRecord record, int s, double[] sum);

    /**
     * Backward step s of {@code record}: on entry {@code record.dh} holds ∂/∂h_s (and for an LSTM
     * {@code record.dc} the carried ∂/∂c from step s + 1); writes the δ of the input projection to
     * {@code record.dp}, that of the recurrent projection to {@code record.dq}, what reaches h_{s−1}
     * directly to {@code record.dhDirect} (GRU) and the carried ∂/∂c_{s−1} part (LSTM).
     */
    abstract void backward(DirectionRecord record, int s);

    static double[] grow(double[] buffer, int n) {
        return buffer.length >= n ? buffer : new double[n];
    }
}
