package dev.explainunit.train.internal;

/**
 * A line search along a descent direction p for a step α that satisfies the strong Wolfe
 * conditions (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithms 3.5 and 3.6, with
 * safeguarded cubic interpolation, eq. 3.59):
 *
 * <pre>
 *   φ(α) = f(x + α p)
 *   sufficient decrease:  φ(α) ≤ φ(0) + c1 α φ'(0)          c1 = 1e−4
 *   curvature:            |φ'(α)| ≤ c2 |φ'(0)|                c2 = 0.9
 * </pre>
 *
 * Each evaluation gives φ and φ' together. Holds its own workspaces; not thread-safe.
 */
final class StrongWolfeLineSearch {

    static final double C1 = 1e-4;
    static final double C2 = 0.9;
    private static final int MAX_EXTRAPOLATION = 10;

    private final int n;
    private final double[] xLo;
    private final double[] gLo;
    private double aLo;
    private double fLo;
    private double value;
    private int evaluations;

    StrongWolfeLineSearch(int n) {
        this.n = n;
        this.xLo = new double[n];
        this.gLo = new double[n];
    }

    /** f at the accepted step of the last search. */
    double value() {
        return value;
    }

    /** Function evaluations of the last search. */
    int evaluations() {
        return evaluations;
    }

    /**
     * Searches from {@code x} (value {@code f0}, gradient {@code g0}) along {@code p}, trying
     * {@code alpha1} first, with at most {@code maxEvaluations} evaluations of {@code f}.
     * {@code x}, {@code g0} and {@code p} are not modified.
     *
     * @return the accepted step α &gt; 0, with x + α p in {@code xOut}, its gradient in {@code gOut}
     *         and its value in {@link #value()}; or 0 if no step decreased f ({@code xOut} and
     *         {@code gOut} then hold scratch values)
     */
    double search(DifferentiableFunction f, double[] x, double f0, double[] g0, double[] p, double alpha1,
                  int maxEvaluations, double[] xOut, double[] gOut) {
        evaluations = 0;
        double d0 = dot(g0, p);
        setLo(0, f0, x, g0);
        double aPrev = 0;
        double fPrev = f0;
        double dPrev = d0;
        double a = alpha1;
        for (int i = 0; i < MAX_EXTRAPOLATION && evaluations < maxEvaluations; i++) {
            double fa = evaluate(f, x, p, a, xOut, gOut);
            double da = dot(gOut, p);
            if (!Double.isFinite(fa) || fa > f0 + C1 * a * d0 || (i > 0 && fa >= fPrev)) {
                return zoom(f, x, f0, d0, p, aPrev, fPrev, dPrev, a, fa, da, maxEvaluations, xOut, gOut);
            }
            if (Math.abs(da) <= -C2 * d0) {
                return accept(a, fa);
            }
            setLo(a, fa, xOut, gOut);
            if (da >= 0) {
                return zoom(f, x, f0, d0, p, a, fa, da, aPrev, fPrev, dPrev, maxEvaluations, xOut, gOut);
            }
            double next = cubicMinimiser(aPrev, fPrev, dPrev, a, fa, da);
            double low = a + 1.1 * (a - aPrev);
            double high = a + 10 * (a - aPrev);
            if (!(next >= low)) {
                next = low;
            } else if (next > high) {
                next = high;
            }
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a = next;
        }
        return fallback(xOut, gOut);
    }

    /** Algorithm 3.6: shrinks the bracket [lo, hi] that contains strong Wolfe points. */
    private double zoom(DifferentiableFunction f, double[] x, double f0, double d0, double[] p,
                        double lo, double fLoArg, double dLoArg, double hi, double fHi, double dHi,
                        int maxEvaluations, double[] xOut, double[] gOut) {
        // the state at lo is already recorded by setLo (lo is 0 or an earlier accepted trial)
        double aLow = lo;
        double fLow = fLoArg;
        double dLow = dLoArg;
        while (evaluations < maxEvaluations) {
            double width = hi - aLow;
            if (Math.abs(width) <= 1e-15 * Math.max(1.0, Math.abs(aLow))) {
                break;
            }
            double a = Double.isFinite(fHi) ? cubicMinimiser(aLow, fLow, dLow, hi, fHi, dHi) : Double.NaN;
            double left = Math.min(aLow, hi) + 0.1 * Math.abs(width);
            double right = Math.max(aLow, hi) - 0.1 * Math.abs(width);
            if (!(a >= left && a <= right)) {
                a = aLow + 0.5 * width;
            }
            double fa = evaluate(f, x, p, a, xOut, gOut);
            double da = dot(gOut, p);
            if (!Double.isFinite(fa) || fa > f0 + C1 * a * d0 || fa >= fLow) {
                hi = a;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= -C2 * d0) {
                    return accept(a, fa);
                }
                if (da * (hi - aLow) >= 0) {
                    hi = aLow;
                    fHi = fLow;
                    dHi = dLow;
                }
                aLow = a;
                fLow = fa;
                dLow = da;
                setLo(a, fa, xOut, gOut);
            }
        }
        return fallback(xOut, gOut);
    }

    /** Out of budget: the best point that decreased f, if any. */
    private double fallback(double[] xOut, double[] gOut) {
        if (aLo > 0) {
            System.arraycopy(xLo, 0, xOut, 0, n);
            System.arraycopy(gLo, 0, gOut, 0, n);
            return accept(aLo, fLo);
        }
        return 0;
    }

    private double accept(double a, double fa) {
        value = fa;
        return a;
    }

    private void setLo(double a, double fa, double[] xa, double[] ga) {
        aLo = a;
        fLo = fa;
        System.arraycopy(xa, 0, xLo, 0, n);
        System.arraycopy(ga, 0, gLo, 0, n);
    }

    private double evaluate(DifferentiableFunction f, double[] x, double[] p, double a, double[] xOut, double[] gOut) {
        for (int k = 0; k < n; k++) {
            xOut[k] = x[k] + a * p[k];
        }
        evaluations++;
        return f.valueAndGradient(xOut, gOut);
    }

    /**
     * The minimiser of the cubic that interpolates φ and φ' at a and b (Nocedal and Wright eq. 3.59):
     * d1 = φ'(a) + φ'(b) − 3 (φ(a) − φ(b)) / (a − b), d2 = sign(b − a) √(d1² − φ'(a) φ'(b)),
     * α = b − (b − a) (φ'(b) + d2 − d1) / (φ'(b) − φ'(a) + 2 d2). NaN if the cubic has no minimiser.
     */
    static double cubicMinimiser(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double radicand = d1 * d1 - da * db;
        if (radicand < 0) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(radicand);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int k = 0; k < u.length; k++) {
            sum += u[k] * v[k];
        }
        return sum;
    }
}
