package dev.explainunit.deletion;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Random word deletion (the 0 of Table 3's normalisation), averaged over {@code draws} seeded
 * draws; each draw removes, from every sentence, the first 1, 2, 3 words of a fresh random
 * permutation. Standard errors are over the draws:
 * <pre>
 *   mean = (1/D) Σ_d a_d,   SE = sqrt( Σ_d (a_d − mean)² / (D − 1) ) / sqrt(D)
 * </pre>
 * for each accuracy a (and for each draw's mean change Δ̄_d), NaN for a single draw.
 *
 * @param curve                      the mean accuracies over the draws, method {@code random}
 * @param decreasingStandardError    SE of each {@code curve.decreasing()[k]}, in percentage points
 * @param increasingStandardError    SE of each {@code curve.increasing()[k]}
 * @param decreasingMeanChangeError  SE of {@code curve.meanChange(DECREASING)}
 * @param increasingMeanChangeError  SE of {@code curve.meanChange(INCREASING)}
 * @param draws                      number of draws D
 * @param seed                       the seed the draws derive from
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RandomDeletion(DeletionCurve curve, double[] decreasingStandardError, double[] increasingStandardError,
                             double decreasingMeanChangeError, double increasingMeanChangeError, int draws,
                             long seed) {

    /** The method name random deletion is reported under. */
    public static final String METHOD = "random";

    public RandomDeletion {
        decreasingStandardError = decreasingStandardError.clone();
        increasingStandardError = increasingStandardError.clone();
    }

    /** The SE of each accuracy of one order, a copy. */
    public double[] standardError(DeletionOrder order) {
        return (order == DeletionOrder.DECREASING ? decreasingStandardError : increasingStandardError).clone();
    }

    /** The SE of the mean change Δ̄ of one order. */
    public double meanChangeError(DeletionOrder order) {
        return order == DeletionOrder.DECREASING ? decreasingMeanChangeError : increasingMeanChangeError;
    }

    /**
     * Mean and standard error over draws of per-draw values {@code values[d]}.
     *
     * @return {mean, SE}; SE is NaN for fewer than two draws
     */
    static double[] meanAndStandardError(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new double[] {mean, Double.NaN};
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(squares / (n - 1)) / Math.sqrt(n)};
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RandomDeletion r && r.curve.equals(curve)
                && Arrays.equals(r.decreasingStandardError, decreasingStandardError)
                && Arrays.equals(r.increasingStandardError, increasingStandardError) && r.draws == draws
                && r.seed == seed;
    }

    @Override
    public int hashCode() {
        return curve.hashCode() * 31 + draws;
    }
}
