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
 *
 * <p>Besides the row-major weights the direction keeps, made once here, each weight matrix's
 * columns and rows as arrays of their own: W_ih's D columns and W_hh's H columns (4H values
 * each, i.e. the rows of W_ihᵀ and W_hhᵀ), and their 4H rows (D and H values). {@link LstmCell}
 * computes z = b + W_ih x + W_hh h as z += x_d · (column d of W_ih) for d ascending, then
 * z += h_k · (column k of W_hh) for k ascending, and the backward products W_ihᵀ δz, W_hhᵀ δz
 * from the rows in the same way: each output element gets the same terms in the same order as
 * its row sum, so the bits are those of the row sums, while the inner loop runs over a whole
 * array from index 0, which the JIT turns into vector instructions (a row sum, a reduction of
 * doubles in a fixed order, it cannot, and JDK 17 vectorises only loops whose arrays start at
 * the same offset).
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
    /** Column d of W_ih (4H values): {@code inputColumns[d][j] = W_ih[j][d]}. */
    final double[][] inputColumns;
    /** Column k of W_hh (4H values): {@code recurrentColumns[k][j] = W_hh[j][k]}. */
    final double[][] recurrentColumns;
    /** Row j of W_ih (D values). */
    final double[][] inputRows;
    /** Row j of W_hh (H values). */
    final double[][] recurrentRows;
    /** Row j of W_ih followed by row j of W_hh (D + H values): [W_ih | W_hh], the gate layer's rows. */
    final double[][] stackedRows;
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
        this.inputColumns = columns(this.weightIh, 4 * hiddenSize, inputSize);
        this.recurrentColumns = columns(this.weightHh, 4 * hiddenSize, hiddenSize);
        this.inputRows = rows(this.weightIh, 4 * hiddenSize, inputSize);
        this.recurrentRows = rows(this.weightHh, 4 * hiddenSize, hiddenSize);
        this.stackedRows = stacked(inputRows, recurrentRows);
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

    /** The columns of the rows x cols row-major {@code m}, each an array of {@code rows} values. */
    private static double[][] columns(double[] m, int rows, int cols) {
        double[][] columns = new double[cols][rows];
        for (int j = 0; j < rows; j++) {
            for (int d = 0; d < cols; d++) {
                columns[d][j] = m[j * cols + d];
            }
        }
        return columns;
    }

    /** The rows of the rows x cols row-major {@code m}, each an array of {@code cols} values. */
    private static double[][] rows(double[] m, int rows, int cols) {
        double[][] result = new double[rows][cols];
        for (int j = 0; j < rows; j++) {
            System.arraycopy(m, j * cols, result[j], 0, cols);
        }
        return result;
    }

    private static double[][] stacked(double[][] left, double[][] right) {
        double[][] result = new double[left.length][];
        for (int j = 0; j < left.length; j++) {
            result[j] = new double[left[j].length + right[j].length];
            System.arraycopy(left[j], 0, result[j], 0, left[j].length);
            System.arraycopy(right[j], 0, result[j], left[j].length, right[j].length);
        }
        return result;
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

    /**
     * out[d] += x[d] · W_ih[j][d] · a + b for d &lt; D, each term as ((x_d · W_ih[j][d]) · a) + b
     * (out modified; {@code x} and {@code out} read from index 0): gate row j's share of a
     * relevance redistribution (LRP's ε-rule), in vector instructions.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void addWeightedInputRow(int j, double[] x, double a, double b, double[] out) {
        addWeightedRow(inputRows[j], x, a, b, out);
    }

    /** {@link #addWeightedInputRow} for W_hh: out[k] += h[k] · W_hh[j][k] · a + b for k &lt; H. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void addWeightedRecurrentRow(int j, double[] h, double a, double b, double[] out) {
        addWeightedRow(recurrentRows[j], h, a, b, out);
    }

    /**
     * {@link #addWeightedInputRow} and {@link #addWeightedRecurrentRow} in one loop over the gate
     * row [W_ih[j] | W_hh[j]]: out[e] += u[e] · row_j[e] · a + b for e &lt; D + H, with
     * u = [x_t | h_{t−1}] side by side (out modified; {@code u} and {@code out} read from index 0).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void addWeightedGateRow(int j, double[] u, double a, double b, double[] out) {
        addWeightedRow(stackedRows[j], u, a, b, out);
    }

    /**
     * {@link #addWeightedGateRow} for rows j .. j + 3 with factors {@code a[at .. at + 4)} and
     * {@code b[at .. at + 4)} in one pass: each element gets the four rows' terms in the order of the
     * rows, {@code out[e] + t_j + t_{j+1} + t_{j+2} + t_{j+3}} added left to right, the same as four calls.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public void addFourWeightedGateRows(int j, double[] u, double[] a, double[] b, int at, double[] out) {
        double[] w0 = stackedRows[j];
        double[] w1 = stackedRows[j + 1];
        double[] w2 = stackedRows[j + 2];
        double[] w3 = stackedRows[j + 3];
        double a0 = a[at];
        double a1 = a[at + 1];
        double a2 = a[at + 2];
        double a3 = a[at + 3];
        double b0 = b[at];
        double b1 = b[at + 1];
        double b2 = b[at + 2];
        double b3 = b[at + 3];
        for (int e = 0; e < w0.length; e++) {
            double ue = u[e];
            out[e] = out[e] + (ue * w0[e] * a0 + b0) + (ue * w1[e] * a1 + b1) + (ue * w2[e] * a2 + b2)
                    + (ue * w3[e] * a3 + b3);
        }
    }

    private static void addWeightedRow(double[] row, double[] x, double a, double b, double[] out) {
        for (int d = 0; d < row.length; d++) {
            out[d] += x[d] * row[d] * a + b;
        }
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
