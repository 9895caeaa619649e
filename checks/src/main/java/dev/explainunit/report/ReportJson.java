package dev.explainunit.report;

import dev.explainunit.report.internal.CheckJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import dev.explainunit.checks.CheckResult;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads and writes {@code report.json}: snake_case keys in a fixed order, indented, NaN written
 * as the string {@code "NaN"} so that the file stays valid JSON.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(CheckJson.module())
            .build();

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
        } catch (IOException e) {
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
        root.set("checks", MAPPER.valueToTree(report.checks()));
        for (ReportSection section : report.sections()) {
            root.setAll((ObjectNode) MAPPER.valueToTree(section));
        }
        root.set("notes", MAPPER.valueToTree(report.notes()));
        return root;
    }

    /** Reads a report written by {@link #toJson}. */
    public static Report read(Path file) throws IOException {
        return fromTree(MAPPER.readTree(file.toFile()));
    }

    /** Parses a report written by {@link #toJson}. */
    public static Report parse(String json) throws IOException {
        return fromTree(MAPPER.readTree(json));
    }

    /** The report of {@code tree}, with a section of each kind whose keys it has. */
    private static Report fromTree(JsonNode tree) throws IOException {
        RunInfo run = tree.hasNonNull("run") ? MAPPER.treeToValue(tree.get("run"), RunInfo.class) : null;
        List<CheckResult> checks = new ArrayList<>();
        for (JsonNode check : tree.path("checks")) {
            checks.add(MAPPER.treeToValue(check, CheckResult.class));
        }
        List<String> notes = new ArrayList<>();
        tree.path("notes").forEach(n -> notes.add(n.asText()));
        List<ReportSection> sections = new ArrayList<>();
        section(tree, List.of("table2", "paper", "examples", "scatter", "selectivity"), Table2Section.class, sections);
        section(tree, List.of("sentiment", "table3", "table4", "table5", "figure1"), SentimentSection.class, sections);
        return new Report(tree.path("format_version").asInt(Report.FORMAT_VERSION), run, checks, notes, sections);
    }

    private static void section(JsonNode tree, List<String> keys, Class<? extends ReportSection> kind,
                                List<ReportSection> into) throws IOException {
        ObjectNode fields = MAPPER.createObjectNode();
        for (String key : keys) {
            if (tree.hasNonNull(key)) {
                fields.set(key, tree.get(key));
            }
        }
        if (!fields.isEmpty()) {
            into.add(MAPPER.treeToValue(fields, kind));
        }
    }
}
