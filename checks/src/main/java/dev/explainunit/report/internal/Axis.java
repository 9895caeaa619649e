package dev.explainunit.report.internal;

/**
 * A linear axis mapping data values to pixels, with "nice" tick values (1, 2, 2.5 or 5 × 10^k).
 */
final class Axis {

    final double min;
    final double max;
    final double step;
    private final double from;
    private final double to;

    /** An axis covering [lo, hi] (widened if empty), drawn from pixel {@code from} to pixel {@code to}. */
    Axis(double lo, double hi, double from, double to, int targetTicks) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-12) {
            double pad = Math.max(Math.abs(lo) * 0.1, 0.5);
            lo -= pad;
            hi += pad;
        }
        step = niceStep((hi - lo) / Math.max(1, targetTicks));
        min = Math.floor(lo / step) * step;
        max = Math.ceil(hi / step) * step;
        this.from = from;
        this.to = to;
    }

    static double niceStep(double raw) {
        double exponent = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / exponent;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * exponent;
    }

    double pixel(double value) {
        return from + (value - min) / (max - min) * (to - from);
    }

    /** Tick values from min to max inclusive. */
    double[] ticks() {
        int count = (int) Math.round((max - min) / step) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = min + i * step;
        }
        return ticks;
    }
}
