package dev.explainunit.model.internal;

import dev.explainunit.model.CellKind;
import org.apiguardian.api.API;

/**
 * The weights of one direction of one layer in PyTorch's layout, G = {@link CellKind#gates()}
 * row blocks of H rows each, and the arrays the kernels read:
 *
 * <pre>
 *   weight_ih  GH x D      weight_hh  GH x H      bias_ih, bias_hh  GH
 * </pre>
 *
 * Besides the row-major weights, made once here: W_ih's D columns and W_hh's H columns (GH values
 * each, the rows of W_ihᵀ and W_hhᵀ), their GH rows (D and H values) and [W_ih | W_hh] row by row.
 * The products z += x_d · (column d of W_ih) for d ascending, and the backward products from the
 * rows likewise, give each element the terms of its row sum in the row sum's order while the inner
 * loop runs over a whole array from index 0, which the JIT turns into vector instructions.
 *
 * <p>Where the biases enter: an LSTM adds b_ih + b_hh to its input projection and nothing to the
 * recurrent one (only their sum matters); a GRU adds b_ih to the input projection and b_hh to the
 * recurrent one (b_hn is multiplied by r). Immutable; arrays are never handed out.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CellWeights {

    final CellKind kind;
    final int inputs;
    final int hidden;
    final int rows;
    final double[] weightIh;
    final double[] weightHh;
    final double[] biasIh;
    final double[] biasHh;
    /** b_ih + b_hh. */
    final double[] bias;
    /** The bias of the input projection: b_ih + b_hh for an LSTM, b_ih for a GRU. */
    final double[] projectionBias;
    /** The bias of the recurrent projection: zeros for an LSTM, b_hh for a GRU. */
    final double[] recurrentBias;
    /** Column d of W_ih (GH values). */
    final double[][] inputColumns;
    /** Column k of W_hh (GH values). */
    final double[][] recurrentColumns;
    /** Row j of W_ih (D values). */
    final double[][] inputRows;
    /** Row j of W_hh (H values). */
    final double[][] recurrentRows;
    /** Row j of W_ih followed by row j of W_hh (D + H values). */
    final double[][] stackedRows;

    /**
     * @param weightIh GH x D row-major, {@code rowsIh} = GH rows
     * @param weightHh GH x H row-major
     * @param biasIh   GH values, or {@code null} for zeros
     * @param biasHh   GH values, or {@code null} for zeros
     * @throws IllegalArgumentException on inconsistent shapes or non-finite values, naming the tensor
     */
    public CellWeights(CellKind kind, int inputs, int hidden, double[] weightIh, double[] weightHh, double[] biasIh,
                       double[] biasHh) {
        if (kind == null) {
            throw new IllegalArgumentException("the cell kind is required");
        }
        if (hidden < 1 || inputs < 1) {
            throw new IllegalArgumentException("a direction needs H >= 1 hidden units and D >= 1 inputs, got H = "
                    + hidden + ", D = " + inputs);
        }
        this.kind = kind;
        this.inputs = inputs;
        this.hidden = hidden;
        this.rows = kind.gates() * hidden;
        this.weightIh = finite("weight_ih", requireLength("weight_ih", weightIh, rows * inputs), inputs);
        this.weightHh = finite("weight_hh", requireLength("weight_hh", weightHh, rows * hidden), hidden);
        this.biasIh = biasIh == null ? new double[rows] : finite("bias_ih", requireLength("bias_ih", biasIh, rows), 1);
        this.biasHh = biasHh == null ? new double[rows] : finite("bias_hh", requireLength("bias_hh", biasHh, rows), 1);
        this.bias = new double[rows];
        for (int j = 0; j < rows; j++) {
            bias[j] = this.biasIh[j] + this.biasHh[j];
        }
        this.projectionBias = kind == CellKind.LSTM ? bias : this.biasIh;
        this.recurrentBias = kind == CellKind.LSTM ? new double[rows] : this.biasHh;
        this.inputColumns = columns(this.weightIh, rows, inputs);
        this.recurrentColumns = columns(this.weightHh, rows, hidden);
        this.inputRows = rows(this.weightIh, rows, inputs);
        this.recurrentRows = rows(this.weightHh, rows, hidden);
        this.stackedRows = stacked(inputRows, recurrentRows);
    }

    private static double[] requireLength(String name, double[] values, int length) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException(name + " must hold " + length + " values, holds "
                    + (values == null ? "none" : values.length));
        }
        return values.clone();
    }

    private static double[] finite(String name, double[] values, int columns) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name + " holds a non-finite value (" + values[k] + ")"
                        + (columns == 1 ? " at index " + k : " at row " + k / columns + ", column " + k % columns));
            }
        }
        return values;
    }

    private static double[][] columns(double[] m, int rows, int cols) {
        double[][] columns = new double[cols][rows];
        for (int j = 0; j < rows; j++) {
            for (int d = 0; d < cols; d++) {
                columns[d][j] = m[j * cols + d];
            }
        }
        return columns;
    }

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

    public CellKind kind() {
        return kind;
    }

    /** D, the values per step this direction reads. */
    public int inputs() {
        return inputs;
    }

    /** H. */
    public int hidden() {
        return hidden;
    }

    /** GH. */
    public int rows() {
        return rows;
    }

    public double weightIh(int row, int col) {
        return weightIh[row * inputs + col];
    }

    public double weightHh(int row, int col) {
        return weightHh[row * hidden + col];
    }

    public double biasIh(int row) {
        return biasIh[row];
    }

    public double biasHh(int row) {
        return biasHh[row];
    }

    /** b_ih + b_hh. */
    public double bias(int row) {
        return bias[row];
    }

    /** A copy of W_ih, row-major. */
    public double[] weightIh() {
        return weightIh.clone();
    }

    /** A copy of W_hh, row-major. */
    public double[] weightHh() {
        return weightHh.clone();
    }

    /** A copy of b_ih. */
    public double[] biasIh() {
        return biasIh.clone();
    }

    /** A copy of b_hh. */
    public double[] biasHh() {
        return biasHh.clone();
    }

    /** out[e] += u[e] · row[e] · a + b over [W_ih[j] | W_hh[j]] (D + H values; u and out from index 0). */
    public void addWeightedGateRow(int j, double[] u, double a, double b, double[] out) {
        Vectors.addWeightedRow(stackedRows[j], u, a, b, out);
    }

    /** out[d] += x[d] · W_ih[j][d] · a + b for d &lt; D. */
    public void addWeightedInputRow(int j, double[] x, double a, double b, double[] out) {
        Vectors.addWeightedRow(inputRows[j], x, a, b, out);
    }

    /** out[k] += h[k] · W_hh[j][k] · a + b for k &lt; H. */
    public void addWeightedRecurrentRow(int j, double[] h, double a, double b, double[] out) {
        Vectors.addWeightedRow(recurrentRows[j], h, a, b, out);
    }

    /**
     * {@link #addWeightedGateRow} for rows j .. j + 3 with factors a[at + r], b[at + r]: each element
     * gets the four rows' terms in row order, added left to right, as four calls would.
     */
    public void addFourWeightedGateRows(int j, double[] u, double[] a, double[] b, int at, double[] out) {
        Vectors.addFourWeightedRows(stackedRows[j], stackedRows[j + 1], stackedRows[j + 2], stackedRows[j + 3], u,
                a[at], a[at + 1], a[at + 2], a[at + 3], b[at], b[at + 1], b[at + 2], b[at + 3], out);
    }

    /**
     * out[j] = Σ_k W_hh[j][k] · h[hAt + k] for the first {@code count} rows j (out modified, from index 0),
     * each summed from 0 over k ascending, in vector instructions.
     */
    public void recurrentProduct(int count, double[] h, int hAt, double[] out) {
        java.util.Arrays.fill(out, 0, count, 0.0);
        Vectors.addScaled(recurrentColumns, hidden, h, hAt, out, count);
    }

    /** out[j] = Σ_d W_ih[j][d] · x[xAt + d] for the first {@code count} rows j (out modified, from index 0). */
    public void inputProduct(int count, double[] x, int xAt, double[] out) {
        java.util.Arrays.fill(out, 0, count, 0.0);
        Vectors.addScaled(inputColumns, inputs, x, xAt, out, count);
    }
}
