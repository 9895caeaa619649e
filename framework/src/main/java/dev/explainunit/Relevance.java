package dev.explainunit;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The relevance an explainer assigns to each time step, optionally resolved per input
 * dimension, and optionally with the relevance left on the initial state and the biases
 * ("rest"), which lets conservation Σ_t R_t + R_rest = f_c(x) be checked exactly.
 *
 * <p>Values are stored as given; validation (finite, length) is the checks' job, so that a
 * faulty explainer's output can be reported rather than rejected on construction.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Relevance {

    private final double[] steps;
    /** Per-input values row-major (row t from {@code rowStart(t)}), or {@code null}. */
    private final double[] values;
    /** T + 1 row offsets when the rows differ in length, else {@code null} (row t at t·dim). */
    private final int[] offsets;
    private final int dim;
    private final double rest;
    private final boolean hasRest;

    private Relevance(double[] steps, double[] values, int[] offsets, int dim, double rest, boolean hasRest) {
        this.steps = steps;
        this.values = values;
        this.offsets = offsets;
        this.dim = dim;
        this.rest = rest;
        this.hasRest = hasRest;
    }

    /** One relevance value per step (copied). */
    public static Relevance perStep(double... r) {
        if (r == null) {
            throw new IllegalArgumentException("relevance values must not be null");
        }
        return new Relevance(r.clone(), null, null, 0, Double.NaN, false);
    }

    /** T x D relevance values (copied); the value of step t is the sum of row t. */
    public static Relevance perInput(double[][] r) {
        if (r == null) {
            throw new IllegalArgumentException("relevance values must not be null");
        }
        int total = 0;
        boolean ragged = false;
        for (int t = 0; t < r.length; t++) {
            if (r[t] == null) {
                throw new IllegalArgumentException("relevance row " + t + " is null");
            }
            total += r[t].length;
            ragged |= r[t].length != r[0].length;
        }
        double[] values = new double[total];
        int[] offsets = ragged ? new int[r.length + 1] : null;
        int at = 0;
        for (int t = 0; t < r.length; t++) {
            if (ragged) {
                offsets[t] = at;
            }
            System.arraycopy(r[t], 0, values, at, r[t].length);
            at += r[t].length;
        }
        if (ragged) {
            offsets[r.length] = at;
        }
        int dim = r.length == 0 ? 0 : r[0].length;
        return new Relevance(rowSums(values, offsets, dim, r.length), values, offsets, dim, Double.NaN, false);
    }

    /**
     * T x D relevance values given row-major, value (t, d) at {@code values[t·D + d]}; the first
     * T·D values are copied, so a caller may reuse a longer buffer. The same relevance as
     * {@link #perInput(double[][])} of the rows: the value of step t is the sum of row t.
     *
     * @throws IllegalArgumentException if {@code values} is null or shorter than T·D, or T &lt; 0 or D &lt; 1
     */
    public static Relevance perInput(int length, int dim, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException("relevance values must not be null");
        }
        if (length < 0 || dim < 1) {
            throw new IllegalArgumentException("relevance shape must be T >= 0 steps x D >= 1 inputs, is "
                    + length + " x " + dim);
        }
        if ((long) length * dim > values.length) {
            throw new IllegalArgumentException("relevance of " + length + " x " + dim + " needs " + (long) length * dim
                    + " values, got " + values.length);
        }
        double[] copy = Arrays.copyOf(values, length * dim);
        return new Relevance(rowSums(copy, null, dim, length), copy, null, dim, Double.NaN, false);
    }

    /** Σ_d of each row, summed from d = 0 up. */
    private static double[] rowSums(double[] values, int[] offsets, int dim, int length) {
        double[] sums = new double[length];
        for (int t = 0; t < length; t++) {
            int from = offsets == null ? t * dim : offsets[t];
            int to = offsets == null ? from + dim : offsets[t + 1];
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += values[k];
            }
            sums[t] = sum;
        }
        return sums;
    }

    /**
     * This relevance together with the relevance that was not assigned to any input step (initial
     * state, biases, stabilisers), for explainers that conserve the output.
     */
    public Relevance withRest(double rest) {
        return new Relevance(steps, values, offsets, dim, rest, true);
    }

    /** Number of steps T. */
    public int length() {
        return steps.length;
    }

    /** Relevance of step {@code t}. */
    public double step(int t) {
        return steps[t];
    }

    /** Whether values per input dimension are available. */
    public boolean hasPerInput() {
        return values != null;
    }

    /** Relevance of input {@code d} at step {@code t}; only when {@link #hasPerInput()}. */
    public double input(int t, int d) {
        if (values == null) {
            throw new IllegalStateException("this relevance has one value per step, not per input");
        }
        if (t < 0 || t >= steps.length || d < 0 || d >= rowLength(t)) {
            throw new ArrayIndexOutOfBoundsException("relevance input [" + t + "][" + d + "] outside "
                    + steps.length + " steps" + (t >= 0 && t < steps.length ? " x " + rowLength(t) + " inputs" : ""));
        }
        return values[rowStart(t) + d];
    }

    /**
     * Number of per-input values of step {@code t}: the input dimension D, unless the rows given to
     * {@link #perInput(double[][])} differ in length; only when {@link #hasPerInput()}.
     */
    public int inputCount(int t) {
        if (values == null) {
            throw new IllegalStateException("this relevance has one value per step, not per input");
        }
        if (t < 0 || t >= steps.length) {
            throw new ArrayIndexOutOfBoundsException("relevance step " + t + " outside " + steps.length + " steps");
        }
        return rowLength(t);
    }

    private int rowStart(int t) {
        return offsets == null ? t * dim : offsets[t];
    }

    private int rowLength(int t) {
        return offsets == null ? dim : offsets[t + 1] - offsets[t];
    }

    /** The relevance not assigned to any step, present for explainers that declare conservation. */
    public OptionalDouble rest() {
        return hasRest ? OptionalDouble.of(rest) : OptionalDouble.empty();
    }

    /** A copy of the per-step values. */
    public double[] toArray() {
        return steps.clone();
    }

    /** A copy of the per-input values, or {@code null} when only per-step values exist. */
    public double[][] toPerInputArray() {
        if (values == null) {
            return null;
        }
        double[][] copy = new double[steps.length][];
        for (int t = 0; t < steps.length; t++) {
            copy[t] = Arrays.copyOfRange(values, rowStart(t), rowStart(t) + rowLength(t));
        }
        return copy;
    }

    /** Σ_t R_t. */
    public double sum() {
        double s = 0;
        for (double v : steps) {
            s += v;
        }
        return s;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Relevance r && Arrays.equals(r.steps, steps) && Arrays.equals(r.values, values)
                && sameRows(r) && r.hasRest == hasRest
                && Double.compare(r.rest, rest) == 0;
    }

    /** Whether both have rows of the same lengths (given the same steps and values). */
    private boolean sameRows(Relevance r) {
        if (values == null) {
            return true;
        }
        for (int t = 0; t < steps.length; t++) {
            if (r.rowLength(t) != rowLength(t)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return "Relevance" + Arrays.toString(steps) + (hasRest ? " rest=" + rest : "");
    }
}
