package dev.explainunit.report.internal;

/** The frame, grid lines and tick labels shared by the plots. */
final class Frame {

    private Frame() {
    }

    static void draw(Svg svg, Axis x, Axis y, double left, double right, double top, double bottom) {
        svg.rect(left, top, right - left, bottom - top, "#ffffff", "stroke=\"#c9d1d9\"");
        for (double t : x.ticks()) {
            double px = x.pixel(t);
            svg.line(px, top, px, bottom, "#eef1f4", 1, null);
            svg.text(px, bottom + 13, Numbers.tick(t, x.step), "middle", "tick");
        }
        for (double t : y.ticks()) {
            double py = y.pixel(t);
            svg.line(left, py, right, py, "#eef1f4", 1, null);
            svg.text(left - 4, py + 3.5, Numbers.tick(t, y.step), "end", "tick");
        }
    }
}
