package dev.explainunit.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.explainunit.report.internal.ProjectVersion;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What produced a report, so that it can be rerun.
 *
 * @param tool        the tool and its version, e.g. {@code explainunit 0.1.0}
 * @param source      {@code "reproduce"}, {@code "junit"} or {@code "check"}
 * @param seed        the seed of the test data and of the counterexample search
 * @param samples     test sequences per model
 * @param models      bundled models per task
 * @param tasks       the tasks covered
 * @param date        when the run finished, ISO-8601 UTC
 * @param wallSeconds wall time of the run in seconds
 * @param runId       identifies one build: reports of the same run id are merged (test JVMs forked
 *                    by one Maven build share it), a report of another run id is replaced
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"tool", "source", "seed", "samples", "models", "tasks", "date", "wall_seconds", "run_id"})
public record RunInfo(String tool, String source, long seed, int samples, int models, List<String> tasks,
                      String date, double wallSeconds, String runId) {

    public RunInfo {
        tasks = List.copyOf(tasks);
    }

    /** "explainunit" and the project version the build wrote into {@code version.properties}. */
    public static String toolVersion() {
        return "explainunit " + ProjectVersion.VALUE;
    }
}
