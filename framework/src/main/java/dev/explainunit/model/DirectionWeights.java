package dev.explainunit.model;

import dev.explainunit.model.internal.CellWeights;
import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * The weights of one direction of one recurrent layer in PyTorch's layout: G = {@link CellKind#gates()}
 * row blocks of H rows each, in the order of {@link CellKind#blocks()}.
 *
 * <pre>
 *   weight_ih  GH x D      weight_hh  GH x H      bias_ih, bias_hh  GH (absent = zeros)
 * </pre>
 *
 * Immutable: the matrices are copied in and only copies are handed out. The element accessors and
 * the row kernels are meant for white-box explainers' inner loops.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DirectionWeights {

    /** LSTM gate blocks. */
    public static final int GATE_I = 0, GATE_F = 1, GATE_G = 2, GATE_O = 3;
    /** GRU gate blocks. */
    public static final int GATE_R = 0, GATE_Z = 1, GATE_N = 2;

    private final CellWeights weights;

    /**
     * @param kind     the cell kind
     * @param weightIh GH x D
     * @param weightHh GH x H
     * @param biasIh   GH x 1 (or 1 x GH), or {@code null} for zeros
     * @param biasHh   GH x 1 (or 1 x GH), or {@code null} for zeros
     * @throws IllegalArgumentException on inconsistent shapes or non-finite values, naming the tensor
     */
    public DirectionWeights(CellKind kind, DMatrixRMaj weightIh, DMatrixRMaj weightHh, DMatrixRMaj biasIh,
                            DMatrixRMaj biasHh) {
        if (kind == null || weightIh == null || weightHh == null) {
            throw new IllegalArgumentException("the cell kind, weight_ih and weight_hh are required");
        }
        int gates = kind.gates();
        if (weightHh.numRows % gates != 0 || weightHh.numRows == 0 || weightHh.numCols != weightHh.numRows / gates) {
            throw new IllegalArgumentException("weight_hh of " + kind + " cells must be " + gates + "H x H (H >= 1), is "
                    + weightHh.numRows + " x " + weightHh.numCols);
        }
        int hidden = weightHh.numCols;
        if (weightIh.numRows != gates * hidden || weightIh.numCols < 1) {
            throw new IllegalArgumentException("weight_ih must be " + gates * hidden + " x D (D >= 1), is "
                    + weightIh.numRows + " x " + weightIh.numCols);
        }
        this.weights = new CellWeights(kind, weightIh.numCols, hidden, values(weightIh),
                values(weightHh), vector("bias_ih", biasIh, gates * hidden), vector("bias_hh", biasHh, gates * hidden));
    }

    /** An LSTM direction (row blocks i, f, g, o). */
    public static DirectionWeights lstm(DMatrixRMaj weightIh, DMatrixRMaj weightHh, DMatrixRMaj biasIh,
                                        DMatrixRMaj biasHh) {
        return new DirectionWeights(CellKind.LSTM, weightIh, weightHh, biasIh, biasHh);
    }

    /** A GRU direction (row blocks r, z, n). */
    public static DirectionWeights gru(DMatrixRMaj weightIh, DMatrixRMaj weightHh, DMatrixRMaj biasIh,
                                       DMatrixRMaj biasHh) {
        return new DirectionWeights(CellKind.GRU, weightIh, weightHh, biasIh, biasHh);
    }

    private static double[] values(DMatrixRMaj m) {
        return java.util.Arrays.copyOf(m.data, m.getNumElements());
    }

    private static double[] vector(String name, DMatrixRMaj v, int length) {
        if (v == null) {
            return null;
        }
        if (v.getNumElements() != length || (v.numRows != 1 && v.numCols != 1)) {
            throw new IllegalArgumentException(name + " must have " + length + " elements, is " + v.numRows + " x "
                    + v.numCols);
        }
        return values(v);
    }

    CellWeights weights() {
        return weights;
    }

    /** The cell kind. */
    public CellKind kind() {
        return weights.kind();
    }

    /** D, the values per step this direction reads. */
    public int inputSize() {
        return weights.inputs();
    }

    /** H. */
    public int hiddenSize() {
        return weights.hidden();
    }

    /** W_ih[row][col], row = gate · H + unit. */
    public double weightIh(int row, int col) {
        return weights.weightIh(row, col);
    }

    /** W_hh[row][col], row = gate · H + unit. */
    public double weightHh(int row, int col) {
        return weights.weightHh(row, col);
    }

    /** b_ih[row]. */
    public double biasIh(int row) {
        return weights.biasIh(row);
    }

    /** b_hh[row]. */
    public double biasHh(int row) {
        return weights.biasHh(row);
    }

    /** b_ih[row] + b_hh[row]. */
    public double bias(int row) {
        return weights.bias(row);
    }

    /** A copy of W_ih (GH x D). */
    public DMatrixRMaj weightIh() {
        return new DMatrixRMaj(weights.rows(), weights.inputs(), true, weights.weightIh());
    }

    /** A copy of W_hh (GH x H). */
    public DMatrixRMaj weightHh() {
        return new DMatrixRMaj(weights.rows(), weights.hidden(), true, weights.weightHh());
    }

    /** A copy of b_ih (GH x 1). */
    public DMatrixRMaj biasIh() {
        return new DMatrixRMaj(weights.rows(), 1, true, weights.biasIh());
    }

    /** A copy of b_hh (GH x 1). */
    public DMatrixRMaj biasHh() {
        return new DMatrixRMaj(weights.rows(), 1, true, weights.biasHh());
    }

    /**
     * out[e] += u[e] · row_j[e] · a + b for e &lt; D + H, row_j = [W_ih[j] | W_hh[j]] and
     * u = [x_t | h_{t−1}] (u and out read from index 0; out modified): row j's share of an ε-rule
     * redistribution, in vector instructions.
     */
    public void addWeightedGateRow(int j, double[] u, double a, double b, double[] out) {
        weights.addWeightedGateRow(j, u, a, b, out);
    }

    /** {@link #addWeightedGateRow} over W_ih's row alone: out[d] += x[d] · W_ih[j][d] · a + b for d &lt; D. */
    public void addWeightedInputRow(int j, double[] x, double a, double b, double[] out) {
        weights.addWeightedInputRow(j, x, a, b, out);
    }

    /** {@link #addWeightedGateRow} over W_hh's row alone: out[k] += h[k] · W_hh[j][k] · a + b for k &lt; H. */
    public void addWeightedRecurrentRow(int j, double[] h, double a, double b, double[] out) {
        weights.addWeightedRecurrentRow(j, h, a, b, out);
    }

    /**
     * {@link #addWeightedGateRow} for rows j .. j + 3 with factors {@code a[at + r]} and {@code b[at + r]}
     * in one pass: each element gets the four rows' terms in row order, added left to right.
     */
    public void addFourWeightedGateRows(int j, double[] u, double[] a, double[] b, int at, double[] out) {
        weights.addFourWeightedGateRows(j, u, a, b, at, out);
    }

    /** out[j] = Σ_d W_ih[j][d] · x[xAt + d] for the first {@code rows} rows j (out modified, from index 0). */
    public void inputProduct(int rows, double[] x, int xAt, double[] out) {
        weights.inputProduct(rows, x, xAt, out);
    }

    /** out[j] = Σ_k W_hh[j][k] · h[hAt + k] for the first {@code rows} rows j (out modified, from index 0). */
    public void recurrentProduct(int rows, double[] h, int hAt, double[] out) {
        weights.recurrentProduct(rows, h, hAt, out);
    }
}
