package dev.explainunit.train.internal;

import dev.explainunit.lstm.Lstm;
import org.apiguardian.api.API;

/**
 * One direction of the LSTM over an embedded sentence, forward and back-propagated through time,
 * reading weights from θ and adding their gradients to a gradient vector of the same layout
 * ({@link SentenceParameters}). The reverse direction's step s reads token T−1−s. Workspace of one
 * thread: allocates nothing once it has held a sentence of the longest length.
 *
 * <pre>
 *   forward (paper A.1):  z_s = W_ih x_s + b_ih + W_hh h_{s−1} + b_hh;  i, f, o = σ(z_{i,f,o}), g = tanh(z_g)
 *                         c_s = f c_{s−1} + i g;  h_s = o tanh(c_s);     h_{−1} = c_{−1} = 0
 *   backward:             δc_s = δc_{s+1} f_{s+1} + δh_s o_s (1 − tanh² c_s)
 *                         δz_i = δc g i(1−i),  δz_f = δc c_{s−1} f(1−f),  δz_g = δc i (1−g²),
 *                         δz_o = δh tanh(c_s) o(1−o)
 *                         ∂L/∂W_ih += δz x_sᵀ,  ∂L/∂W_hh += δz h_{s−1}ᵀ,  ∂L/∂b_ih = ∂L/∂b_hh += δz
 *                         ∂L/∂x_s = W_ihᵀ δz   (added to the token's embedding row),  δh_{s−1} = W_hhᵀ δz
 * </pre>
 */
@API(status = API.Status.INTERNAL, since = "0.2")
final class DirectionPass {

    private final SentenceParameters layout;
    private final int direction;
    private final int hidden;
    private final int inputs;
    private final int rows;
    private int steps;
    private int[] tokens;
    private double[] gate = new double[0];
    /** (T + 1) x H: row 0 the initial state, row s + 1 the state after step s. */
    private double[] c = new double[0];
    private double[] h = new double[0];
    private double[] tanhC = new double[0];
    private final double[] dz;
    private final double[] dh;
    private final double[] dhPrevious;
    private final double[] dc;

    DirectionPass(SentenceParameters layout, int direction) {
        this.layout = layout;
        this.direction = direction;
        this.hidden = layout.hiddenSize();
        this.inputs = layout.embeddingSize();
        this.rows = 4 * hidden;
        this.dz = new double[rows];
        this.dh = new double[hidden];
        this.dhPrevious = new double[hidden];
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

    /** The embedding offset in θ of the token read at step s. */
    private int inputOffset(int s) {
        int t = direction == 0 ? s : steps - 1 - s;
        return layout.embeddingOffset() + tokens[t] * inputs;
    }

    /** Runs the direction over {@code ids} (kept by reference until the next call); the final state is {@link #finalHidden}. */
    void forward(double[] theta, int[] ids) {
        this.tokens = ids;
        this.steps = ids.length;
        ensureCapacity(steps);
        int wih = layout.weightIhOffset(direction);
        int whh = layout.weightHhOffset(direction);
        int bih = layout.biasIhOffset(direction);
        int bhh = layout.biasHhOffset(direction);
        for (int k = 0; k < hidden; k++) {
            c[k] = 0;
            h[k] = 0;
        }
        for (int s = 0; s < steps; s++) {
            int x = inputOffset(s);
            int zBase = s * rows;
            int prev = s * hidden;
            for (int j = 0; j < rows; j++) {
                double sum = theta[bih + j] + theta[bhh + j];
                int w = wih + j * inputs;
                for (int d = 0; d < inputs; d++) {
                    sum += theta[w + d] * theta[x + d];
                }
                w = whh + j * hidden;
                for (int k = 0; k < hidden; k++) {
                    sum += theta[w + k] * h[prev + k];
                }
                gate[zBase + j] = sum;
            }
            int next = prev + hidden;
            for (int k = 0; k < hidden; k++) {
                int zi = zBase + k;
                double i = Lstm.sigmoid(gate[zi]);
                double f = Lstm.sigmoid(gate[zi + hidden]);
                double g = Lstm.tanh(gate[zi + 2 * hidden]);
                double o = Lstm.sigmoid(gate[zi + 3 * hidden]);
                gate[zi] = i;
                gate[zi + hidden] = f;
                gate[zi + 2 * hidden] = g;
                gate[zi + 3 * hidden] = o;
                double cell = f * c[prev + k] + i * g;
                double tc = Lstm.tanh(cell);
                c[next + k] = cell;
                tanhC[prev + k] = tc;
                h[next + k] = o * tc;
            }
        }
    }

    /** h after the last step, unit k. */
    double finalHidden(int k) {
        return h[steps * hidden + k];
    }

    /**
     * Back-propagates δh of the final state (H values from {@code topGradient} at {@code offset})
     * through the pass recorded by the last {@link #forward}, adding to {@code gradient} (modified):
     * this direction's weights and biases and the embedding rows of the tokens read.
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
            int zBase = s * rows;
            int prev = s * hidden;
            for (int k = 0; k < hidden; k++) {
                int zi = zBase + k;
                double i = gate[zi];
                double f = gate[zi + hidden];
                double g = gate[zi + 2 * hidden];
                double o = gate[zi + 3 * hidden];
                double tc = tanhC[prev + k];
                double cellGrad = dc[k] + dh[k] * o * (1 - tc * tc);
                dz[k] = cellGrad * g * i * (1 - i);
                dz[hidden + k] = cellGrad * c[prev + k] * f * (1 - f);
                dz[2 * hidden + k] = cellGrad * i * (1 - g * g);
                dz[3 * hidden + k] = dh[k] * tc * o * (1 - o);
                dc[k] = cellGrad * f;
            }
            int x = inputOffset(s);
            for (int k = 0; k < hidden; k++) {
                dhPrevious[k] = 0;
            }
            for (int j = 0; j < rows; j++) {
                double dzj = dz[j];
                gradient[bih + j] += dzj;
                gradient[bhh + j] += dzj;
                int w = wih + j * inputs;
                for (int d = 0; d < inputs; d++) {
                    gradient[w + d] += dzj * theta[x + d];
                    gradient[x + d] += dzj * theta[w + d];
                }
                w = whh + j * hidden;
                for (int k = 0; k < hidden; k++) {
                    gradient[w + k] += dzj * h[prev + k];
                    dhPrevious[k] += dzj * theta[w + k];
                }
            }
            System.arraycopy(dhPrevious, 0, dh, 0, hidden);
        }
    }
}
