package dev.explainunit.report.internal;

import dev.explainunit.report.SentimentSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The sentiment sections of {@code report.html} (paper section 3.3 and 4): Table 3 beside the
 * paper's row, Table 4's numbers and average heatmaps, Table 5's heatmaps per method and Figure
 * 1's projections. Plain HTML and inline SVG with text escaped here, so the page stays one
 * self-contained file.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SentimentHtml {

    private SentimentHtml() {
    }

    /** The sections, or null when the report has none. */
    public static String render(SentimentSection s) {
        if (s == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<section id=\"sentiment\">\n<h2>Sentiment experiments</h2>\n<p class=\"lead\">")
                .append(Escape.xml(s.sentiment().data())).append(": ").append(s.sentiment().sentences())
                .append(" test sentences.</p>\n");
        s.sentiment().skipped().forEach((m, why) -> html.append("<p class=\"lead\">left out: ").append(Escape.xml(m))
                .append(": ").append(Escape.xml(why)).append("</p>\n"));
        table3(html, s.table3());
        table4(html, s);
        table5(html, s.table5());
        figure1(html, s.figure1());
        return html.append("</section>\n").toString();
    }

    private static void table3(StringBuilder html, SentimentSection.Table3 t) {
        html.append("<h3 id=\"table3\">Table 3: word deletion</h3>\n<p class=\"lead\">Average change in accuracy ")
                .append("when the 1, 2, 3 most relevant words (for the true class) are deleted from the correctly ")
                .append("classified test sentences of at least 10 words (decreasing, ").append(t.correct())
                .append(" sentences), or the least relevant ones from the misclassified ones (increasing, ")
                .append(t.incorrect()).append("), normalised: random = 0, occlusion-p-diff = 100; higher is better. ")
                .append("The paper's number in brackets. ").append(Escape.xml(t.note())).append("</p>\n")
                .append("<table class=\"sentiment\"><tr><th>method</th><th>decreasing</th><th>increasing</th>")
                .append("<th>accuracy % decreasing, 0..3 words</th><th>accuracy % increasing, 0..3 words</th></tr>\n");
        for (String method : t.accuracy().getOrDefault("decreasing", Map.of()).keySet()) {
            html.append("<tr><td class=\"name\">").append(Escape.xml(method)).append("</td>");
            for (String order : List.of("decreasing", "increasing")) {
                Double paper = t.paper().getOrDefault(order, Map.of()).get(method);
                html.append("<td class=\"num\">")
                        .append(oneDecimal(("decreasing".equals(order) ? t.decreasing() : t.increasing()).get(method)))
                        .append(paper == null ? "" : " <span class=\"paper\">(" + Numbers.general(paper) + ")</span>")
                        .append("</td>");
            }
            for (String order : List.of("decreasing", "increasing")) {
                List<String> values = new ArrayList<>();
                t.accuracy().get(order).get(method).forEach(v -> values.add(oneDecimal(v)));
                html.append("<td class=\"num\">").append(String.join(" ", values)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<p class=\"lead\">Random deletion: ").append(t.randomDraws())
                .append(" draws; standard error of the scale's 0: ").append(oneDecimal(t.zeroError().get("decreasing")))
                .append(" (decreasing), ").append(oneDecimal(t.zeroError().get("increasing")))
                .append(" (increasing).</p>\n");
    }

    /**
     * The compositions of Table 4 with no sample (n = 0 for every method), which have no numbers to
     * draw, and why, in one sentence; empty when every composition has samples.
     */
    static String withoutSamples(SentimentSection s) {
        List<String> empty = new ArrayList<>();
        s.table4().forEach((composition, cells) -> {
            if (!cells.isEmpty() && cells.values().stream().allMatch(cell -> cell.samples() == 0)) {
                empty.add(composition);
            }
        });
        return empty.isEmpty() ? "" : "No sample (n = 0) of " + String.join(", ", empty) + ": no n-gram of "
                + (empty.size() == 1 ? "it" : "them") + " passes the rules of appendix A.5 on this model (modifiers it"
                + " predicts neutral alone, each changing the prediction of at least 40% of its n-grams as the"
                + " composition needs), so there is nothing to average.";
    }

    private static void table4(StringBuilder html, SentimentSection s) {
        html.append("<h3 id=\"table4\">Table 4: semantic composition</h3>\n<p class=\"lead\">Average relevance of ")
                .append("each word of the composed n-grams, each explained for its predicted class (appendix A.5); ")
                .append("one heatmap row per method, mean ± std and the sample count n below.</p>\n");
        if (s.sentiment().table4Reason() != null) {
            html.append("<p>").append(Escape.xml(s.sentiment().table4Reason())).append("</p>\n");
        }
        String withoutSamples = withoutSamples(s);
        if (!withoutSamples.isEmpty() && s.sentiment().table4Reason() == null) {
            html.append("<p>").append(Escape.xml(withoutSamples)).append("</p>\n");
        }
        for (Map.Entry<String, Map<String, SentimentSection.Composition>> c : s.table4().entrySet()) {
            if (c.getValue().values().stream().allMatch(cell -> cell.samples() == 0)) {
                continue;
            }
            List<WordHeatmapHtml.Row> rows = new ArrayList<>();
            List<String> words = null;
            StringBuilder numbers = new StringBuilder();
            for (Map.Entry<String, SentimentSection.Composition> m : c.getValue().entrySet()) {
                SentimentSection.Composition cell = m.getValue();
                words = cell.words();
                rows.add(new WordHeatmapHtml.Row(m.getKey() + " (n = " + cell.samples() + ")", array(cell.mean())));
                numbers.append("<tr><td class=\"name\">").append(Escape.xml(m.getKey())).append("</td>");
                for (int p = 0; p < cell.words().size(); p++) {
                    numbers.append("<td class=\"num\">").append(general(cell.mean().get(p))).append(" ± ")
                            .append(general(cell.std().get(p))).append("</td>");
                }
                numbers.append("<td class=\"num\">").append(cell.samples()).append("</td></tr>\n");
            }
            if (words == null) {
                continue;
            }
            html.append(WordHeatmapHtml.table(c.getKey(), words, rows));
            html.append("<details><summary>").append(Escape.xml(c.getKey()))
                    .append(": mean ± std per word</summary><table class=\"sentiment\"><tr><th>method</th>");
            words.forEach(w -> html.append("<th>").append(Escape.xml(w)).append("</th>"));
            html.append("<th>n</th></tr>\n").append(numbers).append("</table></details>\n");
        }
    }

    private static void table5(StringBuilder html, List<SentimentSection.Misclassified> rows) {
        html.append("<h3 id=\"table5\">Table 5: the most confidently misclassified test sentences</h3>\n")
                .append("<p class=\"lead\">Relevance for the predicted class, per method; red supports it, blue ")
                .append("speaks against it.</p>\n");
        for (SentimentSection.Misclassified m : rows) {
            List<WordHeatmapHtml.Row> heatmaps = new ArrayList<>();
            m.relevance().forEach((method, r) -> heatmaps.add(new WordHeatmapHtml.Row(method, r)));
            html.append(WordHeatmapHtml.table(String.format(Locale.ROOT,
                    "test sentence %d: true class %d, predicted %d (p = %.2f)", m.index(), m.label(), m.predicted(),
                    m.probability()), m.tokens(), heatmaps));
        }
    }

    private static void figure1(StringBuilder html, Map<String, SentimentSection.Projection> figure1) {
        html.append("<h3 id=\"figure1\">Figure 1: sentence representations</h3>\n<p class=\"lead\">Whitened PCA ")
                .append("of each test sentence's relevance-weighted sum of word embeddings (per method), the plain ")
                .append("average of its embeddings (avg) and LRP's reweighted last hidden layer (lrp-ht), coloured by ")
                .append("true class from very negative (");
        String[] names = {"−−", "−", "0", "+", "++"};
        for (int c = 0; c < names.length; c++) {
            html.append(c > 0 ? ", " : "").append("<span style=\"color:").append(ProjectionSvg.colour(c))
                    .append("\">●</span> ").append(names[c]);
        }
        html.append("); the variance PC1 + PC2 and PC3 explain above each panel.</p>\n<div class=\"multiples\">");
        figure1.forEach((name, p) -> html.append(ProjectionSvg.render(name, array(p.explained()), p.x(), p.y(),
                p.classes())));
        html.append("</div>\n");
    }

    private static double[] array(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = values.get(i);
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    static String oneDecimal(Double v) {
        return v == null || !Double.isFinite(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String general(Double v) {
        return v == null ? "n/a" : Numbers.general(v);
    }
}
