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
    private final double[][] perInput;
    private final double rest;
    private final boolean hasRest;

    private Relevance(double[] steps, double[][] perInput, double rest, boolean hasRest) {
        this.steps = steps;
        this.perInput = perInput;
        this.rest = rest;
        this.hasRest = hasRest;
    }

    /** One relevance value per step (copied). */
    public static Relevance perStep(double... r) {
        if (r == null) {
            throw new IllegalArgumentException("relevance values must not be null");
        }
        return new Relevance(r.clone(), null, Double.NaN, false);
    }

    /** T x D relevance values (copied); the value of step t is the sum of row t. */
    public static Relevance perInput(double[][] r) {
        if (r == null) {
            throw new IllegalArgumentException("relevance values must not be null");
        }
        double[][] copy = new double[r.length][];
        double[] steps = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            if (r[t] == null) {
                throw new IllegalArgumentException("relevance row " + t + " is null");
            }
            copy[t] = r[t].clone();
            double sum = 0;
            for (double v : copy[t]) {
                sum += v;
            }
            steps[t] = sum;
        }
        return new Relevance(steps, copy, Double.NaN, false);
    }

    /**
     * This relevance together with the relevance that was not assigned to any input step (initial
     * state, biases, stabilisers), for explainers that conserve the output.
     */
    public Relevance withRest(double rest) {
        return new Relevance(steps, perInput, rest, true);
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
        return perInput != null;
    }

    /** Relevance of input {@code d} at step {@code t}; only when {@link #hasPerInput()}. */
    public double input(int t, int d) {
        if (perInput == null) {
            throw new IllegalStateException("this relevance has one value per step, not per input");
        }
        return perInput[t][d];
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
        if (perInput == null) {
            return null;
        }
        double[][] copy = new double[perInput.length][];
        for (int t = 0; t < perInput.length; t++) {
            copy[t] = perInput[t].clone();
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
        return other instanceof Relevance r && Arrays.equals(r.steps, steps)
                && Arrays.deepEquals(r.perInput, perInput) && r.hasRest == hasRest
                && Double.compare(r.rest, rest) == 0;
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
