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
    public static String toJson(Object report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the report: " + e.getMessage(), e);
        }
    }

    /** Reads a report written by {@link #toJson}. */
    public static Report read(Path file) throws IOException {
        return fromTree(MAPPER.readTree(file.toFile()));
    }

    /** Parses a report written by {@link #toJson}. */
    public static Report parse(String json) throws IOException {
        return fromTree(MAPPER.readTree(json));
    }

    /**
     * The report of {@code tree}. Its sentiment sections stand at the top level ({@link
     * Report#sentiment()} is unwrapped), which Jackson writes but does not read into a record, so
     * they are read here.
     */
    private static Report fromTree(JsonNode tree) throws IOException {
        Report report = MAPPER.treeToValue(tree, Report.class);
        ObjectNode sections = MAPPER.createObjectNode();
        for (String key : SENTIMENT_KEYS) {
            if (tree.hasNonNull(key)) {
                sections.set(key, tree.get(key));
            }
        }
        return report.withSentiment(sections.isEmpty() ? null : MAPPER.treeToValue(sections, SentimentReport.class));
    }

    /** The top-level keys of {@link SentimentReport}. */
    private static final List<String> SENTIMENT_KEYS = List.of("sentiment", "table3", "table4", "table5", "figure1");
}
