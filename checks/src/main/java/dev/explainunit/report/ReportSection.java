package dev.explainunit.report;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A part of a report that a task contributes beyond the check outcomes every report has: the toy
 * tasks' Table 2 with its figures ({@link Table2Section}), the sentiment experiments' Tables 3–5
 * and Figure 1 ({@link SentimentSection}). A task names the sections it contributes
 * ({@link dev.explainunit.task.Task#reportSections()}). In {@code report.json} a section's keys
 * stand at the top level, beside {@code checks}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ReportSection {

    /** The top-level keys of {@code report.json} this section writes, e.g. {@code table2}, {@code paper}. */
    List<String> keys();

    /**
     * This section with {@code newer} (a section of the same kind) laid over it, for the reports of
     * several test JVMs merged into one: the newer entry where both have one.
     */
    ReportSection mergedWith(ReportSection newer);
}
