package dev.explainunit.report.internal;

/** The two axes of a point plot, spanning the points whose coordinates are both finite. */
record PlotAxes(Axis x, Axis y) {

    /**
     * Axes over the finite points (xs[i], ys[i]): x drawn from pixel {@code left} to {@code right},
     * y from {@code bottom} up to {@code top}, about four ticks each.
     */
    static PlotAxes spanning(double[] xs, double[] ys, double left, double right, double bottom, double top) {
        double xLo = Double.POSITIVE_INFINITY, xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                xLo = Math.min(xLo, xs[i]);
                xHi = Math.max(xHi, xs[i]);
                yLo = Math.min(yLo, ys[i]);
                yHi = Math.max(yHi, ys[i]);
            }
        }
        return new PlotAxes(new Axis(xLo, xHi, left, right, 4), new Axis(yLo, yHi, bottom, top, 4));
    }
}
