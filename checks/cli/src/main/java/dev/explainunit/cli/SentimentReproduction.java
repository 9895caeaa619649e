package dev.explainunit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.deletion.DeletionCurve;
import dev.explainunit.composition.ModifierWords;
import dev.explainunit.sentiment.SentimentExperiments;
import dev.explainunit.sentiment.SentimentProgress;
import dev.explainunit.sentiment.SentimentResults;
import dev.explainunit.sentiment.SentimentSettings;
import dev.explainunit.deletion.Table3;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code reproduce --task sentiment}: the paper's sentiment experiments ({@link SentimentExperiments}:
 * Tables 3, 4, 5 and Figure 1) on the bundled model and corpus or on a user's model and data,
 * with a progress bar per stage; prints Table 3 beside the paper's row. The report sections come
 * from {@link dev.explainunit.reproduce.SentimentSections}.
 */
final class SentimentReproduction {

    private SentimentReproduction() {
    }

    /**
     * Runs the experiments and writes their output.
     *
     * @param data where the sentences came from, for the printed header
     */
    static SentimentResults run(PrintWriter stdout, SentenceModel model, String data, Iterable<SentenceRecord> test,
                                long size, ModifierWords modifiers, SentimentSettings settings) {
        stdout.printf(Locale.ROOT, "sentiment: %d test sentences of %s, %d classes%n", size, data,
                model.classes());
        stdout.flush();
        try (Bars bars = new Bars()) {
            return SentimentExperiments.run(model, test, size, modifiers, SentimentExperiments.builtIns(), settings,
                    bars);
        }
    }

    /** One progress bar per stage of the experiments. */
    private static final class Bars implements SentimentProgress, AutoCloseable {
        private ProgressBar bar;

        @Override
        public void stage(String name, long total) {
            close();
            bar = new ProgressBar("sentiment: " + name, total);
        }

        @Override
        public void advance(long units) {
            bar.advance(units);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
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
}
