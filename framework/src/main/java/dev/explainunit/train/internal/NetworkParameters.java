package dev.explainunit.train.internal;

import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.ParameterGradient;
import dev.explainunit.model.RecurrentLayer;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.zoo.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * The trainable parameters of a toy model, a unidirectional stack of L layers of one cell kind with
 * H units, D inputs, one output and no output bias, as one flat vector θ. Layer by layer (layer 0
 * reads D values per step, layer k &gt; 0 the H values of layer k − 1), G = 4 (LSTM) or 3 (GRU) row
 * blocks in PyTorch's order, every tensor row-major:
 *
 * <pre>
 *   LSTM layer k:  W_ih (4H x D_k) | W_hh (4H x H) | b (4H)                  4H(D_k + H + 1)
 *   GRU layer k:   W_ih (3H x D_k) | W_hh (3H x H) | b_ih (3H) | b_hn (H)    3H(D_k + H + 1) + H
 *   then           fc.weight (H)
 *   |θ| for one layer, H = 1, D = 2:  LSTM 17 (the paper's A.4), GRU 14
 * </pre>
 *
 * Bias vectors: an LSTM's b_ih and b_hh only ever enter as their sum, so one vector b is trained and
 * written to {@code bias_ih} with {@code bias_hh} = 0 (the paper counts one bias). A GRU's b_hh is
 * a sum with b_ih in the rows of r and z, but its n block sits inside r ⊙ (W_hn h + b_hn), where it
 * is a parameter of its own: b_ih (all three blocks) and b_hn are trained, b_hh's r and z blocks are
 * written as 0. Either way θ has one parameter per degree of freedom of the function and none that
 * moves with another.
 *
 * <p>Initialisation (the paper's A.4, for every architecture): every weight, fc.weight included,
 * U(−1, 1); every bias 0.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class NetworkParameters {

    private final CellKind cell;
    private final int layers;
    private final int hidden;
    private final int inputs;
    private final int rows;
    /** Offset of layer k's block in θ; {@code layerOffset[L]} is fc's offset. */
    private final int[] layerOffset;

    /**
     * @throws IllegalArgumentException if a size is below 1
     */
    public NetworkParameters(CellKind cell, int layers, int hidden, int inputs) {
        if (cell == null || layers < 1 || hidden < 1 || inputs < 1) {
            throw new IllegalArgumentException("a toy network needs a cell, L >= 1, H >= 1 and D >= 1, got " + cell
                    + ", L=" + layers + ", H=" + hidden + ", D=" + inputs);
        }
        this.cell = cell;
        this.layers = layers;
        this.hidden = hidden;
        this.inputs = inputs;
        this.rows = cell.gates() * hidden;
        this.layerOffset = new int[layers + 1];
        for (int k = 0; k < layers; k++) {
            layerOffset[k + 1] = layerOffset[k] + rows * (layerInputs(k) + hidden + 1)
                    + (cell == CellKind.GRU ? hidden : 0);
        }
    }

    /** The layout of {@code architecture} reading {@code inputs} values per step. */
    public static NetworkParameters of(Architecture architecture, int inputs) {
        return new NetworkParameters(architecture.cellKind(), architecture.layers(), architecture.hidden(), inputs);
    }

    public CellKind cell() {
        return cell;
    }

    public int layers() {
        return layers;
    }

    public int hidden() {
        return hidden;
    }

    public int inputs() {
        return inputs;
    }

    /** D_k, the values per step layer k reads: D for layer 0, H above. */
    public int layerInputs(int k) {
        return k == 0 ? inputs : hidden;
    }

    /** |θ|. */
    public int count() {
        return fcOffset() + hidden;
    }

    /** Offset of layer k's W_ih in θ. */
    public int weightIhOffset(int k) {
        return layerOffset[k];
    }

    /** Offset of layer k's W_hh. */
    public int weightHhOffset(int k) {
        return weightIhOffset(k) + rows * layerInputs(k);
    }

    /** Offset of layer k's input bias: b (LSTM) or b_ih (GRU), GH values. */
    public int biasOffset(int k) {
        return weightHhOffset(k) + rows * hidden;
    }

    /** GRU: offset of layer k's b_hn (H values). */
    public int candidateBiasOffset(int k) {
        if (cell != CellKind.GRU) {
            throw new IllegalStateException("only a GRU has b_hn of its own");
        }
        return biasOffset(k) + rows;
    }

    /** Offset of fc.weight (H values). */
    public int fcOffset() {
        return layerOffset[layers];
    }

    /** Whether θ[index] is a bias (initialised to 0). */
    public boolean isBias(int index) {
        for (int k = 0; k < layers; k++) {
            if (index >= biasOffset(k) && index < layerOffset[k + 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The paper's initialisation (A.4): every weight U(−1, 1), every bias 0. Draws
     * {@code nextDouble()} once per weight in θ order from {@code new SplittableRandom(seed)} (for
     * the single-unit LSTM the same draws as version 0.1).
     */
    public double[] initial(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[count()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = isBias(k) ? 0.0 : 2 * random.nextDouble() - 1;
        }
        return theta;
    }

    /**
     * The model θ describes: an LSTM's b in {@code bias_ih} with {@code bias_hh} = 0; a GRU's b_ih in
     * {@code bias_ih} and b_hn in {@code bias_hh}'s n block (its r and z blocks 0); no fc.bias.
     *
     * @throws IllegalArgumentException if θ has the wrong length or a non-finite value
     */
    public RecurrentNetwork toNetwork(double[] theta) {
        if (theta.length != count()) {
            throw new IllegalArgumentException("expected " + count() + " parameters, got " + theta.length);
        }
        List<RecurrentLayer> stack = new ArrayList<>(layers);
        for (int k = 0; k < layers; k++) {
            DMatrixRMaj biasHh = new DMatrixRMaj(rows, 1);
            if (cell == CellKind.GRU) {
                System.arraycopy(theta, candidateBiasOffset(k), biasHh.data, 2 * hidden, hidden);
            }
            DirectionWeights direction = new DirectionWeights(cell, matrix(theta, weightIhOffset(k), rows,
                    layerInputs(k)), matrix(theta, weightHhOffset(k), rows, hidden), matrix(theta, biasOffset(k), rows,
                    1), biasHh);
            stack.add(new RecurrentLayer(direction, null));
        }
        return new RecurrentNetwork(stack, matrix(theta, fcOffset(), 1, hidden), null);
    }

    private static DMatrixRMaj matrix(double[] theta, int offset, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(theta, offset, m.data, 0, rows * cols);
        return m;
    }

    /**
     * θ of a model of this shape: an LSTM's two bias vectors summed into b; a GRU's b_hh r and z
     * blocks added to b_ih's (they only enter as that sum), its n block taken as b_hn.
     *
     * @throws IllegalArgumentException if the model does not have this shape
     */
    public double[] fromNetwork(RecurrentNetwork model) {
        if (model.isBidirectional() || model.cellKind() != cell || model.layerCount() != layers
                || model.hiddenSize() != hidden || model.inputSize() != inputs || model.outputSize() != 1
                || model.hasFcBias()) {
            throw new IllegalArgumentException("expected a unidirectional " + layers + "-layer " + cell + " with H="
                    + hidden + ", D=" + inputs + ", one output and no fc.bias; got " + model);
        }
        double[] theta = new double[count()];
        for (int k = 0; k < layers; k++) {
            DirectionWeights w = model.layer(k).forward();
            int width = layerInputs(k);
            for (int j = 0; j < rows; j++) {
                for (int d = 0; d < width; d++) {
                    theta[weightIhOffset(k) + j * width + d] = w.weightIh(j, d);
                }
                for (int u = 0; u < hidden; u++) {
                    theta[weightHhOffset(k) + j * hidden + u] = w.weightHh(j, u);
                }
                boolean candidate = cell == CellKind.GRU && j >= 2 * hidden;
                theta[biasOffset(k) + j] = candidate ? w.biasIh(j) : w.bias(j);
                if (candidate) {
                    theta[candidateBiasOffset(k) + j - 2 * hidden] = w.biasHh(j);
                }
            }
        }
        for (int u = 0; u < hidden; u++) {
            theta[fcOffset() + u] = model.fcWeight(0, u);
        }
        return theta;
    }

    /**
     * Writes ∂L/∂θ from the model's parameter gradient {@code source} (of a model made by
     * {@link #toNetwork}) to {@code gradient} (modified, |θ| values): b's gradient is that of
     * {@code bias_ih} (which it is), b_hn's that of {@code bias_hh}'s n block.
     */
    public void gradient(ParameterGradient source, double[] gradient) {
        for (int k = 0; k < layers; k++) {
            double[] wih = source.weightIh(k, false);
            double[] whh = source.weightHh(k, false);
            System.arraycopy(wih, 0, gradient, weightIhOffset(k), wih.length);
            System.arraycopy(whh, 0, gradient, weightHhOffset(k), whh.length);
            System.arraycopy(source.biasIh(k, false), 0, gradient, biasOffset(k), rows);
            if (cell == CellKind.GRU) {
                System.arraycopy(source.biasHh(k, false), 2 * hidden, gradient, candidateBiasOffset(k), hidden);
            }
        }
        System.arraycopy(source.fcWeight(), 0, gradient, fcOffset(), hidden);
    }

    /** The architecture of this layout. */
    public Architecture architecture() {
        return Architecture.of(cell, layers, hidden);
    }
}
