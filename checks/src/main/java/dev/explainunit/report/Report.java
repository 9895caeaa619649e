package dev.explainunit.report;

import dev.explainunit.checks.CheckResult;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Everything a run found, in the shape of {@code report.json}. Sections a run did not compute
 * are empty (the test engine fills {@code checks}; {@code reproduce} fills every section).
 *
 * @param formatVersion version of this layout; bumped when a key changes meaning
 * @param run           what produced the report
 * @param checks        every check outcome (the verdict matrix), with counterexamples; in JSON as
 *                      {@link dev.explainunit.report.internal.CheckJson} describes
 * @param table2        task → method → Table 2 row, computed on the bundled models
 * @param paper         task → method → the paper's published Table 2 row, for comparison only
 * @param examples      one explained test sequence per task, every method a heatmap row
 * @param scatter       R_a/n_a and R_b/n_b points per task and method
 * @param selectivity   output change as the most relevant steps are removed, per task and method
 * @param notes         remarks such as methods skipped for a task and why
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"format_version", "run", "checks", "table2", "paper", "examples", "scatter", "selectivity",
        "notes"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(int formatVersion, RunInfo run, List<CheckResult> checks,
                     Map<String, Map<String, MethodResult>> table2, Map<String, Map<String, MethodResult>> paper,
                     List<RelevanceExample> examples, List<ScatterSeries> scatter,
                     List<SelectivityCurve> selectivity, List<String> notes) {

    /** The current {@link #formatVersion()}. */
    public static final int FORMAT_VERSION = 1;

    public Report {
        checks = checks == null ? List.of() : List.copyOf(checks);
        table2 = table2 == null ? Map.of() : table2;
        paper = paper == null ? Map.of() : paper;
        examples = examples == null ? List.of() : List.copyOf(examples);
        scatter = scatter == null ? List.of() : List.copyOf(scatter);
        selectivity = selectivity == null ? List.of() : List.copyOf(selectivity);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A report holding only check outcomes, as the test engine produces. */
    public static Report ofChecks(RunInfo run, List<CheckResult> checks) {
        return new Report(FORMAT_VERSION, run, checks, null, null, null, null, null, null);
    }
}
