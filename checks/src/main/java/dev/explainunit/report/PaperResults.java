package dev.explainunit.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.explainunit.checks.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The published Table 2 of Arras et al. 2019, loaded from a copy of the paper's data bundled as a
 * resource. Shown beside our numbers only; never used as a result. Bold entries (the methods the
 * paper finds faithful) become the verdict {@code pass}, the others {@code fail}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PaperResults {

    private static final String RESOURCE = "paper-results.json";
    private static volatile Map<String, Map<String, MethodResult>> table2;

    private PaperResults() {
    }

    /** Task → method → the paper's row, in the paper's order. */
    public static Map<String, Map<String, MethodResult>> table2() {
        Map<String, Map<String, MethodResult>> cached = table2;
        if (cached == null) {
            cached = load();
            table2 = cached;
        }
        return cached;
    }

    private static Map<String, Map<String, MethodResult>> load() {
        try (InputStream in = PaperResults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the jar");
            }
            JsonNode root = ReportJson.mapper().readTree(in).path("table2");
            Map<String, Map<String, MethodResult>> tasks = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> ofTask : root.properties()) {
                if (!ofTask.getValue().isObject()) {
                    continue; // the table's description
                }
                String task = ofTask.getKey();
                Map<String, MethodResult> methods = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : ofTask.getValue().properties()) {
                    JsonNode row = e.getValue();
                    methods.put(e.getKey(), new MethodResult(stat(row, "rho_a"), stat(row, "rho_b"),
                            stat(row, "mass"), stat(row, "mse"), Verdict.of(row.path("bold").asBoolean()).word(), null));
                }
                tasks.put(task, Collections.unmodifiableMap(methods));
            }
            return Collections.unmodifiableMap(tasks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Stat stat(JsonNode row, String key) {
        JsonNode pair = row.path(key);
        return new Stat(pair.path(0).asDouble(Double.NaN), pair.path(1).asDouble(Double.NaN));
    }
}
