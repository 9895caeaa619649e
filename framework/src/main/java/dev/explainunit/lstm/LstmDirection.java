package dev.explainunit.lstm;

import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * The weights of one direction of a single-layer LSTM in PyTorch {@code nn.LSTM} layout: gate row
 * blocks in the order <b>i, f, g, o</b>, each H rows tall.
 *
 * <pre>
 *   weight_ih  4H x D      weight_hh  4H x H      bias_ih, bias_hh  4H
 *   z_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh          (paper A.1)
 * </pre>
 *
 * Immutable: the matrices are copied in and only copies are handed out. The element accessors
 * read the internal arrays directly and are meant for explainers' inner loops.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LstmDirection {

    /** Gate block indices in PyTorch order. */
    public static final int GATE_I = 0, GATE_F = 1, GATE_G = 2, GATE_O = 3;

    private final int inputSize;
    private final int hiddenSize;
    // Package-private so that the forward and backward passes index them without accessor calls.
    final double[] weightIh;
    final double[] weightHh;
    private final double[] biasIh;
    private final double[] biasHh;
    final double[] bias;

    /**
     * @param weightIh 4H x D
     * @param weightHh 4H x H
     * @param biasIh   4H x 1, or {@code null} for zeros
     * @param biasHh   4H x 1, or {@code null} for zeros
     * @throws IllegalArgumentException on inconsistent shapes or non-finite values, naming the tensor
     */
    public LstmDirection(DMatrixRMaj weightIh, DMatrixRMaj weightHh, DMatrixRMaj biasIh, DMatrixRMaj biasHh) {
        if (weightIh == null || weightHh == null) {
            throw new IllegalArgumentException("weight_ih and weight_hh are required");
        }
        if (weightHh.numRows % 4 != 0 || weightHh.numRows == 0) {
            throw new IllegalArgumentException("weight_hh must have 4H rows (H >= 1), has " + weightHh.numRows);
        }
        this.hiddenSize = weightHh.numRows / 4;
        this.inputSize = weightIh.numCols;
        requireShape("weight_hh", weightHh, 4 * hiddenSize, hiddenSize);
        requireShape("weight_ih", weightIh, 4 * hiddenSize, weightIh.numCols);
        if (inputSize < 1) {
            throw new IllegalArgumentException("weight_ih must have at least one column");
        }
        this.weightIh = copyFinite("weight_ih", weightIh);
        this.weightHh = copyFinite("weight_hh", weightHh);
        this.biasIh = vector("bias_ih", biasIh, 4 * hiddenSize);
        this.biasHh = vector("bias_hh", biasHh, 4 * hiddenSize);
        this.bias = new double[4 * hiddenSize];
        for (int j = 0; j < bias.length; j++) {
            bias[j] = this.biasIh[j] + this.biasHh[j];
        }
    }

    private static void requireShape(String name, DMatrixRMaj m, int rows, int cols) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + " x " + cols + ", is "
                    + m.numRows + " x " + m.numCols);
        }
    }

    private static double[] copyFinite(String name, DMatrixRMaj m) {
        double[] copy = new double[m.numRows * m.numCols];
        System.arraycopy(m.data, 0, copy, 0, copy.length);
        for (int k = 0; k < copy.length; k++) {
            if (!Double.isFinite(copy[k])) {
                throw new IllegalArgumentException(name + " holds a non-finite value (" + copy[k]
                        + ") at row " + k / m.numCols + ", column " + k % m.numCols);
            }
        }
        return copy;
    }

    private static double[] vector(String name, DMatrixRMaj v, int length) {
        if (v == null) {
            return new double[length];
        }
        if (v.getNumElements() != length || (v.numRows != 1 && v.numCols != 1)) {
            throw new IllegalArgumentException(name + " must have " + length + " elements, is "
                    + v.numRows + " x " + v.numCols);
        }
        return copyFinite(name, v);
    }

    /** D. */
    public int inputSize() {
        return inputSize;
    }

    /** H. */
    public int hiddenSize() {
        return hiddenSize;
    }

    /** W_ih[row][col], row = gate * H + unit. */
    public double weightIh(int row, int col) {
        return weightIh[row * inputSize + col];
    }

    /** W_hh[row][col], row = gate * H + unit. */
    public double weightHh(int row, int col) {
        return weightHh[row * hiddenSize + col];
    }

    /** b_ih[row]. */
    public double biasIh(int row) {
        return biasIh[row];
    }

    /** b_hh[row]. */
    public double biasHh(int row) {
        return biasHh[row];
    }

    /** b_ih[row] + b_hh[row], the bias that enters the pre-activation. */
    public double bias(int row) {
        return bias[row];
    }

    /** A copy of W_ih (4H x D). */
    public DMatrixRMaj weightIh() {
        return new DMatrixRMaj(4 * hiddenSize, inputSize, true, weightIh);
    }

    /** A copy of W_hh (4H x H). */
    public DMatrixRMaj weightHh() {
        return new DMatrixRMaj(4 * hiddenSize, hiddenSize, true, weightHh);
    }

    /** A copy of b_ih (4H x 1). */
    public DMatrixRMaj biasIh() {
        return new DMatrixRMaj(4 * hiddenSize, 1, true, biasIh);
    }

    /** A copy of b_hh (4H x 1). */
    public DMatrixRMaj biasHh() {
        return new DMatrixRMaj(4 * hiddenSize, 1, true, biasHh);
    }
}
