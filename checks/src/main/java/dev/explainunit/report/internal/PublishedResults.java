package dev.explainunit.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Comparison;
import dev.explainunit.checks.Counterexample;
import dev.explainunit.checks.Example;
import dev.explainunit.checks.StepValue;
import dev.explainunit.checks.Verdict;
import dev.explainunit.report.ReportJson;
import dev.explainunit.task.GroundTruth;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON the test engine publishes as the report entry {@code explainunit.result} (one
 * {@code dev.explainunit.checks.CheckResult}) or written in {@code report.json} ({@link CheckJson})
 * back into a {@link CheckResult}: the report listener receives results only as report-entry
 * strings, and merges the {@code report.json} of other test JVMs. What the JSON does not carry
 * (per-model rows, the comparison, the counterexample's property) is left empty. Accepts snake_case and
 * camelCase keys; the check as an id or an enum name ({@code RELEVANT_MASS} becomes
 * {@code relevant-mass}); the statistic as a number or as the name of an entry of
 * {@code statistics}; the verdict as {@code pass/fail} in any case or as a boolean {@code passed};
 * counterexample sequences as {@code inputs} + {@code relevance} arrays or as {@code steps} rows
 * of {@code {t, x, relevance}}.
 */
public final class PublishedResults {

    /** The report entry key under which the engine publishes each check result. */
    public static final String ENTRY_KEY = dev.explainunit.checks.CheckResultJson.ENTRY_KEY;
    /** The file entry of a task node: an explainer's Table 2 row, scatter series and heatmap, as a partial report. */
    public static final String FIGURES_FILE_NAME = "explainunit-task.json";
    /** The report entry carrying the same JSON on a Platform without file entries. */
    public static final String FIGURES_ENTRY_KEY = "explainunit.task";

    private PublishedResults() {
    }

    /** Parses one published result; the message of the exception names what is missing. */
    public static CheckResult parse(String json) throws IOException {
        JsonNode n = ReportJson.mapper().readTree(json);
        if (n == null || !n.isObject()) {
            throw new IOException("an " + ENTRY_KEY + " entry must be a JSON object, got: " + abbreviate(json));
        }
        return parse(n);
    }

    /**
     * A check result object (e.g. an engine {@code CheckResult} turned into a tree with
     * {@code ReportJson.mapper().valueToTree(result)}, or a {@code report.json} entry) as a result.
     */
    public static CheckResult parse(JsonNode n) throws IOException {
        String json = n.toString();
        String checkId = checkId(text(n, "check"));
        String explainer = text(n, "explainer", "explainer_id", "explainerId");
        String task = text(n, "task");
        if (checkId == null || explainer == null || task == null) {
            throw new IOException("an " + ENTRY_KEY + " entry needs check, explainer and task: " + abbreviate(json));
        }
        Check check = null;
        for (Check c : Check.values()) {
            if (c.id().equals(checkId)) {
                check = c;
            }
        }
        if (check == null) {
            throw new IOException("an " + ENTRY_KEY + " entry names an unknown check [" + checkId + "]");
        }
        JsonNode verdictNode = field(n, "verdict");
        Verdict verdict;
        if (verdictNode != null && verdictNode.isTextual()) {
            String v = verdictNode.asText().trim().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            verdict = switch (v) {
                case "pass" -> Verdict.PASS;
                case "not applicable" -> Verdict.NOT_APPLICABLE;
                case "skipped" -> Verdict.SKIPPED;
                default -> Verdict.FAIL;
            };
        } else {
            boolean passed = field(n, "passed") != null ? field(n, "passed").asBoolean()
                    : verdictNode != null && verdictNode.asBoolean();
            verdict = passed ? Verdict.PASS : Verdict.FAIL;
        }
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
            all.properties().forEach(e -> statistics.put(e.getKey(), number(e.getValue())));
        }
        String statistic = statisticName(n, statistics);
        JsonNode samplesNode = field(n, "samples");
        int samples = samplesNode != null && samplesNode.canConvertToInt() ? Math.max(0, samplesNode.asInt()) : 0;
        String message = text(n, "message");
        JsonNode comparison = field(n, "comparison");
        return new CheckResult(check, explainer, task, statistics, statistic, number(field(n, "threshold")),
                comparison(comparison), verdict, seed, samples, modelIds, List.of(),
                counterexample(field(n, "counterexample")), message, 0, null, null);
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

    /** The comparison by its symbol or its name; none when absent or unknown. */
    private static Comparison comparison(JsonNode n) {
        if (n == null) {
            return Comparison.NONE;
        }
        for (Comparison c : Comparison.values()) {
            if (c.symbol().equals(n.asText()) || c.name().equals(n.asText())) {
                return c;
            }
        }
        return Comparison.NONE;
    }

    /** {@code RELEVANT_MASS} or {@code relevant mass} → {@code relevant-mass}. */
    static String checkId(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace(' ', '-');
    }

    /**
     * The name of the decisive statistic: given by name (the engine's entries), or, when given as a
     * value ({@code report.json}), the entry of {@code statistics} with that value; a value no entry
     * has is added as {@code "statistic"}.
     */
    private static String statisticName(JsonNode n, Map<String, Double> statistics) {
        JsonNode v = field(n, "statistic");
        if (v == null) {
            return "";
        }
        if (v.isTextual() && (statistics.containsKey(v.asText()) || !looksNumeric(v.asText()))) {
            return v.asText();
        }
        double value = number(v);
        for (Map.Entry<String, Double> e : statistics.entrySet()) {
            if (Double.compare(e.getValue(), value) == 0) {
                return e.getKey();
            }
        }
        if (Double.isNaN(value)) {
            return "";
        }
        statistics.put("statistic", value);
        return "statistic";
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Counterexample counterexample(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        Example original = example(field(n, "original"));
        Example shrunk = example(field(n, "shrunk"));
        if (original == null && shrunk == null) {
            return null;
        }
        JsonNode model = field(n, "model_id", "modelId");
        JsonNode property = field(n, "property");
        return new Counterexample(model == null ? null : model.asText(), original != null ? original : shrunk,
                shrunk != null ? shrunk : original, property == null ? "" : property.asText());
    }

    private static Example example(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        List<StepValue> rows = new ArrayList<>();
        JsonNode steps = field(n, "steps");
        if (steps != null && steps.isArray() && (steps.isEmpty() || steps.get(0).isObject())) {
            for (int t = 0; t < steps.size(); t++) {
                JsonNode word = field(steps.get(t), "word");
                rows.add(new StepValue(t, vector(field(steps.get(t), "x", "inputs")),
                        number(field(steps.get(t), "relevance", "r")), word != null && word.isTextual() ? word.asText()
                        : null));
            }
        } else {
            JsonNode inputs = field(n, "inputs", "sequence", "steps");
            JsonNode relevance = field(n, "relevance", "relevances");
            if (inputs == null || relevance == null || !inputs.isArray() || !relevance.isArray()) {
                return null;
            }
            double[] r = vector(relevance);
            JsonNode words = field(n, "words");
            for (int t = 0; t < inputs.size(); t++) {
                JsonNode word = words != null && words.isArray() && t < words.size() ? words.get(t) : null;
                rows.add(new StepValue(t, vector(inputs.get(t)), t < r.length ? r[t] : Double.NaN,
                        word != null && word.isTextual() ? word.asText() : null));
            }
        }
        JsonNode thrown = field(n, "thrown");
        JsonNode randomised = field(n, "randomised_relevance", "randomised");
        return new Example(rows, truth(n, rows.size()), number(field(n, "target", "y")),
                number(field(n, "prediction", "y_pred", "yPred")), number(field(n, "statistic")),
                thrown != null && thrown.isTextual() ? thrown.asText() : null,
                randomised != null && randomised.isArray() ? vector(randomised) : null);
    }

    /** The ground truth as written ({@code truth}), else the operand positions {@code a} and {@code b} (values unknown). */
    private static GroundTruth truth(JsonNode n, int length) {
        List<GroundTruth.Relevant> relevant = new ArrayList<>();
        JsonNode written = field(n, "truth");
        JsonNode list = written == null ? null : field(written, "relevant");
        try {
            if (list != null && list.isArray()) {
                for (JsonNode r : list) {
                    JsonNode sign = field(r, "sign");
                    relevant.add(new GroundTruth.Relevant(field(r, "position").asInt(), text(r, "role"),
                            number(field(r, "value")), sign == null ? 1 : sign.asDouble()));
                }
            } else {
                for (String role : new String[] {"a", "b"}) {
                    JsonNode position = field(n, role);
                    if (position != null && position.asInt() >= 0 && position.asInt() < length) {
                        relevant.add(new GroundTruth.Relevant(position.asInt(), role, Double.NaN, 1));
                    }
                }
            }
            return relevant.isEmpty() ? null : new GroundTruth(relevant);
        } catch (RuntimeException malformed) {
            return null;
        }
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
