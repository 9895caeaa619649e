package dev.explainunit.report.internal;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Word heatmaps as in the paper's Tables 4 and 5: each word of a sentence on a red (positive) or
 * blue (negative) background whose intensity is |R_t| over the sentence's largest |R_t| (the
 * colour map of {@link HeatmapSvg}), the value on hover. Plain HTML with inline styles, so a report
 * stays one self-contained file and the words wrap and can be copied as text.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WordHeatmapHtml {

    /** Above this share of the largest |R| a word is written in white, to stay legible on a dark background. */
    private static final double DARK = 0.6;

    /**
     * One sentence's relevance under one label, e.g. a method's id; {@code roles} names the role of
     * each label-deciding word (null elsewhere, or null for none), which is framed and named on hover.
     */
    public record Row(String label, double[] relevance, List<String> roles) {

        /** A row without roles. */
        public Row(String label, double[] relevance) {
            this(label, relevance, null);
        }
    }

    private WordHeatmapHtml() {
    }

    /**
     * One sentence: {@code <span>}s of the words, coloured by {@code relevance}, each with the
     * title {@code "word: R = value"}.
     *
     * @throws IllegalArgumentException if tokens and relevance differ in length
     */
    public static String sentence(List<String> tokens, double[] relevance) {
        return sentence(tokens, relevance, null);
    }

    /**
     * As {@link #sentence(List, double[])}, with the words that have a role in {@code roles} (null:
     * none) framed, their title {@code "word (role): R = value"}.
     */
    public static String sentence(List<String> tokens, double[] relevance, List<String> roles) {
        if (tokens.size() != relevance.length) {
            throw new IllegalArgumentException(tokens.size() + " words but " + relevance.length + " relevance values");
        }
        double scale = HeatmapSvg.maxAbs(relevance);
        StringBuilder html = new StringBuilder("<span class=\"word-heatmap\" style=\"line-height:1.9\">");
        for (int t = 0; t < relevance.length; t++) {
            double value = relevance[t];
            double intensity = scale > 0 && Double.isFinite(value) ? Math.abs(value) / scale : 0;
            String role = roles == null || t >= roles.size() ? null : roles.get(t);
            html.append("<span style=\"background:").append(HeatmapSvg.colour(value, scale))
                    .append(intensity > DARK ? ";color:#ffffff" : "")
                    .append(role == null ? "" : ";outline:1.5px solid #1f2328")
                    .append(";padding:1px 3px;border-radius:2px\" title=\"")
                    .append(Escape.xml(tokens.get(t) + (role == null ? "" : " (" + role + ")") + ": R = "
                            + Numbers.general(value))).append("\">")
                    .append(Escape.xml(tokens.get(t))).append("</span>");
            if (t + 1 < relevance.length) {
                html.append(' ');
            }
        }
        return html.append("</span>").toString();
    }

    /** A table of one sentence under several labels (e.g. one row per method), headed by {@code caption}. */
    public static String table(String caption, List<String> tokens, List<Row> rows) {
        StringBuilder html = new StringBuilder("<table class=\"word-heatmaps\">\n<caption>")
                .append(Escape.xml(caption)).append("</caption>\n");
        for (Row row : rows) {
            html.append("<tr><th scope=\"row\">").append(Escape.xml(row.label())).append("</th><td>")
                    .append(sentence(tokens, row.relevance(), row.roles())).append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }
}
