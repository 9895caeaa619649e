package dev.explainunit.report.internal;

import org.apiguardian.api.API;

/**
 * A scatter plot as inline SVG, e.g. R_a against n_a (paper 3.2: the relevance of an operand
 * should follow its value, here for one method on one task, points pooled over models).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ScatterPlotSvg {

    private static final double WIDTH = 258;
    private static final double HEIGHT = 200;
    private static final double LEFT = 54;
    private static final double RIGHT = 10;
    private static final double TOP = 22;
    private static final double BOTTOM = 36;

    private ScatterPlotSvg() {
    }

    /**
     * The plot of {@code ys} against {@code xs}; non-finite points are left out.
     *
     * @param title  caption above the plot
     * @param xLabel label of the horizontal axis
     * @param yLabel label of the vertical axis
     * @param colour fill colour of the points
     */
    public static String render(String title, String xLabel, String yLabel, double[] xs, double[] ys, String colour) {
        PlotAxes axes = PlotAxes.spanning(xs, ys, LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP);
        Axis x = axes.x();
        Axis y = axes.y();
        Svg svg = new Svg(WIDTH, HEIGHT, title + ": " + yLabel + " against " + xLabel);
        svg.text(WIDTH / 2, 14, title, "middle", "plot-title");
        Frame.draw(svg, x, y, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM);
        if (y.min < 0 && y.max > 0) {
            svg.line(LEFT, y.pixel(0), WIDTH - RIGHT, y.pixel(0), "#9aa3ad", 1, "stroke-dasharray=\"3 3\"");
        }
        svg.group(colour, 0.45);
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                svg.dot(x.pixel(xs[i]), y.pixel(ys[i]), 1.8);
            }
        }
        svg.endGroup();
        svg.text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 4, xLabel, "middle", "axis-label");
        svg.verticalText(11, (TOP + HEIGHT - BOTTOM) / 2, yLabel, "axis-label");
        return svg.finish();
    }
}
