package dev.explainunit.train.internal;

import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmDirection;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * The trainable parameters of a unidirectional LSTM with H units, D inputs, one output and no
 * output bias, as one flat vector θ (paper A.4):
 *
 * <pre>
 *   θ = [ W_ih (4H x D, row-major) | W_hh (4H x H) | b (4H) | fc.weight (H) ]
 *   |θ| = 4H(D + H + 1) + H            H = 1, D = 2: 17 parameters
 * </pre>
 *
 * Gate row blocks are i, f, g, o as in PyTorch. PyTorch keeps two bias vectors b_ih and b_hh that
 * only ever enter as their sum; the paper counts one. We train the single vector b and write it to
 * {@code bias_ih} with {@code bias_hh} = 0, which computes the same function.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LstmParameters {

    private final int hidden;
    private final int inputs;

    public LstmParameters(int hidden, int inputs) {
        if (hidden < 1 || inputs < 1) {
            throw new IllegalArgumentException("an LSTM needs H >= 1 and D >= 1, got H=" + hidden + ", D=" + inputs);
        }
        this.hidden = hidden;
        this.inputs = inputs;
    }

    public int hidden() {
        return hidden;
    }

    public int inputs() {
        return inputs;
    }

    /** |θ| = 4H(D + H + 1) + H. */
    public int count() {
        return 4 * hidden * (inputs + hidden + 1) + hidden;
    }

    /** Offset of W_ih in θ. */
    public int weightIhOffset() {
        return 0;
    }

    /** Offset of W_hh in θ. */
    public int weightHhOffset() {
        return 4 * hidden * inputs;
    }

    /** Offset of the bias b in θ. */
    public int biasOffset() {
        return 4 * hidden * (inputs + hidden);
    }

    /** Offset of fc.weight in θ. */
    public int fcOffset() {
        return 4 * hidden * (inputs + hidden + 1);
    }

    /**
     * The paper's initialisation (A.4): every weight, fc.weight included, U(−1, 1); biases 0. Draws
     * {@code nextDouble()} once per weight in θ order from {@code new SplittableRandom(seed)}.
     */
    public double[] initial(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[count()];
        for (int k = 0; k < theta.length; k++) {
            boolean bias = k >= biasOffset() && k < fcOffset();
            theta[k] = bias ? 0.0 : 2 * random.nextDouble() - 1;
        }
        return theta;
    }

    /** The model θ describes: trained bias in {@code bias_ih}, {@code bias_hh} = 0, no fc.bias. */
    public Lstm toLstm(double[] theta) {
        if (theta.length != count()) {
            throw new IllegalArgumentException("expected " + count() + " parameters, got " + theta.length);
        }
        int rows = 4 * hidden;
        DMatrixRMaj weightIh = new DMatrixRMaj(rows, inputs);
        System.arraycopy(theta, weightIhOffset(), weightIh.data, 0, rows * inputs);
        DMatrixRMaj weightHh = new DMatrixRMaj(rows, hidden);
        System.arraycopy(theta, weightHhOffset(), weightHh.data, 0, rows * hidden);
        DMatrixRMaj biasIh = new DMatrixRMaj(rows, 1);
        System.arraycopy(theta, biasOffset(), biasIh.data, 0, rows);
        DMatrixRMaj fc = new DMatrixRMaj(1, hidden);
        System.arraycopy(theta, fcOffset(), fc.data, 0, hidden);
        return new Lstm(new LstmDirection(weightIh, weightHh, biasIh, new DMatrixRMaj(rows, 1)), null, fc, null);
    }

    /**
     * θ of a unidirectional single-output model without fc.bias; the two bias vectors are summed.
     *
     * @throws IllegalArgumentException if the model does not have this shape
     */
    public double[] fromLstm(Lstm model) {
        if (model.isBidirectional() || model.hiddenSize() != hidden || model.inputSize() != inputs
                || model.outputSize() != 1 || model.hasFcBias()) {
            throw new IllegalArgumentException("expected a unidirectional LSTM with H=" + hidden + ", D=" + inputs
                    + ", one output and no fc.bias");
        }
        LstmDirection w = model.forwardDirection();
        double[] theta = new double[count()];
        int rows = 4 * hidden;
        for (int j = 0; j < rows; j++) {
            for (int d = 0; d < inputs; d++) {
                theta[weightIhOffset() + j * inputs + d] = w.weightIh(j, d);
            }
            for (int k = 0; k < hidden; k++) {
                theta[weightHhOffset() + j * hidden + k] = w.weightHh(j, k);
            }
            theta[biasOffset() + j] = w.bias(j);
        }
        for (int k = 0; k < hidden; k++) {
            theta[fcOffset() + k] = model.fcWeight(0, k);
        }
        return theta;
    }
}
