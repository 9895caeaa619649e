package dev.explainunit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.report.internal.Escape;
import dev.explainunit.report.internal.WordHeatmapHtml;
import dev.explainunit.sentence.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.sentiment.Composition;
import dev.explainunit.sentiment.CompositionRelevance;
import dev.explainunit.sentiment.DeletionCurve;
import dev.explainunit.sentiment.DeletionOrder;
import dev.explainunit.sentiment.MisclassifiedSentence;
import dev.explainunit.sentiment.ModifierWords;
import dev.explainunit.sentiment.Projection;
import dev.explainunit.sentiment.SentimentExperiments;
import dev.explainunit.sentiment.SentimentResults;
import dev.explainunit.sentiment.SentimentSettings;
import dev.explainunit.sentiment.Table3;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code reproduce --task sentiment}: the paper's sentiment experiments ({@link SentimentExperiments}:
 * Tables 3, 4, 5 and Figure 1) on the bundled model and corpus or on a user's model and data;
 * prints Table 3 beside the paper's row, writes the DESIGN JSON keys with {@code --json} and
 * {@code sentiment.html} (Table 3, Table 4's average heatmaps, Table 5's word heatmaps) into the
 * report folder.
 */
final class SentimentReproduction {

    /** The file the sentiment report goes to, in the report folder. */
    static final String HTML = "sentiment.html";

    private SentimentReproduction() {
    }

    /**
     * Runs the experiments and writes their output.
     *
     * @param data where the sentences came from, for the printed header
     */
    static SentimentResults run(PrintWriter stdout, SentenceModel model, String data, List<SentenceRecord> test,
                                ModifierWords modifiers, SentimentSettings settings) {
        stdout.printf(Locale.ROOT, "sentiment: %d test sentences of %s, %d classes%n", test.size(), data,
                model.classes());
        stdout.flush();
        return SentimentExperiments.run(model, test, modifiers, SentimentExperiments.builtIns(), settings);
    }

    /** Table 3 as text: our normalised scores beside the paper's, then the raw accuracies at 0..3 words. */
    static String table3Text(Table3 table) {
        JsonNode paper = paperTable3();
        StringBuilder text = new StringBuilder();
        text.append("Table 3, word deletion (normalised: random = 0, ").append(Table3.REFERENCE)
                .append(" = 100; the paper's numbers in brackets are on SST, ours on this data)\n");
        text.append(String.format(Locale.ROOT, "%-20s %12s %8s %12s %8s   %-26s %-26s%n", "method", "decreasing",
                "(paper)", "increasing", "(paper)", "accuracy % decr. k=0..3", "accuracy % incr. k=0..3"));
        for (String method : table.accuracy().keySet()) {
            DeletionCurve curve = table.accuracy().get(method);
            text.append(String.format(Locale.ROOT, "%-20s %12s %8s %12s %8s   %-26s %-26s%n", method,
                    number(table.decreasing().get(method)), bracket(paper, "decreasing", method),
                    number(table.increasing().get(method)), bracket(paper, "increasing", method),
                    list(curve.decreasing()), list(curve.increasing())));
        }
        text.append(String.format(Locale.ROOT, "random: %d draws; standard error of the scale's 0: %s (decreasing),"
                        + " %s (increasing)%n", table.random().draws(), number(table.decreasingZeroError()),
                number(table.increasingZeroError())));
        return text.toString();
    }

    /**
     * The DESIGN keys: {@code table3.decreasing.<m>}, {@code table3.increasing.<m>},
     * {@code table3.accuracy.decreasing.<m>} and {@code .increasing.<m>} (four accuracies, random
     * among the methods), {@code table4.<composition>.<m>} and {@code figure1.<representation>.explained}.
     */
    static ObjectNode json(SentimentResults results) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode table3 = root.putObject("table3");
        for (DeletionOrder order : DeletionOrder.values()) {
            ObjectNode normalised = table3.putObject(order.key());
            results.table3().normalised(order).forEach((m, v) -> put(normalised, m, v));
        }
        ObjectNode accuracy = table3.putObject("accuracy");
        for (DeletionOrder order : DeletionOrder.values()) {
            ObjectNode byMethod = accuracy.putObject(order.key());
            results.table3().accuracy().forEach((m, curve) -> numbers(byMethod.putArray(m), curve.accuracy(order)));
        }
        ObjectNode table4 = root.putObject("table4");
        for (Map.Entry<Composition, Map<String, CompositionRelevance>> c : results.table4().entrySet()) {
            ObjectNode composition = table4.putObject(c.getKey().key());
            for (Map.Entry<String, CompositionRelevance> m : c.getValue().entrySet()) {
                ObjectNode cell = composition.putObject(m.getKey());
                ArrayNode words = cell.putArray("words");
                m.getValue().words().forEach(words::add);
                numbers(cell.putArray("mean"), m.getValue().mean());
                numbers(cell.putArray("std"), m.getValue().std());
                cell.put("samples", m.getValue().samples());
            }
        }
        if (results.table4Reason() != null) {
            root.put("table4Reason", results.table4Reason());
        }
        ObjectNode figure1 = root.putObject("figure1");
        for (Projection p : results.figure1().values()) {
            numbers(figure1.putObject(p.representation()).putArray("explained"), p.explained());
        }
        ObjectNode skipped = root.putObject("skipped");
        results.skipped().forEach(skipped::put);
        return root;
    }

    static void writeJson(ObjectNode root, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(file, (new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root)
                + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
    }

    /** A self-contained page: Table 3, Table 4's average heatmaps, Table 5's word heatmaps per method. */
    static String html(SentimentResults results, String data) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>ExplainUnit: sentiment experiments</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#1f2328}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{padding:3px 8px;border-bottom:1px solid #d0d7de;"
                + "text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}"
                + "caption{text-align:left;font-weight:600;padding:4px 0}</style></head><body>\n");
        html.append("<h1>Sentiment experiments</h1>\n<p>").append(Escape.xml(data)).append("</p>\n");
        html.append("<h2>Table 3: word deletion</h2>\n<pre>").append(Escape.xml(table3Text(results.table3())))
                .append("</pre>\n");
        html.append("<h2>Table 4: composition (average relevance per word, for the predicted class)</h2>\n");
        if (results.table4Reason() != null) {
            html.append("<p>").append(Escape.xml(results.table4Reason())).append("</p>\n");
        }
        for (Map.Entry<Composition, Map<String, CompositionRelevance>> c : results.table4().entrySet()) {
            List<WordHeatmapHtml.Row> rows = new ArrayList<>();
            List<String> words = null;
            for (Map.Entry<String, CompositionRelevance> m : c.getValue().entrySet()) {
                words = m.getValue().words();
                rows.add(new WordHeatmapHtml.Row(m.getKey() + " (n = " + m.getValue().samples() + ")",
                        m.getValue().mean()));
            }
            if (words != null) {
                html.append(WordHeatmapHtml.table(c.getKey().key(), words, rows));
            }
        }
        html.append("<h2>Table 5: the most confidently misclassified sentences</h2>\n");
        for (MisclassifiedSentence s : results.table5()) {
            List<WordHeatmapHtml.Row> rows = new ArrayList<>();
            s.relevance().forEach((m, r) -> rows.add(new WordHeatmapHtml.Row(m, r)));
            html.append(WordHeatmapHtml.table(String.format(Locale.ROOT,
                    "test sentence %d: true class %d, predicted %d (p = %.2f); relevance for the predicted class",
                    s.index(), s.label(), s.predicted(), s.probability()), s.tokens(), rows));
        }
        html.append("<h2>Figure 1: variance explained by the whitened PCA</h2>\n<table><tr><th>representation</th>"
                + "<th>PC1 + PC2 %</th><th>PC3 %</th></tr>\n");
        for (Projection p : results.figure1().values()) {
            html.append("<tr><td>").append(Escape.xml(p.representation())).append("</td><td class=\"num\">")
                    .append(number(p.explained()[0])).append("</td><td class=\"num\">")
                    .append(number(p.explained()[1])).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static JsonNode paperTable3() {
        try (InputStream in = SentimentReproduction.class.getResourceAsStream("/dev/explainunit/report/paper-results.json")) {
            return in == null ? null : new ObjectMapper().readTree(in).get("table3");
        } catch (IOException e) {
            return null;
        }
    }

    private static String bracket(JsonNode paper, String order, String method) {
        JsonNode v = paper == null || paper.get(order) == null ? null : paper.get(order).get(method);
        return v == null ? "" : "(" + v.asText() + ")";
    }

    private static String number(Double v) {
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String list(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(number(v));
        }
        return String.join(" ", parts);
    }

    private static void put(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }
}
