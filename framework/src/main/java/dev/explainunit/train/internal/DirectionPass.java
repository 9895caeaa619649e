package dev.explainunit.train.internal;

import dev.explainunit.lstm.LstmCell;
import org.apiguardian.api.API;

/**
 * One direction of the LSTM over an embedded sentence, run forward and back-propagated through
 * time with {@link LstmCell}'s steps, reading weights and embeddings from θ and adding gradients to
 * a vector of the same layout ({@link SentenceParameters}). The reverse direction's step s reads
 * token T−1−s. The input x_s is the token's embedding row, read where it stands in θ; its gradient
 * W_ihᵀ δz goes straight into that row of the gradient:
 *
 * <pre>
 *   ∂L/∂embedding[w] = Σ over the steps s that read word w of W_ihᵀ δz_s        (paper A.1; cell formulas in LstmCell)
 *   ∂L/∂b_ih = ∂L/∂b_hh = Σ_s δz_s                                           (the cell adds b = b_ih + b_hh)
 * </pre>
 *
 * Workspace of one thread: allocates nothing once it has held a sentence of the longest length.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class DirectionPass {

    private final SentenceParameters layout;
    private final int direction;
    private final int hidden;
    private final int inputs;
    private final int rows;
    private int steps;
    private int[] tokens;
    /** b_ih + b_hh of the current θ, the one bias the cell adds. */
    private final double[] bias;
    private double[] gate = new double[0];
    /** (T + 1) x H: row 0 the initial state, row s + 1 the state after step s. */
    private double[] c = new double[0];
    private double[] h = new double[0];
    private double[] tanhC = new double[0];
    private final double[] dz;
    private final double[] dh;
    private final double[] dc;

    DirectionPass(SentenceParameters layout, int direction) {
        this.layout = layout;
        this.direction = direction;
        this.hidden = layout.hiddenSize();
        this.inputs = layout.embeddingSize();
        this.rows = 4 * hidden;
        this.bias = new double[rows];
        this.dz = new double[rows];
        this.dh = new double[hidden];
        this.dc = new double[hidden];
    }

    private void ensureCapacity(int length) {
        if (gate.length < length * rows) {
            int capacity = Math.max(length, 2 * gate.length / rows);
            gate = new double[capacity * rows];
            c = new double[(capacity + 1) * hidden];
            h = new double[(capacity + 1) * hidden];
            tanhC = new double[capacity * hidden];
        }
    }

    /** Offset in θ (and in the gradient) of the embedding row of the token read at step s. */
    private int inputOffset(int s) {
        int t = direction == 0 ? s : steps - 1 - s;
        return layout.embeddingOffset() + tokens[t] * inputs;
    }

    /** Runs the direction over {@code ids} (kept by reference until the next call); the final state is {@link #finalHidden}. */
    void forward(double[] theta, int[] ids) {
        this.tokens = ids;
        this.steps = ids.length;
        ensureCapacity(steps);
        int bih = layout.biasIhOffset(direction);
        int bhh = layout.biasHhOffset(direction);
        for (int j = 0; j < rows; j++) {
            bias[j] = theta[bih + j] + theta[bhh + j];
        }
        for (int k = 0; k < hidden; k++) {
            c[k] = 0;
            h[k] = 0;
        }
        int wih = layout.weightIhOffset(direction);
        int whh = layout.weightHhOffset(direction);
        for (int s = 0; s < steps; s++) {
            int prev = s * hidden;
            LstmCell.forwardStep(hidden, inputs, theta, wih, theta, whh, bias, 0, theta, inputOffset(s), h, c, prev,
                    prev + hidden, null, gate, s * rows, tanhC, prev);
        }
    }

    /** h after the last step, unit k. */
    double finalHidden(int k) {
        return h[steps * hidden + k];
    }

    /**
     * Back-propagates δh of the final state (H values from {@code topGradient} at {@code offset})
     * through the pass recorded by the last {@link #forward}, adding to {@code gradient} (modified):
     * this direction's weights and both biases, and the embedding rows of the tokens read.
     */
    void backward(double[] theta, double[] topGradient, int offset, double[] gradient) {
        int wih = layout.weightIhOffset(direction);
        int whh = layout.weightHhOffset(direction);
        int bih = layout.biasIhOffset(direction);
        int bhh = layout.biasHhOffset(direction);
        for (int k = 0; k < hidden; k++) {
            dh[k] = topGradient[offset + k];
            dc[k] = 0;
        }
        for (int s = steps - 1; s >= 0; s--) {
            int prev = s * hidden;
            int x = inputOffset(s);
            LstmCell.backwardStep(hidden, inputs, theta, wih, theta, whh, gate, s * rows, tanhC, prev, c, prev,
                    dh, 0, dc, 0, dz, 0, gradient, x);
            LstmCell.accumulateParameterGradients(hidden, inputs, dz, 0, theta, x, h, prev, gradient, wih, whh, bih);
            for (int j = 0; j < rows; j++) {
                gradient[bhh + j] += dz[j];
            }
        }
    }
}
