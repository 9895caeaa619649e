package dev.explainunit.model.internal;

import org.apiguardian.api.API;

/**
 * What a network's forward pass over one input recorded: the input (T x D row-major), every layer's
 * directions ({@link DirectionRecord}), the output sequence of every layer but the last (T x F,
 * row t = [forward h_t ; reverse h_t], the next layer's input) and the outputs f. With the scratch
 * of the backward passes. Reused from pass to pass; grows, never shrinks. One thread.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NetworkRecord {

    final DirectionRecord[] forward;
    final DirectionRecord[] reverse;
    final int hidden;
    final int features;
    final double[] output;
    double[] input = new double[0];
    int length;
    int dim;
    /** Per layer k &lt; L − 1 its output sequence, T x F. */
    final double[][] layerOutput;
    /** Per layer k &lt; L − 1 the gradient (or relevance) of its output sequence, T x F. */
    final double[][] layerGradient;

    public NetworkRecord(NetworkWeights n) {
        this.forward = new DirectionRecord[n.layers];
        this.reverse = n.bidirectional ? new DirectionRecord[n.layers] : null;
        for (int k = 0; k < n.layers; k++) {
            forward[k] = new DirectionRecord(n.kind, n.hidden);
            if (reverse != null) {
                reverse[k] = new DirectionRecord(n.kind, n.hidden);
            }
        }
        this.hidden = n.hidden;
        this.features = n.features;
        this.output = new double[n.outputs];
        this.layerOutput = new double[n.layers - 1][0];
        this.layerGradient = new double[n.layers - 1][0];
    }

    /** Copies {@code values} (T x D row-major) as the input of the next pass. */
    public void setInput(double[] values, int length, int dim) {
        System.arraycopy(values, 0, inputBuffer(length, dim), 0, length * dim);
    }

    /** {@code scale} · values (T x D row-major; each value scaled by a multiplication of its own) as the input. */
    public void setScaledInput(double[] values, int length, int dim, double scale) {
        double[] in = inputBuffer(length, dim);
        for (int v = 0; v < length * dim; v++) {
            in[v] = scale * values[v];
        }
    }

    /** The input buffer to be filled with T x D values by the caller (contents undefined). */
    public double[] inputBuffer(int length, int dim) {
        int size = length * dim;
        if (input.length < size) {
            input = new double[Math.max(size, 2 * input.length)];
        }
        setShape(length, dim);
        return input;
    }

    private void setShape(int length, int dim) {
        this.length = length;
        this.dim = dim;
        for (int k = 0; k < layerOutput.length; k++) {
            if (layerOutput[k].length < length * features) {
                layerOutput[k] = new double[Math.max(length * features, 2 * layerOutput[k].length)];
                layerGradient[k] = new double[layerOutput[k].length];
            }
        }
    }

    /** Whether this record has the shapes of {@code n}'s passes (kind, layers, H, directions, outputs). */
    public boolean fits(NetworkWeights n) {
        return forward.length == n.layers && forward[0].kind == n.kind && hidden == n.hidden
                && (reverse != null) == n.bidirectional && output.length == n.outputs;
    }

    /** T of the last pass. */
    public int length() {
        return length;
    }

    /** The layers. */
    public int layers() {
        return forward.length;
    }

    public DirectionRecord forward(int layer) {
        return forward[layer];
    }

    /** The reverse direction of {@code layer}, or {@code null}. */
    public DirectionRecord reverse(int layer) {
        return reverse == null ? null : reverse[layer];
    }

    /** The input of {@code layer}, T x D_k row-major: the network's input for layer 0, layer k − 1's output else. */
    public double[] layerInput(int layer) {
        return layer == 0 ? input : layerOutput[layer - 1];
    }

    /** Values per row of {@link #layerInput}. */
    public int layerInputWidth(int layer) {
        return layer == 0 ? dim : features;
    }

    /** Output c of the last pass. */
    public double output(int c) {
        return output[c];
    }

    /** C. */
    public int outputCount() {
        return output.length;
    }

    /** The outputs of the last pass, copied. */
    public double[] outputs() {
        return output.clone();
    }

    /** Writes the output sequence of {@code layer} (&lt; L − 1) from its directions' records. */
    void collectOutput(int layer) {
        double[] out = layerOutput[layer];
        double[] h = forward[layer].h;
        for (int t = 0; t < length; t++) {
            System.arraycopy(h, (t + 1) * hidden, out, t * features, hidden);
        }
        if (reverse != null) {
            double[] hr = reverse[layer].h;
            for (int t = 0; t < length; t++) {
                System.arraycopy(hr, (length - t) * hidden, out, t * features + hidden, hidden);
            }
        }
    }

    /**
     * Hands the gradient of {@code layer}'s output sequence (in {@code layerGradient[layer]}) to its
     * directions: row t's first H values reach the forward direction's step t, the last H the
     * reverse direction's step T − 1 − t.
     */
    void distributeGradient(int layer) {
        double[] grad = layerGradient[layer];
        double[] in = forward[layer].dhIn;
        for (int t = 0; t < length; t++) {
            System.arraycopy(grad, t * features, in, t * hidden, hidden);
        }
        if (reverse != null) {
            double[] inReverse = reverse[layer].dhIn;
            for (int t = 0; t < length; t++) {
                System.arraycopy(grad, t * features + hidden, inReverse, (length - 1 - t) * hidden, hidden);
            }
        }
    }
}
