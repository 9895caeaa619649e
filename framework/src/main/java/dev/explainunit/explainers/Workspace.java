package dev.explainunit.explainers;

import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.NetworkTrace;

/**
 * Buffers one thread reuses from one explanation to the next: a forward trace, the input copied
 * row-major, a gradient, and the T x D row-major values or T values handed to
 * {@link dev.explainunit.Relevance#perInput(int, int, double[])} / {@link dev.explainunit.Relevance#perStep}
 * (which copy them). Buffers grow when a longer sequence or a larger model comes and never
 * shrink, so a steady stream of explanations allocates only the returned relevance.
 */
class Workspace {

    private NetworkTrace trace;
    private double[] input = new double[0];
    private double[] gradient = new double[0];
    private double[][] stepsByLength = new double[0][];

    /** A trace that fits {@code model}'s shapes (created on the first call and on a change of shapes). */
    final NetworkTrace trace(RecurrentNetwork model) {
        if (trace == null || !trace.fits(model)) {
            trace = model.newTrace();
        }
        return trace;
    }

    /** {@code x} copied row-major into a reused buffer: value (t, d) at index t·D + d. */
    final double[] input(Sequence x) {
        input = grow(input, x.length() * x.dim());
        x.copyTo(input);
        return input;
    }

    /** A reused buffer of at least {@code n} values, contents undefined. */
    final double[] gradient(int n) {
        gradient = grow(gradient, n);
        return gradient;
    }

    /**
     * ∂f_target/∂x of {@code model} at {@code input}, value (t, d) at index t·D + d of the reused
     * gradient buffer (returned; at least T·D long): one forward pass into {@link #trace} and one
     * backward pass ({@link RecurrentNetwork#inputGradient}).
     */
    final double[] inputGradient(RecurrentNetwork model, Sequence input, int target) {
        NetworkTrace recorded = model.forward(input, trace(model));
        double[] result = gradient(input.length() * input.dim());
        model.inputGradient(recorded, target, result);
        return result;
    }

    /** A reused array of exactly {@code length} values for {@link dev.explainunit.Relevance#perStep}, contents undefined. */
    final double[] steps(int length) {
        if (stepsByLength.length <= length) {
            double[][] larger = new double[Math.max(length + 1, 2 * stepsByLength.length)][];
            System.arraycopy(stepsByLength, 0, larger, 0, stepsByLength.length);
            stepsByLength = larger;
        }
        if (stepsByLength[length] == null) {
            stepsByLength[length] = new double[length];
        }
        return stepsByLength[length];
    }

    /** {@code buffer} if it holds {@code n} values, else a larger array (contents not kept). */
    static double[] grow(double[] buffer, int n) {
        return buffer.length >= n ? buffer : new double[Math.max(n, 2 * buffer.length)];
    }
}
