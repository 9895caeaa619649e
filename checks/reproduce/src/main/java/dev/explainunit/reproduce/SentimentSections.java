package dev.explainunit.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.explainunit.composition.Composition;
import dev.explainunit.deletion.DeletionCurve;
import dev.explainunit.deletion.DeletionOrder;
import dev.explainunit.deletion.Table3;
import dev.explainunit.report.ReportJson;
import dev.explainunit.report.SentimentSection;
import dev.explainunit.sentiment.CompositionRelevance;
import dev.explainunit.sentiment.MisclassifiedSentence;
import dev.explainunit.sentiment.Projection;
import dev.explainunit.sentiment.SentimentResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The sentiment experiments' results ({@link dev.explainunit.sentiment.SentimentExperiments}) as
 * the sentiment sections of a report, with the paper's Table 3 row beside ours.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentimentSections {

    /** What Table 3's comparison with the paper must say. */
    public static final String DATA_DIFFER = "The paper's numbers were measured on SST with its own model; ours on "
            + "this model and data, which differ. Compare the ordering of the methods, not the values.";

    private SentimentSections() {
    }

    /**
     * The sections of {@code results}.
     *
     * @param data the model and the sentences, in words, e.g. "the bundled model on the generated corpus"
     */
    public static SentimentSection of(SentimentResults results, String data) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        results.nanos().forEach((step, nanos) -> seconds.put(step, Math.round(nanos / 1e7) / 100.0));
        int shown = results.figure1().values().stream().mapToInt(p -> p.x().length).findFirst().orElse(0);
        SentimentSection.Run run = new SentimentSection.Run(data, results.sentences(), shown,
                results.table4Reason(), new LinkedHashMap<>(results.skipped()), seconds);
        return new SentimentSection(run, table3(results.table3()), table4(results), table5(results),
                figure1(results));
    }

    private static SentimentSection.Table3 table3(Table3 table) {
        Map<String, Map<String, List<Double>>> accuracy = new LinkedHashMap<>();
        Map<String, Map<String, Double>> paper = new LinkedHashMap<>();
        Map<String, Double> zeroError = new LinkedHashMap<>();
        JsonNode published = paperTable3();
        for (DeletionOrder order : DeletionOrder.values()) {
            Map<String, List<Double>> byMethod = new LinkedHashMap<>();
            table.accuracy().forEach((method, curve) -> byMethod.put(method, list(curve.accuracy(order))));
            accuracy.put(order.key(), byMethod);
            Map<String, Double> row = new LinkedHashMap<>();
            published.path(order.key()).properties().forEach(e -> row.put(e.getKey(), e.getValue().asDouble()));
            paper.put(order.key(), row);
            zeroError.put(order.key(), number(table.zeroError(order)));
        }
        DeletionCurve random = table.random().curve();
        return new SentimentSection.Table3(numbers(table.decreasing()), numbers(table.increasing()), accuracy, paper,
                zeroError, table.random().draws(), random.correct(), random.incorrect(), DATA_DIFFER);
    }

    private static Map<String, Map<String, SentimentSection.Composition>> table4(SentimentResults results) {
        Map<String, Map<String, SentimentSection.Composition>> table4 = new LinkedHashMap<>();
        for (Map.Entry<Composition, Map<String, CompositionRelevance>> c : results.table4().entrySet()) {
            Map<String, SentimentSection.Composition> byMethod = new LinkedHashMap<>();
            c.getValue().forEach((method, r) -> byMethod.put(method, new SentimentSection.Composition(r.words(),
                    list(r.mean()), list(r.std()), r.samples())));
            table4.put(c.getKey().key(), byMethod);
        }
        return table4;
    }

    private static List<SentimentSection.Misclassified> table5(SentimentResults results) {
        List<SentimentSection.Misclassified> rows = new ArrayList<>();
        for (MisclassifiedSentence s : results.table5()) {
            rows.add(new SentimentSection.Misclassified(s.index(), s.tokens(), s.label(), s.predicted(),
                    s.probability(), new LinkedHashMap<>(s.relevance())));
        }
        return rows;
    }

    private static Map<String, SentimentSection.Projection> figure1(SentimentResults results) {
        Map<String, SentimentSection.Projection> figure1 = new LinkedHashMap<>();
        for (Projection p : results.figure1().values()) {
            figure1.put(p.representation(), new SentimentSection.Projection(list(p.explained()), p.x(), p.y(),
                    p.classes()));
        }
        return figure1;
    }

    /** The paper's Table 3 from the bundled copy of its results: order → method → number. */
    private static JsonNode paperTable3() {
        try (InputStream in = ReportJson.class.getResourceAsStream("paper-results.json")) {
            if (in == null) {
                throw new IllegalStateException("resource paper-results.json missing from the jar");
            }
            return ReportJson.mapper().readTree(in).path("table3");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read paper-results.json", e);
        }
    }

    private static Map<String, Double> numbers(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, number(v)));
        return out;
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(number(v));
        }
        return out;
    }

    /** NaN (undefined) as null, so that the JSON says "no number" rather than a string. */
    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
