package dev.explainunit.report.internal;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Relevance heatmaps coloured like the paper's figures: red for positive, blue for negative
 * relevance, white for zero; each row's intensity is normalised to that row's largest |R_t|.
 * Columns are time steps; the operand steps a and b are marked.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HeatmapSvg {

    private static final double CELL_W = 44;
    private static final double CELL_H = 24;
    private static final double LABEL_W = 150;
    private static final double HEADER = 20;
    private static final double INPUT_LINE = 13;
    private static final int MAX_INPUT_LINES = 3;

    /**
     * One heatmap row: a label and R_t per step, or, when the explainer threw instead of explaining
     * the sequence, what it threw (then {@code relevance} holds no values to draw).
     */
    public record Row(String label, double[] relevance, String thrown) {

        /** A row of relevances. */
        public Row(String label, double[] relevance) {
            this(label, relevance, null);
        }
    }

    /** Longest thrown text drawn in a row; the tooltip has all of it. */
    private static final int THROWN_CHARS = 90;

    private HeatmapSvg() {
    }

    /**
     * The heatmap of {@code rows} over a sequence whose inputs are {@code inputs[t][d]}.
     *
     * @param roles the relevant positions, framed and marked with their role in the header ("a · t=1")
     */
    public static String render(String label, double[][] inputs, Map<Integer, String> roles, List<Row> rows) {
        int steps = inputs.length;
        for (Row row : rows) {
            steps = Math.max(steps, row.relevance().length);
        }
        int dims = inputs.length == 0 ? 0 : Math.min(MAX_INPUT_LINES, inputs[0].length);
        final double top = HEADER + dims * INPUT_LINE + 4;
        double width = LABEL_W + steps * CELL_W + 8;
        double height = top + rows.size() * CELL_H + 6;
        Svg svg = new Svg(width, height, label);
        for (int t = 0; t < steps; t++) {
            double cx = LABEL_W + t * CELL_W + CELL_W / 2;
            String role = roles.get(t);
            svg.text(cx, 13, (role != null ? role + " · " : "") + "t=" + t, "middle",
                    role != null ? "hm-head hm-operand" : "hm-head");
            for (int d = 0; d < dims && t < inputs.length; d++) {
                svg.text(cx, HEADER + (d + 1) * INPUT_LINE - 2, inputText(inputs[t][d]), "middle", "hm-input");
            }
        }
        for (int d = 0; d < dims; d++) {
            svg.text(LABEL_W - 8, HEADER + (d + 1) * INPUT_LINE - 2, "x_t[" + d + "]", "end", "hm-input");
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double y = top + r * CELL_H;
            svg.text(LABEL_W - 8, y + CELL_H / 2 + 4, row.label(), "end", "hm-label");
            if (row.thrown() != null) {
                // one grey bar, not a row of NaN cells: there are no relevances, only an exception
                svg.rectWithTitle(LABEL_W, y, steps * CELL_W - 1, CELL_H - 1, "#e4e4e4", null,
                        row.label() + ": explain(model, x, target) threw " + row.thrown());
                svg.text(LABEL_W + 6, y + CELL_H / 2 + 4, "threw " + shortened(row.thrown()), "start", "hm-value");
                continue;
            }
            double scale = maxAbs(row.relevance());
            for (int t = 0; t < row.relevance().length; t++) {
                double value = row.relevance()[t];
                double x = LABEL_W + t * CELL_W;
                String fill = colour(value, scale);
                svg.rectWithTitle(x, y, CELL_W - 1, CELL_H - 1, fill, null,
                        row.label() + ", t=" + t + ": R=" + Numbers.general(value));
                double intensity = scale > 0 && Double.isFinite(value) ? Math.abs(value) / scale : 0;
                // values below 1% of the row's largest stay blank (the tooltip has them): the pattern reads at a glance
                if (!Double.isFinite(value) || intensity >= 0.01) {
                    svg.text(x + CELL_W / 2, y + CELL_H / 2 + 4, cellText(value), "middle",
                            intensity > 0.6 ? "hm-value hm-dark" : "hm-value");
                }
            }
        }
        double markX = LABEL_W;
        for (int t : roles.keySet()) {
            if (t >= 0 && t < steps) {
                svg.rect(markX + t * CELL_W - 0.5, top - 1, CELL_W, rows.size() * CELL_H + 1, "none",
                        "stroke=\"#1f2328\" stroke-width=\"1.5\"");
            }
        }
        return svg.finish();
    }

    /** Paper colour map: white at 0, red for positive, blue for negative, intensity |R|/max|R|. */
    static String colour(double value, double scale) {
        if (!Double.isFinite(value)) {
            return "#b0b0b0";
        }
        double s = scale > 0 ? Math.min(1, Math.abs(value) / scale) : 0;
        int r, g, bl;
        if (value >= 0) {
            r = mix(255, 214, s);
            g = mix(255, 39, s);
            bl = mix(255, 40, s);
        } else {
            r = mix(255, 33, s);
            g = mix(255, 102, s);
            bl = mix(255, 212, s);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    private static int mix(int from, int to, double s) {
        return (int) Math.round(from + (to - from) * s);
    }

    /** The largest finite |value|, the scale a heatmap normalises to (0 when there is none). */
    static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static String cellText(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : "∞";
        }
        double m = Math.abs(value);
        if (m != 0 && (m < 0.01 || m >= 1000)) {
            return String.format(Locale.ROOT, "%.0e", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String shortened(String thrown) {
        String firstLine = thrown.lines().findFirst().orElse("");
        return firstLine.length() <= THROWN_CHARS ? firstLine : firstLine.substring(0, THROWN_CHARS - 1) + "…";
    }

    private static String inputText(double x) {
        return x == 0 ? "0" : String.format(Locale.ROOT, "%.2f", x);
    }
}
