package dev.explainunit.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.explainunit.report.CheckRecord;
import dev.explainunit.report.Counterexample;
import dev.explainunit.report.ReportJson;
import dev.explainunit.report.Sample;
import dev.explainunit.report.Verdicts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON the test engine publishes as the report entry {@code explainunit.result} (one
 * {@code dev.explainunit.checks.CheckResult}) into a {@link CheckRecord}: the report listener's
 * only way to receive results, since the Platform carries report entries as strings. In-process
 * results are converted without JSON ({@link CheckRecords}). Accepts snake_case and
 * camelCase keys; the check as an id or an enum name ({@code RELEVANT_MASS} becomes
 * {@code relevant-mass}); the statistic as a number or as the name of an entry of
 * {@code statistics}; the verdict as {@code pass/fail} in any case or as a boolean {@code passed};
 * counterexample sequences as {@code inputs} + {@code relevance} arrays or as {@code steps} rows
 * of {@code {t, x, relevance}}.
 */
public final class PublishedResults {

    /** The report entry key under which the engine publishes each check result. */
    public static final String ENTRY_KEY = dev.explainunit.checks.CheckResultJson.ENTRY_KEY;

    private PublishedResults() {
    }

    /** Parses one published result; the message of the exception names what is missing. */
    public static CheckRecord parse(String json) throws IOException {
        JsonNode n = ReportJson.mapper().readTree(json);
        if (n == null || !n.isObject()) {
            throw new IOException("an " + ENTRY_KEY + " entry must be a JSON object, got: " + abbreviate(json));
        }
        return parse(n);
    }

    /**
     * A check result object (e.g. an engine {@code CheckResult} turned into a tree with
     * {@code ReportJson.mapper().valueToTree(result)}) as a record.
     */
    public static CheckRecord parse(JsonNode n) throws IOException {
        String json = n.toString();
        String check = checkId(text(n, "check"));
        String explainer = text(n, "explainer", "explainer_id", "explainerId");
        String task = text(n, "task");
        if (check == null || explainer == null || task == null) {
            throw new IOException("an " + ENTRY_KEY + " entry needs check, explainer and task: " + abbreviate(json));
        }
        JsonNode verdictNode = field(n, "verdict");
        boolean passed = verdictNode != null && verdictNode.isTextual()
                ? Verdicts.PASS.equalsIgnoreCase(verdictNode.asText())
                : field(n, "passed") != null ? field(n, "passed").asBoolean()
                : verdictNode != null && verdictNode.asBoolean();
        List<String> modelIds = new ArrayList<>();
        JsonNode ids = field(n, "model_ids", "modelIds");
        if (ids != null) {
            ids.forEach(id -> modelIds.add(id.asText()));
        }
        JsonNode seedNode = field(n, "seed");
        long seed = seedNode == null ? 0 : seedNode.asLong();
        Map<String, Double> statistics = new LinkedHashMap<>();
        JsonNode all = field(n, "statistics");
        if (all != null && all.isObject()) {
            all.fields().forEachRemaining(e -> statistics.put(e.getKey(), number(e.getValue())));
        }
        return new CheckRecord(check, explainer, task, statistic(n), number(field(n, "threshold")), statistics,
                Verdicts.of(passed), seed, modelIds, counterexample(field(n, "counterexample"), seed),
                text(n, "message"));
    }

    /**
     * The test sequences per model a published result was computed on ({@code samples}), or 0 when
     * the JSON does not say.
     */
    public static int samples(String json) throws IOException {
        JsonNode n = ReportJson.mapper().readTree(json);
        JsonNode v = n == null ? null : field(n, "samples");
        return v != null && v.canConvertToInt() ? Math.max(0, v.asInt()) : 0;
    }

    /** {@code RELEVANT_MASS} or {@code relevant mass} → {@code relevant-mass}. */
    static String checkId(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace(' ', '-');
    }

    private static double statistic(JsonNode n) {
        JsonNode v = field(n, "statistic");
        if (v != null && v.isTextual()) {
            JsonNode all = field(n, "statistics");
            JsonNode named = all == null ? null : all.get(v.asText());
            if (named != null || !looksNumeric(v.asText())) {
                return number(named);
            }
        }
        return number(v);
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Counterexample counterexample(JsonNode n, long defaultSeed) {
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
        return new Counterexample(model == null ? null : model.asText(), seed == null ? defaultSeed : seed.asLong(),
                original != null ? original : shrunk, original != null ? shrunk : null);
    }

    private static Sample sample(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        double[][] x;
        double[] r;
        JsonNode steps = field(n, "steps");
        if (steps != null && steps.isArray() && (steps.isEmpty() || steps.get(0).isObject())) {
            x = new double[steps.size()][];
            r = new double[steps.size()];
            for (int t = 0; t < x.length; t++) {
                x[t] = vector(field(steps.get(t), "x", "inputs"));
                r[t] = number(field(steps.get(t), "relevance", "r"));
            }
        } else {
            JsonNode inputs = field(n, "inputs", "sequence", "steps");
            JsonNode relevance = field(n, "relevance", "relevances");
            if (inputs == null || relevance == null || !inputs.isArray() || !relevance.isArray()) {
                return null;
            }
            x = new double[inputs.size()][];
            for (int t = 0; t < x.length; t++) {
                x[t] = vector(inputs.get(t));
            }
            r = vector(relevance);
        }
        JsonNode a = field(n, "a");
        JsonNode b = field(n, "b");
        return new Sample(x, r, a == null ? -1 : a.asInt(), b == null ? -1 : b.asInt(), number(field(n, "target", "y")),
                number(field(n, "prediction", "y_pred", "yPred")));
    }

    private static double[] vector(JsonNode n) {
        if (n == null || !n.isArray()) {
            return new double[0];
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(n.get(i));
        }
        return v;
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

    private static String text(JsonNode n, String... names) {
        JsonNode v = field(n, names);
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
