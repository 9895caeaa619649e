package dev.explainunit.report.internal;

import dev.explainunit.report.JsonErrors;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.report.CheckResultJson;
import dev.explainunit.report.Report;
import dev.explainunit.report.ReportFiles;
import dev.explainunit.report.ReportJson;
import dev.explainunit.report.RunInfo;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apiguardian.api.API;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the check results the ExplainUnit engine publishes (file entries
 * {@code explainunit-result.json}, or report entries with key {@code explainunit.result} from a
 * Platform without file entries) and, when the test plan finishes, writes {@code report.json},
 * {@code report.md} and {@code report.html} into {@code target/explainunit/} (configuration
 * parameter or system property {@code explainunit.report.dir}). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so it runs under
 * surefire, Gradle and IDEs without configuration.
 *
 * <p>Test JVMs forked by one build merge into one report (see {@link ReportFiles#merge}), and so
 * does a rerun of some checks (selected by unique id or by a method filter such as surefire's
 * {@code -Dtest=MySanityTest#*correlation*}) with the last report of the test engine. The
 * listener writes nothing when no ExplainUnit result was published, and it never fails the build:
 * its own errors are logged as warnings.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExplainUnitReportListener implements TestExecutionListener {


    private static final Logger LOG = Logger.getLogger(ExplainUnitReportListener.class.getName());

    private final Queue<CheckResult> results = new ConcurrentLinkedQueue<>();
    /** Table 2 rows, scatter series and heatmaps the task nodes publish, each a partial report. */
    private final Queue<Report> figures = new ConcurrentLinkedQueue<>();
    /** Whether the engine ran only some of its classes' checks (a rerun): then the last report is updated. */
    private volatile boolean partial;
    private volatile long startedNanos = System.nanoTime();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        startedNanos = System.nanoTime();
        results.clear();
        figures.clear();
        partial = false;
    }

    /** The JSON of a result as the JUnit engine publishes it: a file entry {@code explainunit-result.json}. */
    @Override
    public void fileEntryPublished(TestIdentifier testIdentifier, FileEntry file) {
        Path name = file.getPath().getFileName();
        boolean figure = name != null && name.toString().equals(ReportJson.FIGURES_FILE_NAME);
        if (name == null || !(figure || name.toString().equals(CheckResultJson.FILE_NAME))) {
            return;
        }
        String json;
        try {
            json = Files.readString(file.getPath(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "ExplainUnit report: ignoring the unreadable result file " + file.getPath()
                    + " of " + testIdentifier.getDisplayName() + ": " + e);
            return;
        }
        if (figure) {
            acceptFigures(testIdentifier, json, file.getPath().toString());
        } else {
            accept(testIdentifier, json, file.getPath().toString());
        }
    }

    /** A result as JSON in a report entry: from a Platform without file entries, or another producer. */
    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        if (CheckResultJson.PARTIAL.equals(entry.getKeyValuePairs().get(CheckResultJson.SELECTION_KEY))) {
            partial = true;
        }
        String json = entry.getKeyValuePairs().get(CheckResultJson.ENTRY_KEY);
        if (json != null) {
            accept(testIdentifier, json, "report entry " + CheckResultJson.ENTRY_KEY);
        }
        String figuresJson = entry.getKeyValuePairs().get(ReportJson.FIGURES_ENTRY_KEY);
        if (figuresJson != null) {
            acceptFigures(testIdentifier, figuresJson, "report entry " + ReportJson.FIGURES_ENTRY_KEY);
        }
    }

    private void acceptFigures(TestIdentifier testIdentifier, String json, String where) {
        try {
            figures.add(ReportJson.parse(json, where));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "ExplainUnit report: ignoring unreadable figures of "
                    + testIdentifier.getDisplayName() + ": "
                    + (e instanceof JacksonException parse ? JsonErrors.describe(parse) : e.getMessage()));
        }
    }

    private void accept(TestIdentifier testIdentifier, String json, String where) {
        try {
            CheckResult result = CheckResultJson.parse(json, where);
            results.add(result);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "ExplainUnit report: ignoring an unreadable result of "
                    + testIdentifier.getDisplayName() + ": "
                    + (e instanceof JacksonException parse ? JsonErrors.describe(parse) : e.getMessage()));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (results.isEmpty()) {
            return;
        }
        Path dir = Path.of(ReportFiles.DEFAULT_DIR);
        try {
            dir = Path.of(setting(testPlan, ReportFiles.DIR_KEY).orElse(ReportFiles.DEFAULT_DIR));
            List<CheckResult> checks = new ArrayList<>(results);
            results.clear();
            long seed = checks.get(0).seed();
            List<String> tasks = checks.stream().map(CheckResult::task).distinct().toList();
            int models = checks.stream().mapToInt(c -> c.modelIds().size()).max().orElse(0);
            // the engine publishes each result's sample count (an annotation may set it); the setting is the fallback
            int published = checks.stream().mapToInt(CheckResult::samples).max().orElse(0);
            int sampleCount = published > 0 ? published
                    : setting(testPlan, "explainunit.samples").map(ExplainUnitReportListener::parseInt).orElse(0);
            RunInfo run = new RunInfo(RunInfo.toolVersion(), "junit", seed, sampleCount, models, tasks,
                    Instant.now().toString(),
                    (System.nanoTime() - startedNanos) / 1e9, runId());
            Report report = Report.ofChecks(run, checks);
            for (Report part; (part = figures.poll()) != null; ) {
                report = ReportFiles.merge(report, part);
            }
            Report written = ReportFiles.merge(report, dir, partial);
            Path html = dir.resolve(ReportFiles.HTML).toAbsolutePath();
            LOG.info(() -> "ExplainUnit report (" + written.checks().size() + " checks): " + html);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "ExplainUnit report could not be written to " + dir.toAbsolutePath() + ": " + e);
        }
    }

    private Optional<String> setting(TestPlan testPlan, String key) {
        Optional<String> value = Optional.empty();
        try {
            value = testPlan.getConfigurationParameters().get(key);
        } catch (RuntimeException | LinkageError e) {
            // an old platform without TestPlan.getConfigurationParameters(): fall back to the system property
        }
        return value.isPresent() ? value : Optional.ofNullable(System.getProperty(key));
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Identifies the build: test JVMs forked by one Maven or Gradle run share their parent process,
     * so its pid and start time tell "same build, merge" from "report of an earlier build, replace".
     */
    static String runId() {
        return ProcessHandle.current().parent()
                .map(p -> p.pid() + "@" + p.info().startInstant().map(Instant::toString).orElse("?"))
                .orElse("pid-" + ProcessHandle.current().pid());
    }
}
