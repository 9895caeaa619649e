package dev.explainunit.model;

import dev.explainunit.Sequence;

/**
 * A deliberately plain forward pass written from DESIGN's equations ("Model format", "Recurrent
 * layers and cells") with loops over the weight accessors, {@link Math#exp} and {@link Math#tanh},
 * sharing no code with the model's passes: the independent computation they are tested against.
 *
 * <pre>
 *   LSTM  z = W_ih x + b_ih + W_hh h + b_hh (blocks i, f, g, o);  c' = f ⊙ c + i ⊙ g;  h' = o ⊙ tanh(c')
 *   GRU   r = σ(W_ir x + b_ir + W_hr h + b_hr);  z likewise;  n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *         h' = (1 − z) ⊙ n + z ⊙ h
 *   layer k &gt; 0 reads [forward h_t ; reverse h_t] of layer k − 1;  f = fc.weight · [forward h_T ; reverse state
 *   after reading x_T..x_1] + fc.bias
 * </pre>
 */
public final class ReferenceNetwork {

    /**
     * @param layerOutputs per layer its output sequence, [layer][t][F]
     * @param finalState   what fc reads, F values
     * @param outputs      f, C values
     */
    public record Pass(double[][][] layerOutputs, double[] finalState, double[] outputs) {
    }

    private ReferenceNetwork() {
    }

    /** f(x). */
    public static double[] outputs(RecurrentNetwork model, Sequence x) {
        return run(model, x).outputs();
    }

    /** The whole forward pass of {@code model} over {@code x}. */
    public static Pass run(RecurrentNetwork model, Sequence x) {
        int length = x.length();
        int hidden = model.hiddenSize();
        int features = model.features();
        double[][] input = x.toArray();
        double[][][] layerOutputs = new double[model.layerCount()][][];
        double[] finalState = new double[features];
        for (int k = 0; k < model.layerCount(); k++) {
            RecurrentLayer layer = model.layer(k);
            double[][] forward = states(layer.forward(), input, false);
            double[][] reverse = layer.isBidirectional() ? states(layer.reverse(), input, true) : null;
            double[][] output = new double[length][features];
            for (int t = 0; t < length; t++) {
                System.arraycopy(forward[t], 0, output[t], 0, hidden);
                if (reverse != null) {
                    // the reverse direction's state after reading x_T..x_t, its processing step T − 1 − t
                    System.arraycopy(reverse[length - 1 - t], 0, output[t], hidden, hidden);
                }
            }
            layerOutputs[k] = output;
            input = output;
            System.arraycopy(forward[length - 1], 0, finalState, 0, hidden);
            if (reverse != null) {
                System.arraycopy(reverse[length - 1], 0, finalState, hidden, hidden);
            }
        }
        double[] outputs = new double[model.outputSize()];
        for (int c = 0; c < outputs.length; c++) {
            double sum = model.fcBias(c);
            for (int k = 0; k < features; k++) {
                sum += model.fcWeight(c, k) * finalState[k];
            }
            outputs[c] = sum;
        }
        return new Pass(layerOutputs, finalState, outputs);
    }

    /**
     * The states of one direction reading {@code input} (T rows; {@code reversed}: x_T first):
     * row s is the state after processing step s.
     */
    public static double[][] states(DirectionWeights w, double[][] input, boolean reversed) {
        int length = input.length;
        int hidden = w.hiddenSize();
        double[][] states = new double[length][];
        double[] h = new double[hidden];
        double[] c = new double[hidden];
        for (int s = 0; s < length; s++) {
            double[] x = input[reversed ? length - 1 - s : s];
            double[] next = new double[hidden];
            if (w.kind() == CellKind.LSTM) {
                for (int k = 0; k < hidden; k++) {
                    double i = sigmoid(row(w, DirectionWeights.GATE_I * hidden + k, x, h));
                    double f = sigmoid(row(w, DirectionWeights.GATE_F * hidden + k, x, h));
                    double g = Math.tanh(row(w, DirectionWeights.GATE_G * hidden + k, x, h));
                    double o = sigmoid(row(w, DirectionWeights.GATE_O * hidden + k, x, h));
                    c[k] = f * c[k] + i * g;
                    next[k] = o * Math.tanh(c[k]);
                }
            } else {
                for (int k = 0; k < hidden; k++) {
                    double r = sigmoid(row(w, DirectionWeights.GATE_R * hidden + k, x, h));
                    double z = sigmoid(row(w, DirectionWeights.GATE_Z * hidden + k, x, h));
                    int n = DirectionWeights.GATE_N * hidden + k;
                    double inputPart = w.biasIh(n);
                    for (int d = 0; d < x.length; d++) {
                        inputPart += w.weightIh(n, d) * x[d];
                    }
                    double recurrentPart = w.biasHh(n);
                    for (int q = 0; q < hidden; q++) {
                        recurrentPart += w.weightHh(n, q) * h[q];
                    }
                    double candidate = Math.tanh(inputPart + r * recurrentPart);
                    next[k] = (1 - z) * candidate + z * h[k];
                }
            }
            h = next;
            states[s] = next.clone();
        }
        return states;
    }

    /** W_ih[j] · x + b_ih[j] + W_hh[j] · h + b_hh[j]. */
    private static double row(DirectionWeights w, int j, double[] x, double[] h) {
        double sum = w.biasIh(j) + w.biasHh(j);
        for (int d = 0; d < x.length; d++) {
            sum += w.weightIh(j, d) * x[d];
        }
        for (int k = 0; k < h.length; k++) {
            sum += w.weightHh(j, k) * h[k];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
