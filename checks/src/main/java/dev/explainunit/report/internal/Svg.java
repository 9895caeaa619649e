package dev.explainunit.report.internal;

import java.util.Locale;

/**
 * A minimal SVG writer: every text and attribute value goes through {@link Escape#xml}, numbers
 * are written with at most one decimal (a tenth of a pixel) so the inline markup stays small.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(4096);

    Svg(double width, double height, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" role=\"img\" aria-label=\"").append(Escape.xml(label)).append("\">");
    }

    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    Svg rect(double x, double y, double w, double h, String fill, String extra) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(Escape.xml(fill)).append('"');
        return close(extra);
    }

    /** A rectangle with a hover tooltip. */
    Svg rectWithTitle(double x, double y, double w, double h, String fill, String extra, String title) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(Escape.xml(fill)).append('"');
        if (extra != null && !extra.isEmpty()) {
            out.append(' ').append(extra);
        }
        out.append("><title>").append(Escape.xml(title)).append("</title></rect>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String extra) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(Escape.xml(stroke))
                .append("\" stroke-width=\"").append(n(width)).append('"');
        return close(extra);
    }

    /** Starts a group whose children inherit {@code fill} and {@code fillOpacity}; end it with {@link #endGroup()}. */
    Svg group(String fill, double fillOpacity) {
        out.append("<g fill=\"").append(Escape.xml(fill)).append("\" fill-opacity=\"").append(n(fillOpacity))
                .append("\">");
        return this;
    }

    Svg endGroup() {
        out.append("</g>");
        return this;
    }

    /** A circle that takes its fill from the enclosing group (small markup for many points). */
    Svg dot(double cx, double cy, double r) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\"/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String extra) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(Escape.xml(fill)).append('"');
        return close(extra);
    }

    Svg polyline(double[] xs, double[] ys, String stroke, double width, String extra) {
        out.append("<polyline fill=\"none\" stroke=\"").append(Escape.xml(stroke)).append("\" stroke-width=\"")
                .append(n(width)).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(n(xs[i])).append(',').append(n(ys[i]));
        }
        out.append('"');
        return close(extra);
    }

    /** Text anchored at (x, y); {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String text, String anchor, String cssClass) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append('"');
        if (cssClass != null) {
            out.append(" class=\"").append(Escape.xml(cssClass)).append('"');
        }
        out.append('>').append(Escape.xml(text)).append("</text>");
        return this;
    }

    /** Text rotated by −90° around (x, y), for a vertical axis label. */
    Svg verticalText(double x, double y, String text, String cssClass) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"middle\"")
                .append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\" class=\"")
                .append(Escape.xml(cssClass)).append("\">").append(Escape.xml(text)).append("</text>");
        return this;
    }

    private Svg close(String extra) {
        if (extra != null && !extra.isEmpty()) {
            out.append(' ').append(extra);
        }
        out.append("/>");
        return this;
    }

    String finish() {
        return out.append("</svg>").toString();
    }
}
