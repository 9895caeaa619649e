package dev.explainunit.model.internal;

import dev.explainunit.model.CellKind;
import org.apiguardian.api.API;

/**
 * A recurrent network's weights as the passes read them: L layers of one cell kind, each one or two
 * directions of H units, layer 0 reading D inputs and layer k &gt; 0 the F = H (2H bidirectional)
 * outputs of layer k − 1, and the output layer f = fc.weight · h_T + fc.bias (C x F) over the last
 * layer's final state [forward h_T ; reverse state after reading x_T..x_1]. Immutable.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NetworkWeights {

    final CellKind kind;
    final CellWeights[] forward;
    final CellWeights[] reverse;
    final int layers;
    final int hidden;
    final int inputs;
    final int features;
    final int outputs;
    final boolean bidirectional;
    final double[] fcWeight;
    final double[] fcBias;
    final boolean hasFcBias;

    /**
     * @param forward  the forward direction of each layer
     * @param reverse  the reverse direction of each layer, or {@code null} for a unidirectional network
     * @param fcWeight C x F row-major
     * @param outputs  C
     * @param fcBias   C values, or {@code null} for none
     * @throws IllegalArgumentException naming the layer and the defect
     */
    public NetworkWeights(CellWeights[] forward, CellWeights[] reverse, double[] fcWeight, int outputs,
                          double[] fcBias) {
        if (forward == null || forward.length == 0 || forward[0] == null) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.layers = forward.length;
        this.kind = forward[0].kind;
        this.hidden = forward[0].hidden;
        this.inputs = forward[0].inputs;
        this.bidirectional = reverse != null;
        this.features = bidirectional ? 2 * hidden : hidden;
        if (reverse != null && reverse.length != layers) {
            throw new IllegalArgumentException(layers + " forward directions but " + reverse.length + " reverse ones");
        }
        for (int k = 0; k < layers; k++) {
            check(forward[k], k, "", k == 0 ? inputs : features);
            if (reverse != null) {
                check(reverse[k], k, " (reverse)", k == 0 ? inputs : features);
            }
        }
        this.forward = forward.clone();
        this.reverse = reverse == null ? null : reverse.clone();
        if (outputs < 1 || fcWeight == null || fcWeight.length != outputs * features) {
            throw new IllegalArgumentException("fc.weight must be C x " + features + " with C >= 1, holds "
                    + (fcWeight == null ? "nothing" : fcWeight.length + " values for C = " + outputs));
        }
        this.outputs = outputs;
        this.fcWeight = fcWeight.clone();
        this.hasFcBias = fcBias != null;
        if (fcBias != null && fcBias.length != outputs) {
            throw new IllegalArgumentException("fc.bias must have " + outputs + " elements, has " + fcBias.length);
        }
        this.fcBias = fcBias == null ? new double[outputs] : fcBias.clone();
        requireFinite("fc.weight", this.fcWeight);
        requireFinite("fc.bias", this.fcBias);
    }

    private void check(CellWeights w, int layer, String direction, int expectedInputs) {
        if (w == null) {
            throw new IllegalArgumentException("layer " + layer + direction + " is missing");
        }
        if (w.kind != kind) {
            throw new IllegalArgumentException("layer " + layer + direction + " has " + w.kind + " cells, layer 0 "
                    + kind + " cells; the layers of a network are of one kind");
        }
        if (w.hidden != hidden) {
            throw new IllegalArgumentException("layer " + layer + direction + " has " + w.hidden
                    + " hidden units, layer 0 " + hidden + "; the layers of a network have one H");
        }
        if (w.inputs != expectedInputs) {
            throw new IllegalArgumentException("layer " + layer + direction + " reads " + w.inputs + " inputs, "
                    + (layer == 0 ? "layer 0 " + expectedInputs : "layer " + (layer - 1) + " gives " + expectedInputs));
        }
    }

    private static void requireFinite(String name, double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name + " holds a non-finite value (" + values[k] + ") at index " + k);
            }
        }
    }

    public CellKind kind() {
        return kind;
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

    public int outputs() {
        return outputs;
    }

    /** F, the width of each layer's output: H, or 2H bidirectional. */
    public int features() {
        return features;
    }

    public boolean bidirectional() {
        return bidirectional;
    }

    public CellWeights forward(int layer) {
        return forward[layer];
    }

    /** The reverse direction of {@code layer}, or {@code null}. */
    public CellWeights reverse(int layer) {
        return reverse == null ? null : reverse[layer];
    }

    public double fcWeight(int c, int k) {
        return fcWeight[c * features + k];
    }

    public double fcBias(int c) {
        return fcBias[c];
    }

    public boolean hasFcBias() {
        return hasFcBias;
    }

    /** A copy of fc.weight, C x F row-major. */
    public double[] fcWeights() {
        return fcWeight.clone();
    }

    /** A copy of fc.bias (zeros when the network has none). */
    public double[] fcBiases() {
        return fcBias.clone();
    }
}
