package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * One row of a counterexample table: step t, its input x_t and its relevance R_t.
 *
 * @param t         0-based step
 * @param x         the step's inputs
 * @param relevance R_t (NaN if the explainer gave none)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StepValue(int t, double[] x, double relevance) {
}
