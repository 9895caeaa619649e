package dev.explainunit.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.explainunit.report.CheckRecord;
import dev.explainunit.report.Counterexample;
import dev.explainunit.report.ReportJson;
import dev.explainunit.report.Sample;
import dev.explainunit.report.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON the test engine publishes as the report entry {@code explainunit.result} (one
 * check result) into a {@link CheckRecord}. Accepts snake_case and camelCase keys, and a verdict
 * given as {@code "pass"/"fail"} or as a boolean {@code passed}.
 */
public final class CheckResultJson {

    /** The report entry key under which the engine publishes each check result. */
    public static final String ENTRY_KEY = "explainunit.result";

    private CheckResultJson() {
    }

    /** Parses one published result; the message of the exception names what is missing. */
    public static CheckRecord parse(String json) throws IOException {
        JsonNode n = ReportJson.mapper().readTree(json);
        if (n == null || !n.isObject()) {
            throw new IOException("an " + ENTRY_KEY + " entry must be a JSON object, got: " + abbreviate(json));
        }
        String check = text(n, "check");
        String explainer = text(n, "explainer");
        String task = text(n, "task");
        if (check == null || explainer == null || task == null) {
            throw new IOException("an " + ENTRY_KEY + " entry needs check, explainer and task: " + abbreviate(json));
        }
        JsonNode verdictNode = field(n, "verdict");
        boolean passed = verdictNode != null && verdictNode.isTextual()
                ? Verdict.PASS.equalsIgnoreCase(verdictNode.asText())
                : field(n, "passed") != null ? field(n, "passed").asBoolean()
                : verdictNode != null && verdictNode.asBoolean();
        List<String> modelIds = new ArrayList<>();
        JsonNode ids = field(n, "model_ids", "modelIds");
        if (ids != null) {
            ids.forEach(id -> modelIds.add(id.asText()));
        }
        JsonNode seed = field(n, "seed");
        return new CheckRecord(check, explainer, task, number(field(n, "statistic")), number(field(n, "threshold")),
                Verdict.of(passed), seed == null ? 0 : seed.asLong(), modelIds,
                counterexample(field(n, "counterexample")), text(n, "message"));
    }

    private static Counterexample counterexample(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        Sample original = sample(field(n, "original"));
        Sample shrunk = sample(field(n, "shrunk"));
        if (original == null && shrunk == null) {
            return null;
        }
        JsonNode seed = field(n, "seed");
        JsonNode model = field(n, "model_id", "modelId");
        return new Counterexample(model == null ? null : model.asText(), seed == null ? 0 : seed.asLong(),
                original != null ? original : shrunk, original != null ? shrunk : null);
    }

    private static Sample sample(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode inputs = field(n, "inputs", "sequence", "steps");
        JsonNode relevance = field(n, "relevance", "relevances");
        if (inputs == null || relevance == null || !inputs.isArray() || !relevance.isArray()) {
            return null;
        }
        double[][] x = new double[inputs.size()][];
        for (int t = 0; t < x.length; t++) {
            JsonNode row = inputs.get(t);
            x[t] = new double[row.size()];
            for (int d = 0; d < x[t].length; d++) {
                x[t][d] = number(row.get(d));
            }
        }
        double[] r = new double[relevance.size()];
        for (int t = 0; t < r.length; t++) {
            r[t] = number(relevance.get(t));
        }
        JsonNode a = field(n, "a");
        JsonNode b = field(n, "b");
        return new Sample(x, r, a == null ? -1 : a.asInt(), b == null ? -1 : b.asInt(), number(field(n, "target", "y")),
                number(field(n, "prediction", "y_pred", "yPred")));
    }

    private static JsonNode field(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        return v == null ? null : v.asText();
    }

    /** A number, also when written as a string such as "NaN"; NaN when absent. */
    private static double number(JsonNode v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
