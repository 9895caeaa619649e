package dev.explainunit.lstm;

import dev.explainunit.Sequence;
import org.apiguardian.api.API;

/**
 * A reusable record of one forward pass of an {@link Lstm}: both directions' traces and the
 * output. Create one per thread with {@link Lstm#newTrace()} and pass it to
 * {@link Lstm#forward}; it grows when a longer sequence comes and never shrinks.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LstmTrace {

    final DirectionTrace forward;
    final DirectionTrace reverse;
    final double[] output;
    /** The input of the last pass, T x D row-major, so the passes read a plain array. */
    double[] input = new double[0];
    int length;

    LstmTrace(int hiddenSize, boolean bidirectional, int outputSize) {
        this.forward = new DirectionTrace(hiddenSize);
        this.reverse = bidirectional ? new DirectionTrace(hiddenSize) : null;
        this.output = new double[outputSize];
    }

    void setInput(Sequence x) {
        int size = x.length() * x.dim();
        if (input.length < size) {
            input = new double[Math.max(size, 2 * input.length)];
        }
        x.copyTo(input);
        length = x.length();
    }

    /** Input s · x, x being T × D row-major (not modified); s · x_{t,d} as a multiplication of its own. */
    void setScaledInput(double[] x, int length, int dim, double s) {
        int size = length * dim;
        if (input.length < size) {
            input = new double[Math.max(size, 2 * input.length)];
        }
        for (int v = 0; v < size; v++) {
            input[v] = s * x[v];
        }
        this.length = length;
    }

    /** T of the last pass. */
    public int length() {
        return length;
    }

    /** The forward direction's trace. */
    public DirectionTrace forward() {
        return forward;
    }

    /** The reverse direction's trace, or {@code null} for a unidirectional model. */
    public DirectionTrace reverse() {
        return reverse;
    }

    /** Output c of the last pass, f_c(x) = fc.weight_c · h_T + fc.bias_c. */
    public double output(int c) {
        return output[c];
    }

    /** A copy of the output vector. */
    public double[] outputs() {
        return output.clone();
    }
}
