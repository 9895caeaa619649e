package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * One row of a counterexample table: step t, its input x_t, its relevance R_t and, in a sentence,
 * its word (which the table shows instead of the embedding x_t).
 *
 * @param t         0-based step
 * @param x         the step's inputs
 * @param relevance R_t (NaN if the explainer gave none)
 * @param word      the step's word where the sample has tokens ({@code Sample.tokens()}), else null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StepValue(int t, double[] x, double relevance, String word) {

    /** A step that is not a word. */
    public StepValue(int t, double[] x, double relevance) {
        this(t, x, relevance, null);
    }
}
