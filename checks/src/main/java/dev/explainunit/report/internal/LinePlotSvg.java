package dev.explainunit.report.internal;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A line plot of several named series over x = 0, 1, ..., K: one plot with a legend on the right
 * ({@link #render}), or a small panel without a legend on a y range shared by its neighbours
 * ({@link #panel}), for small multiples.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LinePlotSvg {

    private static final double PLOT_WIDTH = 330;
    private static final double LEGEND_WIDTH = 150;
    private static final double HEIGHT = 240;
    private static final double PANEL_WIDTH = 230;
    private static final double PANEL_HEIGHT = 170;
    private static final double LEFT = 50;
    private static final double TOP = 24;
    private static final double BOTTOM = 38;

    /** One line: its name, values at x = 0..K and colour; dashed for baselines. */
    public record Series(String name, double[] values, String colour, boolean dashed) {
    }

    private LinePlotSvg() {
    }

    public static String render(String title, String xLabel, String yLabel, List<Series> series) {
        double[] range = range(series);
        return draw(title, xLabel, yLabel, series, range[0], range[1], PLOT_WIDTH, HEIGHT, true);
    }

    /** A small panel without a legend, its y axis from {@code lo} to {@code hi} (shared by the panels it sits among). */
    public static String panel(String title, String xLabel, String yLabel, List<Series> series, double lo, double hi) {
        return draw(title, xLabel, yLabel, series, lo, hi, PANEL_WIDTH, PANEL_HEIGHT, false);
    }

    /** {min, max} of the finite values of {@code series}. */
    public static double[] range(List<Series> series) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    private static String draw(String title, String xLabel, String yLabel, List<Series> series, double lo, double hi,
                               double plotWidth, double height, boolean legend) {
        int points = 0;
        for (Series s : series) {
            points = Math.max(points, s.values().length);
        }
        double right = plotWidth - 10;
        Axis x = new Axis(0, Math.max(1, points - 1), LEFT, right, Math.max(1, points - 1));
        Axis y = new Axis(Math.min(0, lo), hi, height - BOTTOM, TOP, legend ? 5 : 4);
        Svg svg = new Svg(plotWidth + (legend ? LEGEND_WIDTH : 0), height, title);
        svg.text(plotWidth / 2, 15, title, "middle", "plot-title");
        Frame.draw(svg, x, y, LEFT, right, TOP, height - BOTTOM);
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
            if (legend) {
                svg.line(plotWidth + 4, legendY, plotWidth + 24, legendY, s.colour(), 2.5, dash);
                svg.text(plotWidth + 30, legendY + 4, s.name(), "start", "legend");
                legendY += 17;
            }
        }
        svg.text((LEFT + right) / 2, height - 5, xLabel, "middle", "axis-label");
        svg.verticalText(12, (TOP + height - BOTTOM) / 2, yLabel, "axis-label");
        return svg.finish();
    }
}
