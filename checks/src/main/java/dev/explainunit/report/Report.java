package dev.explainunit.report;

import dev.explainunit.checks.CheckResult;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
 * @param sentiment     the sentiment sections (Tables 3, 4, 5 and Figure 1) when the run had them, else
 *                      null; in JSON its keys stand at the top level ({@code table3}, ...)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"format_version", "run", "checks", "table2", "paper", "examples", "scatter", "selectivity",
        "notes", "sentiment", "table3", "table4", "table5", "figure1"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(int formatVersion, RunInfo run, List<CheckResult> checks,
                     Map<String, Map<String, MethodResult>> table2, Map<String, Map<String, MethodResult>> paper,
                     List<RelevanceExample> examples, List<ScatterSeries> scatter,
                     List<SelectivityCurve> selectivity, List<String> notes,
                     @JsonUnwrapped SentimentReport sentiment) {

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

    /** A report without sentiment sections. */
    public Report(int formatVersion, RunInfo run, List<CheckResult> checks,
                  Map<String, Map<String, MethodResult>> table2, Map<String, Map<String, MethodResult>> paper,
                  List<RelevanceExample> examples, List<ScatterSeries> scatter, List<SelectivityCurve> selectivity,
                  List<String> notes) {
        this(formatVersion, run, checks, table2, paper, examples, scatter, selectivity, notes, null);
    }

    /** This report with the sentiment sections {@code sections}. */
    public Report withSentiment(SentimentReport sections) {
        return new Report(formatVersion, run, checks, table2, paper, examples, scatter, selectivity, notes, sections);
    }

    /** This report with {@code run} as what produced it. */
    public Report withRun(RunInfo run) {
        return new Report(formatVersion, run, checks, table2, paper, examples, scatter, selectivity, notes, sentiment);
    }

    /** Whether the report has the sentiment sections. */
    public boolean hasSentiment() {
        return sentiment != null;
    }

    /** A report holding only check outcomes, as the test engine produces. */
    public static Report ofChecks(RunInfo run, List<CheckResult> checks) {
        return new Report(FORMAT_VERSION, run, checks, null, null, null, null, null, null);
    }
}
