package dev.explainunit.model;

import org.apiguardian.api.API;

/**
 * The two activations of every cell, σ and tanh, in double precision. Inference, training and every
 * explainer compute them with these functions, so a model gives the same numbers wherever it runs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Activations {

    /** Below this magnitude {@link #tanh} takes the Taylor series, from it up the exponential form. */
    static final double SERIES_LIMIT = 0.0625;
    /** 1 / {@link #SERIES_LIMIT}, a power of 2, so that scaling by it is exact. */
    private static final double SERIES_SCALE = 16;

    private Activations() {
    }

    /** σ(x) = 1 / (1 + e^{−x}). */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * tanh(x) in double precision without {@link Math#tanh} (on JDK 17 not an intrinsic, and the
     * forward pass spends most of its time here):
     *
     * <pre>
     *   |x| &lt; 1/16:  x · (1 − x²/3 + 2x⁴/15 − 17x⁶/315 + 62x⁸/2835 − 1382x¹⁰/155925
     *                    + 21844x¹²/6081075 − 929569x¹⁴/638512875)      (Taylor series to x¹⁵)
     *   otherwise:  sign(x) · (1 − e^{−2|x|}) / (1 + e^{−2|x|})         (with the intrinsic Math.exp)
     * </pre>
     *
     * Below 1/16 the omitted terms are below 6e-4 · x¹⁶ ≤ 4e-23 relative and the Horner sum keeps
     * the relative error near one rounding (≤ 3e-16), where 1 − e^{−2|x|} would cancel; from 1/16
     * up the error of e (≤ 1 ulp) is amplified at most 8.5 times: ≤ 1.3e-15 relative. The series
     * also saves an exponential on small arguments, which single-unit models see at most steps.
     */
    public static double tanh(double x) {
        double a = Math.abs(x);
        return a < SERIES_LIMIT ? tanhSeries(x) : tanhFromExponential(x, Math.exp(-2 * a));
    }

    /**
     * {@link #tanh}(x), bit for bit, without a branch on |x|: both forms are computed and the one
     * for |x| is selected. For the units of a layer (H &gt; 1), whose arguments fall on both sides
     * of 1/16 in no predictable order, so that {@link #tanh}'s branch would be mispredicted about as
     * often as it is taken.
     */
    public static double tanhOfLayer(double x) {
        double exponentialForm = tanhFromExponential(x, Math.exp(-2 * Math.abs(x)));
        double series = tanhSeries(x);
        return Math.abs(x) < SERIES_LIMIT ? series : exponentialForm;
    }

    /**
     * out[j] = {@link #tanh}(x[j]) for j in [from, to), given e[j] = e^{−2|x[j]|}, bit for bit, in
     * a loop the JIT runs in vector instructions (a select or a branch on |x| keeps it scalar, and a
     * branch is mispredicted on a layer's units). Both forms are computed and blended by m ∈ {0, 1}:
     *
     * <pre>
     *   xc = max(−1/16, min(1/16, x))        (x where the series is taken, ±1/16 elsewhere)
     *   m  = 1 − ⌊16 |xc|⌋                   (1 exactly where |x| &lt; 1/16, else 0; NaN for NaN)
     *   out = m · series(xc) + (1 − m) · ((1 − e)/(1 + e) · 16 xc)
     * </pre>
     *
     * Where m = 1 the second term is a zero with the sign of x, which leaves series(x) unchanged
     * (−0 included); where m = 0 the first is a zero and 16 xc = ±1 gives the sign of x exactly.
     * All arrays are read and written at index j, which the JIT of JDK 17 needs to vectorise.
     * {@code out} is modified; {@code x} and {@code e} are not.
     */
    public static void tanhOfLayers(double[] x, double[] e, double[] out, int from, int to) {
        for (int j = from; j < to; j++) {
            double v = x[j];
            double xc = Math.max(-SERIES_LIMIT, Math.min(SERIES_LIMIT, v));
            double m = 1 - Math.floor(SERIES_SCALE * Math.abs(xc));
            double t = (1 - e[j]) / (1 + e[j]);
            out[j] = m * tanhSeries(xc) + (1 - m) * (t * (SERIES_SCALE * xc));
        }
    }

    /** {@link #tanh}'s Taylor series, for |x| &lt; {@link #SERIES_LIMIT}. */
    static double tanhSeries(double x) {
        double x2 = x * x;
        return x * (1 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315 + x2 * (62.0 / 2835
                + x2 * (-1382.0 / 155925 + x2 * (21844.0 / 6081075 + x2 * (-929569.0 / 638512875))))))));
    }

    /** {@link #tanh}'s exponential form, given e = e^{−2|x|}, for |x| ≥ {@link #SERIES_LIMIT}. */
    static double tanhFromExponential(double x, double e) {
        double t = (1 - e) / (1 + e);
        return x < 0 ? -t : t;
    }
}
