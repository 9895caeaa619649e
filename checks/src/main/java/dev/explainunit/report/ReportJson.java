package dev.explainunit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.report.internal.JsonFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads and writes {@code report.json}: {@code format_version} ({@link Report#FORMAT_VERSION}),
 * {@code run}, {@code checks} (each as {@link CheckResultJson} writes it), the keys of each
 * {@link ReportSection} at the top level, {@code notes}; snake_case keys, indented, NaN written as
 * the string {@code "NaN"} so that the file stays valid JSON. Reading is strict: another format
 * version, a key the format does not know, a missing key or a value of the wrong type is refused
 * with a {@link MalformedReportException} naming where.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportJson {

    /** The file entry in which the test engine publishes a task's figures, as a partial report. */
    public static final String FIGURES_FILE_NAME = "explainunit-task.json";
    /** The report entry that carries the same JSON on a JUnit Platform without file entries. */
    public static final String FIGURES_ENTRY_KEY = "explainunit.task";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The kinds of section a report can hold, each read from its keys. */
    private static final List<Class<? extends ReportSection>> SECTIONS = List.of(Table2Section.class,
            SentimentSection.class);
    private static final List<List<String>> SECTION_KEYS = List.of(
            new Table2Section(null, null, null, null, null).keys(),
            new SentimentSection(null, null, null, null, null).keys());

    private ReportJson() {
    }

    /** The mapper used for every report file (thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The report as JSON text. */
    public static String toJson(Report report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report: " + e.getMessage(), e);
        }
    }

    /**
     * The report as a JSON tree: {@code format_version}, {@code run}, {@code checks}, each section's
     * keys at the top level, {@code notes}.
     */
    public static ObjectNode tree(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", report.formatVersion());
        if (report.run() != null) {
            root.set("run", MAPPER.valueToTree(report.run()));
        }
        ArrayNode checks = root.putArray("checks");
        report.checks().forEach(c -> checks.add(CheckResultJson.tree(c)));
        for (ReportSection section : report.sections()) {
            root.setAll((ObjectNode) MAPPER.valueToTree(section));
        }
        root.set("notes", MAPPER.valueToTree(report.notes()));
        return root;
    }

    /** Reads a report written by {@link #toJson}; messages name {@code file}. */
    public static Report read(Path file) throws IOException {
        return fromTree(MAPPER.readTree(file.toFile()), file.toString());
    }

    /** Parses a report written by {@link #toJson}. */
    public static Report parse(String json) throws IOException {
        return fromTree(MAPPER.readTree(json), "report");
    }

    /** Parses a report written by {@link #toJson}; messages name {@code where} (a file, an entry). */
    public static Report parse(String json, String where) throws IOException {
        return fromTree(MAPPER.readTree(json), where);
    }

    /** The report of {@code tree}, with a section of each kind whose keys it has. */
    private static Report fromTree(JsonNode tree, String where) throws IOException {
        Set<String> known = new LinkedHashSet<>(List.of("format_version", "run", "checks", "notes"));
        SECTION_KEYS.forEach(known::addAll);
        JsonFields f = JsonFields.of(tree, where, known);
        CheckResultJson.requireVersion(tree.get("format_version"), where);
        RunInfo run = f.has("run") ? value(f.required("run"), RunInfo.class, f.at("run")) : null;
        List<CheckResult> checks = new ArrayList<>();
        JsonNode array = f.array("checks");
        for (int i = 0; i < array.size(); i++) {
            checks.add(CheckResultJson.read(array.get(i), f.at("checks") + "[" + i + "]"));
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode n : f.array("notes")) {
            notes.add(n.asText());
        }
        List<ReportSection> sections = new ArrayList<>();
        for (int k = 0; k < SECTIONS.size(); k++) {
            ObjectNode fields = MAPPER.createObjectNode();
            for (String key : SECTION_KEYS.get(k)) {
                if (tree.hasNonNull(key)) {
                    fields.set(key, tree.get(key));
                }
            }
            if (!fields.isEmpty()) {
                sections.add(value(fields, SECTIONS.get(k), where));
            }
        }
        return new Report(Report.FORMAT_VERSION, run, checks, notes, sections);
    }

    private static <T> T value(JsonNode node, Class<T> type, String where) throws MalformedReportException {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new MalformedReportException(where + ": " + message.lines().findFirst().orElse(message));
        }
    }
}
