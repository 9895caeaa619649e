package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * The thresholds of the checks, one per check form. The defaults are chosen once, from what the
 * statistics mean, and are the same for every explainer (reasons in {@code src/docs/checks.md}):
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
 *       randomised model at most 0.5;</li>
 *   <li>{@code signAgreement = 0.75} (ground-truth correlation on sentences): the balanced share of
 *       polar words whose relevance has the sign of their true contribution at least halfway from a
 *       coin (0.5) to always (1);</li>
 *   <li>{@code sentenceMass = 0.5} (relevant mass on sentences): the label-deciding words hold at
 *       least half of the absolute relevance, more than all other words together;</li>
 *   <li>{@code wordDeletion = 50} (perturbation selectivity on sentences, Table 3): deleting words by
 *       relevance must change the accuracy at least halfway from random deletion (0) towards
 *       deletion by occlusion-p-diff (100);</li>
 *   <li>{@code composition = 0.75}: the share of composition samples with the paper's pattern at
 *       least halfway from a coin (0.5) to always (1).</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Thresholds(double correlation, double mass, double conservationMse, double exactConservation,
                         double selectivity, double randomization, double signAgreement, double sentenceMass,
                         double wordDeletion, double composition) {

    /** Default of {@link #signAgreement()}: halfway from a coin to always. */
    public static final double DEFAULT_SIGN_AGREEMENT = 0.75;
    /** Default of {@link #sentenceMass()}: more than all other words together. */
    public static final double DEFAULT_SENTENCE_MASS = 0.5;
    /** Default of {@link #wordDeletion()}: halfway from random deletion to occlusion-p-diff. */
    public static final double DEFAULT_WORD_DELETION = 50;
    /** Default of {@link #composition()}: halfway from a coin to always. */
    public static final double DEFAULT_COMPOSITION = 0.75;

    /** The thresholds of the checks on sequences, with the defaults of the forms on sentences. */
    public Thresholds(double correlation, double mass, double conservationMse, double exactConservation,
                      double selectivity, double randomization) {
        this(correlation, mass, conservationMse, exactConservation, selectivity, randomization,
                DEFAULT_SIGN_AGREEMENT, DEFAULT_SENTENCE_MASS, DEFAULT_WORD_DELETION, DEFAULT_COMPOSITION);
    }

    /** The documented defaults. */
    public static Thresholds defaults() {
        return new Thresholds(0.9, 0.9, 0.01, 1e-6, 50, 0.5);
    }

    public Thresholds withCorrelation(double value) {
        return new Thresholds(value, mass, conservationMse, exactConservation, selectivity, randomization,
                signAgreement, sentenceMass, wordDeletion, composition);
    }

    public Thresholds withMass(double value) {
        return new Thresholds(correlation, value, conservationMse, exactConservation, selectivity, randomization,
                signAgreement, sentenceMass, wordDeletion, composition);
    }

    public Thresholds withConservationMse(double value) {
        return new Thresholds(correlation, mass, value, exactConservation, selectivity, randomization,
                signAgreement, sentenceMass, wordDeletion, composition);
    }

    public Thresholds withExactConservation(double value) {
        return new Thresholds(correlation, mass, conservationMse, value, selectivity, randomization,
                signAgreement, sentenceMass, wordDeletion, composition);
    }

    public Thresholds withSelectivity(double value) {
        return new Thresholds(correlation, mass, conservationMse, exactConservation, value, randomization,
                signAgreement, sentenceMass, wordDeletion, composition);
    }

    public Thresholds withRandomization(double value) {
        return new Thresholds(correlation, mass, conservationMse, exactConservation, selectivity, value,
                signAgreement, sentenceMass, wordDeletion, composition);
    }

    public Thresholds withSignAgreement(double value) {
        return new Thresholds(correlation, mass, conservationMse, exactConservation, selectivity, randomization,
                value, sentenceMass, wordDeletion, composition);
    }

    public Thresholds withSentenceMass(double value) {
        return new Thresholds(correlation, mass, conservationMse, exactConservation, selectivity, randomization,
                signAgreement, value, wordDeletion, composition);
    }

    public Thresholds withWordDeletion(double value) {
        return new Thresholds(correlation, mass, conservationMse, exactConservation, selectivity, randomization,
                signAgreement, sentenceMass, value, composition);
    }

    public Thresholds withComposition(double value) {
        return new Thresholds(correlation, mass, conservationMse, exactConservation, selectivity, randomization,
                signAgreement, sentenceMass, wordDeletion, value);
    }
}
