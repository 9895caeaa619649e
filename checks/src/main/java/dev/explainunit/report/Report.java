package dev.explainunit.report;

import dev.explainunit.checks.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Everything a run found, in the shape of {@code report.json}: what produced it, every check
 * outcome (the verdict matrix, with counterexamples), remarks, and the sections the run's tasks
 * contribute ({@link ReportSection}: the toy tasks' Table 2, the sentiment experiments). The test
 * engine fills {@code checks} (and, where the task contributes it, the explainer's part of
 * Table 2); {@code reproduce} fills the sections.
 *
 * @param formatVersion version of this layout, bumped when a key changes meaning: 2 since a check's
 *                      entry carries all of its result ({@link CheckResultJson}) and a counterexample
 *                      its ground truth by role
 * @param run           what produced the report
 * @param checks        every check outcome
 * @param notes         remarks such as methods skipped for a task and why
 * @param sections      the sections the tasks contributed, at most one of each kind, in the order they were added
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Report(int formatVersion, RunInfo run, List<CheckResult> checks, List<String> notes,
                     List<ReportSection> sections) {

    /** The current {@link #formatVersion()}. */
    public static final int FORMAT_VERSION = 2;

    public Report {
        checks = checks == null ? List.of() : List.copyOf(checks);
        notes = notes == null ? List.of() : List.copyOf(notes);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** A report of these check outcomes and sections, in the current format. */
    public static Report of(RunInfo run, List<CheckResult> checks, List<String> notes, ReportSection... sections) {
        return new Report(FORMAT_VERSION, run, checks, notes, List.of(sections));
    }

    /** A report holding only check outcomes, as the test engine produces. */
    public static Report ofChecks(RunInfo run, List<CheckResult> checks) {
        return new Report(FORMAT_VERSION, run, checks, null, null);
    }

    /** The section of {@code kind}, if the report has one. */
    public <T extends ReportSection> Optional<T> section(Class<T> kind) {
        return sections.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** This report with {@code section}, replacing one of its kind. */
    public Report withSection(ReportSection section) {
        List<ReportSection> all = new ArrayList<>();
        boolean replaced = false;
        for (ReportSection s : sections) {
            if (s.getClass() == section.getClass()) {
                all.add(section);
                replaced = true;
            } else {
                all.add(s);
            }
        }
        if (!replaced) {
            all.add(section);
        }
        return new Report(formatVersion, run, checks, notes, all);
    }

    /** This report with {@code run} as what produced it. */
    public Report withRun(RunInfo run) {
        return new Report(formatVersion, run, checks, notes, sections);
    }
}
