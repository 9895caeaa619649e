package dev.explainunit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a test network: cell kind, L layers, D inputs, H units, C outputs, uni- or
 * bidirectional, with or without the cells' bias vectors and fc.bias.
 */
public record NetworkShape(CellKind kind, int layers, int inputs, int hidden, int outputs, boolean bidirectional,
                           boolean biases, boolean fcBias) {

    /** A single-layer LSTM with biases and fc.bias. */
    public static NetworkShape lstm(int inputs, int hidden, int outputs, boolean bidirectional) {
        return new NetworkShape(CellKind.LSTM, 1, inputs, hidden, outputs, bidirectional, true, true);
    }

    /** This shape with {@code layers} layers. */
    public NetworkShape withLayers(int layers) {
        return new NetworkShape(kind, layers, inputs, hidden, outputs, bidirectional, biases, fcBias);
    }

    /** This shape with (or without) the cells' biases and fc.bias. */
    public NetworkShape withBiases(boolean biases, boolean fcBias) {
        return new NetworkShape(kind, layers, inputs, hidden, outputs, bidirectional, biases, fcBias);
    }

    /** A seed made of this shape, the same in every run (unlike {@link #hashCode()}, which hashes the cell kind's identity). */
    public long seed() {
        return toString().hashCode();
    }

    /** H, or 2H bidirectional: what the output layer and every layer above the first read. */
    public int features() {
        return bidirectional ? 2 * hidden : hidden;
    }

    /**
     * For each cell kind, 1 to {@code maxLayers} layers, uni- and bidirectional: a few (D, H, C)
     * combinations, H = 1 among them, with and without biases.
     */
    public static List<NetworkShape> variety(int maxLayers) {
        int[][] sizes = {{2, 1, 1}, {3, 2, 2}, {1, 3, 3}, {4, 5, 2}};
        List<NetworkShape> shapes = new ArrayList<>();
        int n = 0;
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= maxLayers; layers++) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    for (int[] size : sizes) {
                        boolean biases = n % 5 != 4;
                        shapes.add(new NetworkShape(kind, layers, size[0], size[1], size[2], bidirectional, biases,
                                n % 3 != 2));
                        n++;
                    }
                }
            }
        }
        return shapes;
    }

    @Override
    public String toString() {
        return layers + "-layer " + (bidirectional ? "bidirectional " : "") + kind + " D=" + inputs + " H=" + hidden
                + " C=" + outputs + (biases ? "" : " no biases") + (fcBias ? " fc.bias" : "");
    }
}
