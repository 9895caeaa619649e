package dev.explainunit.report.internal;

import org.apiguardian.api.API;

/**
 * A Figure 1 panel as inline SVG (paper section 3.3): each test sentence's representation at its
 * whitened PC1, PC2 coordinates, coloured by its true class on the paper's scale from very
 * negative (dark blue) through neutral (grey) to very positive (dark red).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProjectionSvg {

    private static final double WIDTH = 258;
    private static final double HEIGHT = 230;
    private static final double LEFT = 40;
    private static final double RIGHT = 10;
    private static final double TOP = 36;
    private static final double BOTTOM = 30;
    /** Five classes, 0 = −− .. 4 = ++; other class counts cycle through them. */
    private static final String[] CLASS_COLOURS = {"#2166ac", "#92c5de", "#8c8c8c", "#f4a582", "#b2182b"};

    private ProjectionSvg() {
    }

    /** The colour of class {@code c}. */
    public static String colour(int c) {
        return CLASS_COLOURS[Math.floorMod(c, CLASS_COLOURS.length)];
    }

    /**
     * The panel of one representation; non-finite points are left out.
     *
     * @param name      the representation, e.g. {@code lrp-all}
     * @param explained {% of variance by PC1 + PC2, % by PC3}
     */
    public static String render(String name, double[] explained, double[] xs, double[] ys, int[] classes) {
        PlotAxes axes = PlotAxes.spanning(xs, ys, LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP);
        Axis x = axes.x();
        Axis y = axes.y();
        String variance = "PC1+PC2 " + Numbers.general(round(explained[0])) + "%, PC3 "
                + Numbers.general(round(explained[1])) + "%";
        Svg svg = new Svg(WIDTH, HEIGHT, name + ": whitened PCA of the test sentences, " + variance);
        svg.text(WIDTH / 2, 14, name, "middle", "plot-title");
        svg.text(WIDTH / 2, 28, variance, "middle", "axis-label");
        Frame.draw(svg, x, y, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM);
        for (int c = 0; c < CLASS_COLOURS.length; c++) {
            svg.group(CLASS_COLOURS[c], 0.55);
            for (int i = 0; i < xs.length; i++) {
                if (Math.floorMod(classes[i], CLASS_COLOURS.length) == c && Double.isFinite(xs[i])
                        && Double.isFinite(ys[i])) {
                    svg.dot(x.pixel(xs[i]), y.pixel(ys[i]), 1.5);
                }
            }
            svg.endGroup();
        }
        svg.text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 4, "PC1 (whitened)", "middle", "axis-label");
        svg.verticalText(11, (TOP + HEIGHT - BOTTOM) / 2, "PC2", "axis-label");
        return svg.finish();
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}
