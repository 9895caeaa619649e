package dev.explainunit.report;

import dev.explainunit.report.internal.CheckJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
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
        return MAPPER.readValue(file.toFile(), Report.class);
    }

    /** Parses a report written by {@link #toJson}. */
    public static Report parse(String json) throws IOException {
        return MAPPER.readValue(json, Report.class);
    }
}
