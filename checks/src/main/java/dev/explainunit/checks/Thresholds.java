package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * The thresholds of the checks. The defaults are chosen once, from what the statistics mean,
 * and are the same for every explainer (reasons in {@code src/docs/checks.md}):
 *
 * <ul>
 *   <li>{@code correlation = 0.9}: both operand relevances must track their operands with the
 *       expected sign, ρ ≥ 0.9 (more than 80% of the variance of R explained by n);</li>
 *   <li>{@code mass = 0.9}: at least 90% of the absolute relevance on the two operand steps;</li>
 *   <li>{@code conservationMse = 0.01}: E[((R_a + R_b) − y_pred)²] ≤ 0.01, a root-mean-square
 *       gap of 0.1, a fifth of the smallest operand magnitude 0.5;</li>
 *   <li>{@code exactConservation = 1e-6}: |Σ_t R_t + R_rest − f(x)| ≤ 1e-6·max(1, |f(x)|) for
 *       explainers that declare their rest (round-off only);</li>
 *   <li>{@code selectivity = 50}: removing the most relevant steps must change the prediction at
 *       least halfway from removing random steps (0) towards removing the operands (100);</li>
 *   <li>{@code randomization = 0.5}: mean |Spearman ρ| between relevances on the trained and on a
 *       randomised model at most 0.5.</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Thresholds(double correlation, double mass, double conservationMse, double exactConservation,
                         double selectivity, double randomization) {

    /** The documented defaults. */
    public static Thresholds defaults() {
        return new Thresholds(0.9, 0.9, 0.01, 1e-6, 50, 0.5);
    }

    public Thresholds withCorrelation(double value) {
        return new Thresholds(value, mass, conservationMse, exactConservation, selectivity, randomization);
    }

    public Thresholds withMass(double value) {
        return new Thresholds(correlation, value, conservationMse, exactConservation, selectivity, randomization);
    }

    public Thresholds withConservationMse(double value) {
        return new Thresholds(correlation, mass, value, exactConservation, selectivity, randomization);
    }

    public Thresholds withExactConservation(double value) {
        return new Thresholds(correlation, mass, conservationMse, value, selectivity, randomization);
    }

    public Thresholds withSelectivity(double value) {
        return new Thresholds(correlation, mass, conservationMse, exactConservation, value, randomization);
    }

    public Thresholds withRandomization(double value) {
        return new Thresholds(correlation, mass, conservationMse, exactConservation, selectivity, value);
    }
}
