package dev.explainunit.train.internal;

import dev.explainunit.lstm.LstmCell;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The full-batch mean squared error of an LSTM over a {@link SequenceBatch}, with its gradient with
 * respect to θ (layout of {@link LstmParameters}) by back-propagation through time.
 *
 * <pre>
 *   forward (paper A.1):  z_s = W_ih x_s + W_hh h_{s−1} + b;  i, f, o = σ(z_{i,f,o}), g = tanh(z_g)
 *                         c_s = f c_{s−1} + i g;  h_s = o tanh(c_s);  ŷ = fc · h_T
 *   loss:                 L = (1/N) Σ_n (ŷ_n − y_n)²,        ∂L/∂ŷ_n = 2 (ŷ_n − y_n) / N
 *   backward:             δh_T = fc ∂L/∂ŷ,  ∂L/∂fc += h_T ∂L/∂ŷ
 *                         δc_s = δc_{s+1} f_{s+1} + δh_s o_s (1 − tanh² c_s)
 *                         δz_i = δc g i(1−i),  δz_f = δc c_{s−1} f(1−f),  δz_g = δc i (1−g²),
 *                         δz_o = δh tanh(c_s) o(1−o)
 *                         ∂L/∂W_ih += δz x_sᵀ,  ∂L/∂W_hh += δz h_{s−1}ᵀ,  ∂L/∂b += δz,
 *                         δh_{s−1} = W_hhᵀ δz
 * </pre>
 *
 * The arithmetic of a step, forward and backward, is {@link LstmCell}'s, the same as inference.
 *
 * <p>Not thread-safe: one instance holds the workspaces of one training run and allocates nothing per
 * call. The batch is shared read-only.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LstmMseObjective implements MseLoss {

    private final SequenceBatch batch;
    private final LstmParameters layout;
    private final int hidden;
    private final int dim;
    private final int rows;
    private final int wih;
    private final int whh;
    private final int bias;
    private final int fc;
    // per-step records of the current sequence
    private final double[] gate;
    private final double[] c;
    private final double[] h;
    private final double[] tanhC;
    private final double[] dh;
    private final double[] dc;
    private final double[] dz;

    public LstmMseObjective(SequenceBatch batch, LstmParameters layout) {
        if (batch.dim() != layout.inputs()) {
            throw new IllegalArgumentException("the batch has " + batch.dim() + " inputs per step, the model reads "
                    + layout.inputs());
        }
        this.batch = batch;
        this.layout = layout;
        this.hidden = layout.hidden();
        this.dim = layout.inputs();
        this.rows = 4 * hidden;
        this.wih = layout.weightIhOffset();
        this.whh = layout.weightHhOffset();
        this.bias = layout.biasOffset();
        this.fc = layout.fcOffset();
        int steps = batch.maxLength();
        this.gate = new double[steps * rows];
        this.c = new double[(steps + 1) * hidden];
        this.h = new double[(steps + 1) * hidden];
        this.tanhC = new double[steps * hidden];
        this.dh = new double[hidden];
        this.dc = new double[hidden];
        this.dz = new double[rows];
    }

    @Override
    public int dimension() {
        return layout.count();
    }

    @Override
    public double value(double[] theta) {
        double sum = 0;
        for (int n = 0; n < batch.size; n++) {
            double error = forward(theta, n) - batch.targets[n];
            sum += error * error;
        }
        return sum / batch.size;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        Arrays.fill(gradient, 0, layout.count(), 0.0);
        double sum = 0;
        double scale = 2.0 / batch.size;
        for (int n = 0; n < batch.size; n++) {
            double error = forward(theta, n) - batch.targets[n];
            sum += error * error;
            backward(theta, n, scale * error, gradient);
        }
        return sum / batch.size;
    }

    /** Runs sequence n with {@link LstmCell#forwardStep}, recording gates and states, and returns ŷ. */
    private double forward(double[] theta, int n) {
        int first = batch.start[n];
        int length = batch.start[n + 1] - first;
        double[] x = batch.inputs;
        for (int k = 0; k < hidden; k++) {
            c[k] = 0;
            h[k] = 0;
        }
        for (int s = 0; s < length; s++) {
            int prev = s * hidden;
            LstmCell.forwardStep(hidden, dim, theta, wih, theta, whh, theta, bias, x, (first + s) * dim, h, c,
                    prev, prev + hidden, null, gate, s * rows, tanhC, prev);
        }
        double out = 0;
        for (int k = 0; k < hidden; k++) {
            out += theta[fc + k] * h[length * hidden + k];
        }
        return out;
    }

    /**
     * Adds ∂(weight · ŷ_n)/∂θ to {@code gradient}, using the records of the last forward pass of n:
     * {@link LstmCell#backwardStep} and {@link LstmCell#accumulateParameterGradients} per step.
     */
    private void backward(double[] theta, int n, double weight, double[] gradient) {
        int first = batch.start[n];
        int length = batch.start[n + 1] - first;
        double[] x = batch.inputs;
        for (int k = 0; k < hidden; k++) {
            gradient[fc + k] += weight * h[length * hidden + k];
            dh[k] = weight * theta[fc + k];
            dc[k] = 0;
        }
        for (int s = length - 1; s >= 0; s--) {
            int prev = s * hidden;
            LstmCell.backwardStep(hidden, dim, theta, wih, theta, whh, gate, s * rows, tanhC, prev, c, prev, dh, 0,
                    dc, 0, dz, 0, null, 0);
            LstmCell.accumulateParameterGradients(hidden, dim, dz, 0, x, (first + s) * dim, h, prev, gradient, wih,
                    whh, bias);
        }
    }
}
