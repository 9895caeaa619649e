package dev.explainunit.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built sentiment sections: two methods, two compositions, one misclassified sentence, three panels. */
final class SentimentReportFixtures {

    private SentimentReportFixtures() {
    }

    static Report sentimentOnly() {
        RunInfo run = new RunInfo("explainunit 0.2.0", "reproduce", 1, 6, 1, List.of("sentiment"),
                "2026-11-30T23:00:00Z", 12.5, "run-1");
        return Report.of(run, List.of(), List.of(), sections());
    }

    static SentimentSection sections() {
        Map<String, Double> decreasing = ordered("random", 0.0, "occlusion-p-diff", 100.0, "lrp-all", 97.5);
        Map<String, Double> increasing = ordered("random", 0.0, "occlusion-p-diff", 100.0, "lrp-all", null);
        Map<String, Map<String, List<Double>>> accuracy = new LinkedHashMap<>();
        accuracy.put("decreasing", orderedLists("random", List.of(100.0, 90.0, 80.0, 70.0), "occlusion-p-diff",
                List.of(100.0, 20.0, 15.0, 10.0), "lrp-all", List.of(100.0, 25.0, 14.0, 11.0)));
        accuracy.put("increasing", orderedLists("random", List.of(0.0, 10.0, 15.0, 20.0), "occlusion-p-diff",
                List.of(0.0, 60.0, 62.0, 57.0), "lrp-all", List.of(0.0, 10.0, 15.0, 20.0)));
        Map<String, Map<String, Double>> paper = new LinkedHashMap<>();
        paper.put("decreasing", ordered("random", 0.0, "occlusion-p-diff", 100.0, "lrp-all", 97.0));
        paper.put("increasing", ordered("random", 0.0, "occlusion-p-diff", 100.0, "lrp-all", 49.0));
        SentimentSection.Table3 table3 = new SentimentSection.Table3(decreasing, increasing, accuracy, paper,
                ordered("decreasing", 0.5, "increasing", 1.0, "unused", 0.0), 10, 4, 2, "the data differ");

        Map<String, Map<String, SentimentSection.Composition>> table4 = new LinkedHashMap<>();
        Map<String, SentimentSection.Composition> negated = new LinkedHashMap<>();
        negated.put("lrp-all", new SentimentSection.Composition(List.of("<negation>", "<positive>"),
                List.of(1.5, -0.5), List.of(0.25, 0.5), 12));
        negated.put("occlusion-p-diff", new SentimentSection.Composition(List.of("<negation>", "<positive>"),
                List.of(0.2, 0.1), List.of(0.05, 0.02), 12));
        table4.put("negated-positive", negated);
        table4.put("amplified-negative", Map.of("lrp-all", new SentimentSection.Composition(
                List.of("<amplifier>", "<negative>"), java.util.Arrays.asList(null, 2.0), List.of(0.0, 0.1), 0)));

        Map<String, double[]> relevance = new LinkedHashMap<>();
        relevance.put("lrp-all", new double[] {0.9, -0.4, 0.1});
        relevance.put("occlusion-p-diff", new double[] {-0.2, 0.3, 0.0});
        List<SentimentSection.Misclassified> table5 = List.of(new SentimentSection.Misclassified(4,
                List.of("not", "<b>bad</b>", "."), 3, 1, 0.93, relevance));

        Map<String, SentimentSection.Projection> figure1 = new LinkedHashMap<>();
        for (String name : List.of("avg", "lrp-ht", "lrp-all")) {
            figure1.put(name, new SentimentSection.Projection(List.of(60.0, 12.5), new double[] {-1, 0, 1, 2, -2, 0.5},
                    new double[] {1, -1, 0, 0.5, -0.5, 2}, new int[] {0, 1, 2, 3, 4, 4}));
        }
        SentimentSection.Run run = new SentimentSection.Run("a model on some sentences", 6, 6, null,
                Map.of("nan-explainer", "returned [NaN]"), ordered("total", 12.5, "classify", 0.5, "table5", 0.1));
        return new SentimentSection(run, table3, table4, table5, figure1);
    }

    private static Map<String, Double> ordered(Object... keysAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, List<Double>> orderedLists(Object... keysAndValues) {
        Map<String, List<Double>> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Double> values = (List<Double>) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], values);
        }
        return map;
    }
}
