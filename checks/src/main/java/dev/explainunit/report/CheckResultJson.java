package dev.explainunit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Comparison;
import dev.explainunit.checks.ContractViolation;
import dev.explainunit.checks.Counterexample;
import dev.explainunit.checks.Example;
import dev.explainunit.checks.ModelStatistics;
import dev.explainunit.checks.StepValue;
import dev.explainunit.checks.UndefinedStatistic;
import dev.explainunit.checks.Verdict;
import dev.explainunit.report.internal.JsonFields;
import dev.explainunit.task.GroundTruth;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The one JSON form of a {@link CheckResult}: the test engine publishes it (the file entry
 * {@value #FILE_NAME}), {@code report.json} holds one per check, and both are read back by the
 * same strict reader, which refuses what it does not know with a message naming where. Keys are
 * snake_case; the check is its {@linkplain Check#id() id}, the verdict its
 * {@linkplain Verdict#word() word}; NaN is the string {@code "NaN"}. A published result carries the
 * {@value #FORMAT_KEY} it was written in ({@link Report#FORMAT_VERSION}); {@code report.json}
 * carries it once at the top. Nothing of the result is left out:
 *
 * <pre>
 *   check, explainer, task, statistic (the decisive value), statistic_name, threshold, comparison
 *   (&gt;=, &lt;= or none), statistics, verdict, seed, samples, model_ids, per_model [{model_id,
 *   values}], counterexample {model_id, seed, property, original, shrunk}, message, seconds,
 *   violation {kind, headline, where, found, message}, undefined {why, models, of}
 *   a counterexample's sequence: inputs, relevance, words (a sentence's), truth {relevant: [{position,
 *   role, value, sign}]} (null without ground truth), target (y), prediction, statistic, thrown,
 *   randomised_relevance (R_t on the randomised model, where model randomization compares with it)
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CheckResultJson {

    /** The file (a JUnit file entry) that carries a check's result as JSON. */
    public static final String FILE_NAME = "explainunit-result.json";

    /** The report entry key of a check's result as JSON on a JUnit Platform without file entries (before 1.12). */
    public static final String ENTRY_KEY = "explainunit.result";

    /** The report entry key of the one line a person reads: "fail: [x] on addition: ...". */
    public static final String SUMMARY_KEY = "explainunit";

    /**
     * The report entry key with which the engine says, on its root, that a run is a part of its
     * classes' checks ({@value #PARTIAL}), selected by unique id or by a method filter.
     */
    public static final String SELECTION_KEY = "explainunit.selection";

    /** The value of {@value #SELECTION_KEY} for a run of some of its classes' checks. */
    public static final String PARTIAL = "partial";

    /** The key of the format version in a published result. */
    public static final String FORMAT_KEY = "format_version";

    private static final Set<String> RESULT_KEYS = Set.of("check", "explainer", "task", "statistic",
            "statistic_name", "threshold", "comparison", "statistics", "verdict", "seed", "samples", "model_ids",
            "per_model", "counterexample", "message", "seconds", "violation", "undefined");
    private static final Set<String> COUNTEREXAMPLE_KEYS = Set.of("model_id", "seed", "property", "original",
            "shrunk");
    private static final Set<String> EXAMPLE_KEYS = Set.of("inputs", "relevance", "words", "truth", "target",
            "prediction", "statistic", "thrown", "randomised_relevance");
    private static final Set<String> TRUTH_KEYS = Set.of("relevant");
    private static final Set<String> RELEVANT_KEYS = Set.of("position", "role", "value", "sign");
    private static final Set<String> MODEL_KEYS = Set.of("model_id", "values");
    private static final Set<String> VIOLATION_KEYS = Set.of("kind", "headline", "where", "found", "message");
    private static final Set<String> UNDEFINED_KEYS = Set.of("why", "models", "of");

    private CheckResultJson() {
    }

    /** "fail: " and the first line of the message: what an IDE or the console's tree shows under the test. */
    public static String summary(CheckResult result) {
        String message = result.message() == null ? "" : result.message().strip();
        int end = message.indexOf('\n');
        return result.verdict().word() + ": " + (end < 0 ? message : message.substring(0, end).strip());
    }

    /** {@code result} as a published JSON object, with its {@value #FORMAT_KEY}. */
    public static String write(CheckResult result) {
        ObjectNode published = ReportJson.mapper().createObjectNode();
        published.put(FORMAT_KEY, Report.FORMAT_VERSION);
        published.setAll(tree(result));
        try {
            return ReportJson.mapper().writeValueAsString(published);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check result could not be written as JSON", e);
        }
    }

    /**
     * Reads a published result ({@link #write}).
     *
     * @param where names the document in messages, e.g. the file
     * @throws MalformedReportException naming where and what, for a key it does not know, a missing
     *                                  key, a value of the wrong type, or another format version
     */
    public static CheckResult parse(String json, String where) throws IOException {
        JsonNode node = ReportJson.mapper().readTree(json);
        if (node == null || !node.isObject()) {
            throw new MalformedReportException(where + ": expected a JSON object, found " + JsonFields.kind(node));
        }
        ObjectNode result = ((ObjectNode) node).deepCopy();
        JsonNode version = result.remove(FORMAT_KEY);
        requireVersion(version, where);
        return read(result, where);
    }

    static void requireVersion(JsonNode version, String where) throws MalformedReportException {
        if (version == null || !version.isInt() || version.asInt() != Report.FORMAT_VERSION) {
            throw new MalformedReportException(where + ": " + FORMAT_KEY + " is " + (version == null ? "missing"
                    : version.toString()) + ", this build reads " + Report.FORMAT_VERSION
                    + " (written by another version of ExplainUnit)");
        }
    }

    /** {@code result} as a JSON object of the keys above. */
    public static ObjectNode tree(CheckResult r) {
        ObjectNode json = ReportJson.mapper().createObjectNode();
        json.put("check", r.check().id());
        json.put("explainer", r.explainerId());
        json.put("task", r.task());
        json.put("statistic", r.statisticValue());
        json.put("statistic_name", r.statistic());
        json.put("threshold", r.threshold());
        json.put("comparison", r.comparison() == Comparison.NONE ? "none" : r.comparison().symbol());
        ObjectNode statistics = json.putObject("statistics");
        r.statistics().forEach(statistics::put);
        json.put("verdict", r.verdict().word());
        json.put("seed", r.seed());
        json.put("samples", r.samples());
        ArrayNode ids = json.putArray("model_ids");
        r.modelIds().forEach(ids::add);
        ArrayNode perModel = json.putArray("per_model");
        for (ModelStatistics m : r.perModel()) {
            ObjectNode row = perModel.addObject();
            row.put("model_id", m.modelId());
            ObjectNode values = row.putObject("values");
            m.values().forEach(values::put);
        }
        Counterexample ce = r.counterexample();
        if (ce != null) {
            ObjectNode c = json.putObject("counterexample");
            c.put("model_id", ce.modelId());
            c.put("seed", r.seed());
            c.put("property", ce.property());
            example(c.putObject("original"), ce.original());
            example(c.putObject("shrunk"), ce.shrunk());
        }
        if (r.message() != null) {
            json.put("message", r.message());
        }
        json.put("seconds", r.seconds());
        ContractViolation v = r.violation();
        if (v != null) {
            ObjectNode violation = json.putObject("violation");
            violation.put("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT));
            violation.put("headline", v.headline());
            violation.put("where", v.where());
            violation.put("found", v.found());
            violation.put("message", v.message());
        }
        UndefinedStatistic u = r.undefined();
        if (u != null) {
            ObjectNode undefined = json.putObject("undefined");
            undefined.put("why", u.why());
            undefined.put("models", u.models());
            undefined.put("of", u.of());
        }
        return json;
    }

    private static void example(ObjectNode json, Example e) {
        ArrayNode inputs = json.putArray("inputs");
        ArrayNode relevance = json.putArray("relevance");
        ArrayNode wordList = e.isSentence() ? json.putArray("words") : null;
        for (StepValue s : e.steps()) {
            ArrayNode x = inputs.addArray();
            for (double v : s.x()) {
                x.add(v);
            }
            relevance.add(s.relevance());
            if (wordList != null) {
                wordList.add(s.word());
            }
        }
        if (e.truth() == null) {
            json.putNull("truth");
        } else {
            ArrayNode truth = json.putObject("truth").putArray("relevant");
            for (GroundTruth.Relevant r : e.truth().relevant()) {
                ObjectNode one = truth.addObject();
                one.put("position", r.position());
                one.put("role", r.role());
                one.put("value", r.value());
                one.put("sign", r.sign());
            }
        }
        json.put("target", e.y());
        json.put("prediction", e.prediction());
        json.put("statistic", e.statistic());
        if (e.thrown() != null) {
            json.put("thrown", e.thrown());
        }
        if (e.randomised() != null) {
            ArrayNode randomised = json.putArray("randomised_relevance");
            for (double r : e.randomised()) {
                randomised.add(r);
            }
        }
    }

    /**
     * Reads one result object ({@link #tree}), strictly.
     *
     * @param where where the object is, for messages: "report.json: checks[3]"
     * @throws MalformedReportException naming where and what is wrong
     */
    public static CheckResult read(JsonNode node, String where) throws MalformedReportException {
        JsonFields f = JsonFields.of(node, where, RESULT_KEYS);
        Check check = check(f.text("check"), f.at("check"));
        Map<String, Double> statistics = numbers(f, "statistics");
        List<String> modelIds = new ArrayList<>();
        for (JsonNode id : f.array("model_ids")) {
            modelIds.add(id.asText());
        }
        List<ModelStatistics> perModel = new ArrayList<>();
        JsonNode rows = f.array("per_model");
        for (int m = 0; m < rows.size(); m++) {
            JsonFields row = JsonFields.of(rows.get(m), f.at("per_model") + "[" + m + "]", MODEL_KEYS);
            perModel.add(new ModelStatistics(row.text("model_id"), numbers(row, "values")));
        }
        return new CheckResult(check, f.text("explainer"), f.text("task"), statistics, f.text("statistic_name"),
                f.number("threshold"), comparison(f.text("comparison"), f.at("comparison")),
                verdict(f.text("verdict"), f.at("verdict")), f.integer("seed"), (int) f.integer("samples"), modelIds,
                perModel, f.has("counterexample") ? counterexample(f.required("counterexample"),
                f.at("counterexample")) : null, f.optionalText("message"), f.number("seconds"),
                f.has("violation") ? violation(f.required("violation"), f.at("violation")) : null,
                f.has("undefined") ? undefined(f.required("undefined"), f.at("undefined")) : null);
    }

    private static Map<String, Double> numbers(JsonFields f, String key) throws MalformedReportException {
        JsonNode object = f.required(key);
        if (!object.isObject()) {
            throw new MalformedReportException(f.at(key) + ": expected an object of numbers, found "
                    + JsonFields.kind(object));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            values.put(e.getKey(), JsonFields.number(e.getValue(), f.at(key) + "." + e.getKey()));
        }
        return values;
    }

    private static Check check(String id, String where) throws MalformedReportException {
        for (Check c : Check.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new MalformedReportException(where + ": unknown check [" + id + "]; known: "
                + String.join(", ", java.util.Arrays.stream(Check.values()).map(Check::id).toList()));
    }

    private static Verdict verdict(String word, String where) throws MalformedReportException {
        for (Verdict v : Verdict.values()) {
            if (v.word().equals(word)) {
                return v;
            }
        }
        throw new MalformedReportException(where + ": unknown verdict [" + word + "]; known: pass, fail,"
                + " not applicable, skipped");
    }

    private static Comparison comparison(String text, String where) throws MalformedReportException {
        if (text.equals("none")) {
            return Comparison.NONE;
        }
        try {
            return Comparison.of(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedReportException(where + ": unknown comparison [" + text + "]; known: >=, <=, none");
        }
    }

    private static Counterexample counterexample(JsonNode node, String where) throws MalformedReportException {
        JsonFields f = JsonFields.of(node, where, COUNTEREXAMPLE_KEYS);
        return new Counterexample(f.optionalText("model_id"), example(f.required("original"), f.at("original")),
                example(f.required("shrunk"), f.at("shrunk")), f.text("property"));
    }

    private static Example example(JsonNode node, String where) throws MalformedReportException {
        JsonFields f = JsonFields.of(node, where, EXAMPLE_KEYS);
        JsonNode inputs = f.array("inputs");
        JsonNode relevance = f.array("relevance");
        JsonNode words = f.has("words") ? f.array("words") : null;
        if (relevance.size() != inputs.size() || words != null && words.size() != inputs.size()) {
            throw new MalformedReportException(where + ": inputs, relevance and words must have one entry per step,"
                    + " found " + inputs.size() + ", " + relevance.size() + (words == null ? "" : ", " + words.size()));
        }
        List<StepValue> steps = new ArrayList<>();
        for (int t = 0; t < inputs.size(); t++) {
            JsonNode row = inputs.get(t);
            if (!row.isArray()) {
                throw new MalformedReportException(f.at("inputs") + "[" + t + "]: expected an array, found "
                        + JsonFields.kind(row));
            }
            double[] x = new double[row.size()];
            for (int d = 0; d < x.length; d++) {
                x[d] = JsonFields.number(row.get(d), f.at("inputs") + "[" + t + "][" + d + "]");
            }
            steps.add(new StepValue(t, x, JsonFields.number(relevance.get(t), f.at("relevance") + "[" + t + "]"),
                    words == null ? null : words.get(t).asText()));
        }
        double[] randomised = null;
        if (f.has("randomised_relevance")) {
            JsonNode values = f.array("randomised_relevance");
            randomised = new double[values.size()];
            for (int t = 0; t < randomised.length; t++) {
                randomised[t] = JsonFields.number(values.get(t), f.at("randomised_relevance") + "[" + t + "]");
            }
        }
        return new Example(steps, truth(f), f.number("target"), f.number("prediction"), f.number("statistic"),
                f.optionalText("thrown"), randomised);
    }

    private static GroundTruth truth(JsonFields f) throws MalformedReportException {
        if (!f.has("truth")) {
            return null;
        }
        JsonFields truth = JsonFields.of(f.required("truth"), f.at("truth"), TRUTH_KEYS);
        JsonNode list = truth.array("relevant");
        List<GroundTruth.Relevant> relevant = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            JsonFields r = JsonFields.of(list.get(k), truth.at("relevant") + "[" + k + "]", RELEVANT_KEYS);
            try {
                relevant.add(new GroundTruth.Relevant((int) r.integer("position"), r.text("role"), r.number("value"),
                        r.number("sign")));
            } catch (IllegalArgumentException e) {
                throw new MalformedReportException(r.where() + ": " + e.getMessage());
            }
        }
        try {
            return new GroundTruth(relevant);
        } catch (IllegalArgumentException e) {
            throw new MalformedReportException(f.at("truth") + ": " + e.getMessage());
        }
    }

    private static ContractViolation violation(JsonNode node, String where) throws MalformedReportException {
        JsonFields f = JsonFields.of(node, where, VIOLATION_KEYS);
        ContractViolation.Kind kind;
        try {
            kind = ContractViolation.Kind.valueOf(f.text("kind").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedReportException(f.at("kind") + ": unknown kind [" + f.text("kind") + "]");
        }
        return new ContractViolation(kind, f.text("headline"), f.optionalText("where"), f.optionalText("found"),
                f.text("message"));
    }

    private static UndefinedStatistic undefined(JsonNode node, String where) throws MalformedReportException {
        JsonFields f = JsonFields.of(node, where, UNDEFINED_KEYS);
        return new UndefinedStatistic(f.text("why"), (int) f.integer("models"), (int) f.integer("of"));
    }
}
