package dev.explainunit.report.internal;

import java.util.List;

/** A line plot of several named series over x = 0, 1, ..., K, with a legend on the right. */
public final class LinePlotSvg {

    private static final double PLOT_WIDTH = 330;
    private static final double LEGEND_WIDTH = 150;
    private static final double HEIGHT = 240;
    private static final double LEFT = 50;
    private static final double TOP = 24;
    private static final double BOTTOM = 38;

    /** One line: its name, values at x = 0..K and colour; dashed for baselines. */
    public record Series(String name, double[] values, String colour, boolean dashed) {
    }

    private LinePlotSvg() {
    }

    public static String render(String title, String xLabel, String yLabel, List<Series> series) {
        int points = 0;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            points = Math.max(points, s.values().length);
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double right = PLOT_WIDTH - 10;
        Axis x = new Axis(0, Math.max(1, points - 1), LEFT, right, Math.max(1, points - 1));
        Axis y = new Axis(Math.min(0, lo), hi, HEIGHT - BOTTOM, TOP, 5);
        Svg svg = new Svg(PLOT_WIDTH + LEGEND_WIDTH, HEIGHT, title);
        svg.text(PLOT_WIDTH / 2, 15, title, "middle", "plot-title");
        Frame.draw(svg, x, y, LEFT, right, TOP, HEIGHT - BOTTOM);
        double legendY = TOP + 6;
        for (Series s : series) {
            int n = s.values().length;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x.pixel(i);
                ys[i] = y.pixel(Double.isFinite(s.values()[i]) ? s.values()[i] : 0);
            }
            String dash = s.dashed() ? "stroke-dasharray=\"5 4\"" : null;
            svg.polyline(xs, ys, s.colour(), 2, dash);
            for (int i = 0; i < n; i++) {
                svg.circle(xs[i], ys[i], 2.5, s.colour(), null);
            }
            svg.line(PLOT_WIDTH + 4, legendY, PLOT_WIDTH + 24, legendY, s.colour(), 2.5, dash);
            svg.text(PLOT_WIDTH + 30, legendY + 4, s.name(), "start", "legend");
            legendY += 17;
        }
        svg.text((LEFT + right) / 2, HEIGHT - 5, xLabel, "middle", "axis-label");
        svg.verticalText(12, (TOP + HEIGHT - BOTTOM) / 2, yLabel, "axis-label");
        return svg.finish();
    }
}
