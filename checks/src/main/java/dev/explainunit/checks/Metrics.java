package dev.explainunit.checks;

import dev.explainunit.Relevance;
import dev.explainunit.task.GroundTruth;
import org.apiguardian.api.API;

/**
 * The statistics of the sanity checks as pure functions (Arras et al. 2019, section 3.2 and
 * Table 2). Nothing here allocates except where noted; arrays passed in are never modified.
 *
 * <p>Per-sequence quantities ({@link #relevantMass}, {@link #conservationSquaredError},
 * {@link #conservationError}) are averaged over the test sequences of one model to give that
 * model's Table 2 entry; the population statistic of a check is then the mean over the models.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Metrics {

    private Metrics() {
    }

    /**
     * Pearson correlation of the first {@code n} entries of {@code x} and {@code y} (Table 2's
     * ρ(R_a, n_a) and ρ(R_b, n_b)):
     *
     * <pre>
     *   ρ = Σ_i (x_i − x̄)(y_i − ȳ) / sqrt(Σ_i (x_i − x̄)² · Σ_i (y_i − ȳ)²)
     * </pre>
     *
     * Computed in two passes for accuracy. Returns NaN when either series is constant (the
     * correlation is undefined), which the checks treat as "no correlation".
     */
    public static double pearson(double[] x, double[] y, int n) {
        requireSameLength(x, y, n);
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** {@link #pearson(double[], double[], int)} over the whole arrays (equal lengths). */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series of different lengths: " + x.length + " and " + y.length);
        }
        return pearson(x, y, x.length);
    }

    /**
     * Spearman rank correlation of the first {@code n} entries: the Pearson correlation of the
     * ranks, ties sharing their mean rank. Used by the model randomization check (Adebayo et al.
     * 2018). {@code ranksX} and {@code ranksY} (length at least n) are scratch space and are
     * overwritten.
     */
    public static double spearman(double[] x, double[] y, int n, double[] ranksX, double[] ranksY) {
        requireSameLength(x, y, n);
        ranks(x, n, ranksX);
        ranks(y, n, ranksY);
        return pearson(ranksX, ranksY, n);
    }

    /**
     * Writes the rank (1-based, ties get their mean rank) of each of the first {@code n} values of
     * {@code values} into {@code ranks} (modified). O(n²), meant for sequences of a few dozen steps.
     */
    static void ranks(double[] values, int n, double[] ranks) {
        for (int i = 0; i < n; i++) {
            int less = 0;
            int equal = 0;
            for (int j = 0; j < n; j++) {
                if (values[j] < values[i]) {
                    less++;
                } else if (values[j] == values[i]) {
                    equal++;
                }
            }
            ranks[i] = less + (equal + 1) / 2.0;
        }
    }

    /**
     * The share of absolute relevance on the two operand steps a and b of one sequence (Table 2's
     * "mass", before averaging):
     *
     * <pre>
     *   m = (|R_a| + |R_b|) / Σ_t |R_t|
     * </pre>
     *
     * A relevance that is zero everywhere has no mass anywhere; it counts as 0.
     */
    public static double relevantMass(Relevance r, int a, int b) {
        double total = 0;
        for (int t = 0; t < r.length(); t++) {
            total += Math.abs(r.step(t));
        }
        if (total == 0) {
            return 0;
        }
        return (Math.abs(r.step(a)) + Math.abs(r.step(b))) / total;
    }

    /** {@link #relevantMass(Relevance, int, int)} on the first {@code length} values of an array. */
    public static double relevantMass(double[] r, int length, int a, int b) {
        double total = 0;
        for (int t = 0; t < length; t++) {
            total += Math.abs(r[t]);
        }
        if (total == 0) {
            return 0;
        }
        return (Math.abs(r[a]) + Math.abs(r[b])) / total;
    }

    /**
     * The share of absolute relevance on the relevant positions of one sequence, the generic form
     * of Table 2's "mass":
     *
     * <pre>
     *   m = Σ_{t relevant} |R_t| / Σ_t |R_t|
     * </pre>
     *
     * on the first {@code length} values of {@code r}; 0 for a relevance that is zero everywhere.
     */
    public static double relevantMass(double[] r, int length, GroundTruth truth) {
        double total = 0;
        for (int t = 0; t < length; t++) {
            total += Math.abs(r[t]);
        }
        if (total == 0) {
            return 0;
        }
        double relevant = 0;
        for (GroundTruth.Relevant position : truth.relevant()) {
            relevant += Math.abs(r[position.position()]);
        }
        return relevant / total;
    }

    /**
     * The squared conservation error of one sequence with complete ground truth:
     *
     * <pre>
     *   e = (Σ_{t relevant} R_t − f(x))²
     * </pre>
     *
     * on the toy tasks ((R_a + R_b) − y_pred)², the summand of Table 2's "MSE".
     */
    public static double conservationSquaredError(double[] r, GroundTruth truth, double yPred) {
        double relevant = 0;
        for (GroundTruth.Relevant position : truth.relevant()) {
            relevant += r[position.position()];
        }
        double d = relevant - yPred;
        return d * d;
    }

    /**
     * The squared conservation error of one sequence, the summand of Table 2's "MSE":
     *
     * <pre>
     *   e = ((R_a + R_b) − y_pred)²
     * </pre>
     *
     * where y_pred = f(x) is the model's output. The paper's statistic is E[e] over the test set.
     */
    public static double conservationSquaredError(double ra, double rb, double yPred) {
        double d = ra + rb - yPred;
        return d * d;
    }

    /**
     * Mean of the first {@code n} values: E[·] over the test sequences, e.g. Table 2's
     * "MSE" E[((R_a + R_b) − y_pred)²] when given the per-sequence
     * {@link #conservationSquaredError squared errors}, or the mass when given per-sequence masses.
     */
    public static double mean(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += values[i];
        }
        return s / n;
    }

    /**
     * Table 2's conservation "MSE" of one model from its per-sequence relevances of the operands
     * and predictions:
     *
     * <pre>
     *   MSE = (1/N) Σ_i ((R_a,i + R_b,i) − y_pred,i)²
     * </pre>
     */
    public static double conservationMse(double[] ra, double[] rb, double[] yPred, int n) {
        requireSameLength(ra, rb, n);
        requireSameLength(ra, yPred, n);
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += conservationSquaredError(ra[i], rb[i], yPred[i]);
        }
        return s / n;
    }

    /**
     * The exact conservation error of one explanation whose relevance declares its rest (LRP
     * section 2.2: relevance is redistributed, not created):
     *
     * <pre>
     *   |Σ_t R_t + R_rest − f_c(x)|
     * </pre>
     *
     * @throws IllegalArgumentException if the relevance has no {@link Relevance#rest() rest}
     */
    public static double conservationError(Relevance r, double output) {
        if (r.rest().isEmpty()) {
            throw new IllegalArgumentException("the relevance declares no rest, so exact conservation is undefined");
        }
        return Math.abs(r.sum() + r.rest().getAsDouble() - output);
    }

    private static void requireSameLength(double[] x, double[] y, int n) {
        if (n < 0 || x.length < n || y.length < n) {
            throw new IllegalArgumentException("need " + n + " values in both series, have " + x.length + " and "
                    + y.length);
        }
    }
}
