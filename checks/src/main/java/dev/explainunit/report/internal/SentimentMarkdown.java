package dev.explainunit.report.internal;

import dev.explainunit.report.SentimentSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The sentiment sections of {@code report.md}: Table 3 beside the paper's row, Table 4's numbers,
 * Table 5's sentences and Figure 1's explained variance; the heatmaps and projections are in
 * {@code report.html}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SentimentMarkdown {

    private SentimentMarkdown() {
    }

    /** Appends the sections of {@code s} to {@code md} (modified); nothing when {@code s} is null. */
    public static void append(StringBuilder md, SentimentSection s) {
        if (s == null) {
            return;
        }
        md.append("### Sentiment experiments\n\n").append(Escape.markdown(s.sentiment().data())).append(": ")
                .append(s.sentiment().sentences()).append(" test sentences.\n\n");
        s.sentiment().skipped().forEach((m, why) -> md.append("- left out: ").append(Escape.markdown(m)).append(": ")
                .append(Escape.markdown(why)).append('\n'));
        SentimentSection.Table3 t = s.table3();
        md.append("#### Table 3, word deletion (normalised: random = 0, occlusion-p-diff = 100; the paper's in brackets)")
                .append("\n\n").append(Escape.markdown(t.note())).append(" Decreasing: ").append(t.correct())
                .append(" correctly classified sentences of ≥ 10 words; increasing: ").append(t.incorrect())
                .append(" misclassified.\n\n| method | decreasing | increasing | accuracy % decr. k=0..3 | accuracy % incr. k=0..3 |\n")
                .append("|---|---:|---:|---|---|\n");
        for (String method : t.accuracy().getOrDefault("decreasing", Map.of()).keySet()) {
            md.append("| ").append(Escape.markdown(method));
            for (String order : List.of("decreasing", "increasing")) {
                Double paper = t.paper().getOrDefault(order, Map.of()).get(method);
                md.append(" | ").append(SentimentHtml.oneDecimal(("decreasing".equals(order) ? t.decreasing()
                        : t.increasing()).get(method))).append(paper == null ? "" : " (" + Numbers.general(paper) + ")");
            }
            for (String order : List.of("decreasing", "increasing")) {
                List<String> values = new ArrayList<>();
                t.accuracy().get(order).get(method).forEach(v -> values.add(SentimentHtml.oneDecimal(v)));
                md.append(" | ").append(String.join(" ", values));
            }
            md.append(" |\n");
        }
        md.append("\nRandom deletion: ").append(t.randomDraws()).append(" draws; standard error of the scale's 0: ")
                .append(SentimentHtml.oneDecimal(t.zeroError().get("decreasing"))).append(" (decreasing), ")
                .append(SentimentHtml.oneDecimal(t.zeroError().get("increasing"))).append(" (increasing).\n\n");

        md.append("#### Table 4, composition (mean ± std of each word's relevance for the predicted class)\n\n");
        if (s.sentiment().table4Reason() != null) {
            md.append(Escape.markdown(s.sentiment().table4Reason())).append("\n\n");
        }
        String withoutSamples = SentimentHtml.withoutSamples(s);
        if (!withoutSamples.isEmpty() && s.sentiment().table4Reason() == null) {
            md.append(Escape.markdown(withoutSamples)).append("\n\n");
        }
        for (Map.Entry<String, Map<String, SentimentSection.Composition>> c : s.table4().entrySet()) {
            if (c.getValue().values().stream().allMatch(cell -> cell.samples() == 0)) {
                continue;
            }
            List<String> words = c.getValue().values().stream().findFirst().map(SentimentSection.Composition::words)
                    .orElse(List.of());
            md.append("**").append(Escape.markdown(c.getKey())).append("**\n\n| method |");
            words.forEach(w -> md.append(' ').append(Escape.markdown(w)).append(" |"));
            md.append(" n |\n|---|");
            words.forEach(w -> md.append("---:|"));
            md.append("---:|\n");
            c.getValue().forEach((method, cell) -> {
                md.append("| ").append(Escape.markdown(method)).append(" |");
                for (int p = 0; p < cell.words().size(); p++) {
                    md.append(' ').append(two(cell.mean().get(p))).append(" ± ").append(two(cell.std().get(p)))
                            .append(" |");
                }
                md.append(' ').append(cell.samples()).append(" |\n");
            });
            md.append('\n');
        }

        md.append("#### Table 5, the most confidently misclassified test sentences\n\n")
                .append("Each method's word heatmap (for the predicted class) is in report.html.\n\n");
        for (SentimentSection.Misclassified m : s.table5()) {
            md.append(String.format(Locale.ROOT, "- true %d, predicted %d (p = %.2f): ", m.label(), m.predicted(),
                    m.probability())).append(Escape.markdown(String.join(" ", m.tokens()))).append('\n');
        }
        md.append("\n#### Figure 1, whitened PCA of the sentence representations (plots in report.html)\n\n")
                .append("| representation | PC1 + PC2 % | PC3 % |\n|---|---:|---:|\n");
        s.figure1().forEach((name, p) -> md.append("| ").append(Escape.markdown(name)).append(" | ")
                .append(SentimentHtml.oneDecimal(p.explained().get(0))).append(" | ")
                .append(SentimentHtml.oneDecimal(p.explained().get(1))).append(" |\n"));
        md.append('\n');
    }

    private static String two(Double v) {
        return v == null || !Double.isFinite(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }
}
