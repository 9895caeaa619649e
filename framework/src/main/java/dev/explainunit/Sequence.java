package dev.explainunit;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * An immutable input sequence of T time steps with D inputs each, stored row-major in double
 * precision.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Sequence {

    private final int length;
    private final int dim;
    private final double[] values;

    private Sequence(int length, int dim, double[] values) {
        this.length = length;
        this.dim = dim;
        this.values = values;
    }

    /**
     * A sequence holding a copy of {@code steps}: {@code steps[t][d]} is input d at step t.
     *
     * @throws IllegalArgumentException if there are no steps, a step is empty or null, the steps
     *                                  differ in length, or a value is not finite
     */
    public static Sequence of(double[][] steps) {
        if (steps == null || steps.length == 0) {
            throw new IllegalArgumentException("a sequence needs at least one step");
        }
        if (steps[0] == null || steps[0].length == 0) {
            throw new IllegalArgumentException("step 0 is empty; every step needs at least one input");
        }
        int dim = steps[0].length;
        double[] values = new double[steps.length * dim];
        for (int t = 0; t < steps.length; t++) {
            double[] step = steps[t];
            if (step == null || step.length != dim) {
                throw new IllegalArgumentException("step " + t + " has "
                        + (step == null ? "no values" : step.length + " inputs") + ", expected " + dim);
            }
            for (int d = 0; d < dim; d++) {
                if (!Double.isFinite(step[d])) {
                    throw new IllegalArgumentException("input [" + t + "][" + d + "] is not finite: " + step[d]);
                }
                values[t * dim + d] = step[d];
            }
        }
        return new Sequence(steps.length, dim, values);
    }

    /** Number of time steps T. */
    public int length() {
        return length;
    }

    /** Number of inputs D per step. */
    public int dim() {
        return dim;
    }

    /** Input {@code d} at step {@code t}. */
    public double get(int t, int d) {
        if (t < 0 || t >= length || d < 0 || d >= dim) {
            throw new IndexOutOfBoundsException("[" + t + "][" + d + "] outside " + length + " x " + dim);
        }
        return values[t * dim + d];
    }

    /** A copy of this sequence with every input of step {@code t} set to zero (occlusion). */
    public Sequence withStepZeroed(int t) {
        return withStepsZeroed(t);
    }

    /** A copy of this sequence with every input of the given steps set to zero. */
    public Sequence withStepsZeroed(int... steps) {
        double[] copy = values.clone();
        for (int t : steps) {
            Arrays.fill(copy, t * dim, (t + 1) * dim, 0.0);
        }
        return new Sequence(length, dim, copy);
    }

    /** A copy of the steps, {@code [t][d]}. */
    public double[][] toArray() {
        double[][] steps = new double[length][dim];
        for (int t = 0; t < length; t++) {
            System.arraycopy(values, t * dim, steps[t], 0, dim);
        }
        return steps;
    }

    /** Copies the values row-major (step by step) into {@code target} from index 0. */
    public void copyTo(double[] target) {
        System.arraycopy(values, 0, target, 0, values.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sequence s && s.length == length && s.dim == dim && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * length + dim) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Sequence" + Arrays.deepToString(toArray());
    }
}
