package dev.explainunit.junit.internal;

import dev.explainunit.checks.CheckResult;
import dev.explainunit.report.CheckResultJson;
import dev.explainunit.checks.ExplainedPopulation;
import dev.explainunit.checks.SanityChecks;
import dev.explainunit.checks.SanitySettings;
import dev.explainunit.checks.CallerFrames;
import dev.explainunit.junit.internal.Descriptors.CheckDescriptor;
import dev.explainunit.report.Report;
import dev.explainunit.report.ReportJson;
import dev.explainunit.table2.ExplainerFigures;
import dev.explainunit.junit.internal.Descriptors.ClassDescriptor;
import dev.explainunit.junit.internal.Descriptors.ConfigurationDescriptor;
import dev.explainunit.junit.internal.Descriptors.ExplainerDescriptor;
import dev.explainunit.junit.internal.Descriptors.TaskDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs the tree. The relevances of an explainer on a task are computed once, at the task node,
 * and shared by its checks. Each check publishes one line a person reads as the report entry
 * {@value #SUMMARY_KEY} ("fail: [x] on addition: ..."), and its whole {@link CheckResult} as a
 * file entry ({@value #RESULT_FILE}, JSON) in the directory the Platform gives the test, which the
 * report listener reads; on a Platform older than 1.12, without file entries, the JSON goes into
 * the report entry {@value #RESULT_KEY} instead. The checks of an explainer that does not
 * {@link dev.explainunit.Explainer#supports support} a task's models, and a check that needs ground
 * truth the task lacks, are published as not applicable with the reason and aborted (reported as
 * skipped), never failed, as {@code explainunit check} reports them. When the contract check fails, the other
 * checks of that explainer and task are aborted with the reason in one line. An explainer that is
 * {@link AutoCloseable} (e.g. one running in another process) is closed when the last explainer
 * container using it finishes.
 * Nothing an explainer does can escape as an exception.
 */
final class SanityTestExecutor {

    private static final Logger LOG = Logger.getLogger(SanityTestExecutor.class.getName());

    /** Report entry key of a check's result as JSON, used only where the Platform has no file entries. */
    static final String RESULT_KEY = CheckResultJson.ENTRY_KEY;
    /** Report entry key of the one line a person reads. */
    static final String SUMMARY_KEY = CheckResultJson.SUMMARY_KEY;
    /** File name of a check's result (JSON) in its output directory. */
    static final String RESULT_FILE = CheckResultJson.FILE_NAME;

    private final EngineExecutionListener listener;
    private final OutputDirectoryCreator outputDirectories;
    private final boolean paperCurves;
    private final String report;

    /**
     * The configuration key that adds the paper's methods' selectivity curves to the report's toy-task
     * figures: off by default, since it explains the first 100 test sequences of every model once
     * more with each of the paper's seven methods (about a second per explainer and toy task on two
     * cores, where the checks themselves take two to five).
     */
    static final String PAPER_CURVES_KEY = "explainunit.report.paperCurves";
    private ExplainerClosing explainers;

    /**
     * @param outputDirectories where file entries go; null on a Platform without file entries
     * @param report            where the report with the counterexamples' tables will be, as failures name it
     * @param paperCurves       whether the figures of an explainer on a toy task draw the paper's
     *                          methods' selectivity curves beside its own, explaining the test sequences
     *                          with each of them ({@value #PAPER_CURVES_KEY})
     */
    SanityTestExecutor(EngineExecutionListener listener, OutputDirectoryCreator outputDirectories, String report,
                       boolean paperCurves) {
        this.listener = listener;
        this.outputDirectories = outputDirectories;
        this.report = report;
        this.paperCurves = paperCurves;
    }

    void execute(TestDescriptor root) {
        listener.executionStarted(root);
        if (root instanceof Descriptors.Root engine && engine.partial) {
            // the report merges a rerun of some checks into the last report instead of replacing it
            listener.reportingEntryPublished(root, ReportEntry.from(CheckResultJson.SELECTION_KEY,
                    CheckResultJson.PARTIAL));
        }
        explainers = ExplainerClosing.of(root);
        for (TestDescriptor child : root.getChildren()) {
            if (child instanceof ClassDescriptor c) {
                executeClass(c);
            }
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    private void executeClass(ClassDescriptor c) {
        listener.executionStarted(c);
        for (TestDescriptor child : c.getChildren()) {
            if (child instanceof ConfigurationDescriptor problem) {
                executeConfiguration(problem);
            } else {
                executeExplainer((ExplainerDescriptor) child, c.settings);
            }
        }
        listener.executionFinished(c, TestExecutionResult.successful());
    }

    private void executeExplainer(ExplainerDescriptor e, SanitySettings settings) {
        listener.executionStarted(e);
        try {
            for (TestDescriptor child : e.getChildren()) {
                if (child instanceof ConfigurationDescriptor problem) {
                    executeConfiguration(problem);
                } else {
                    executeTask(e, (TaskDescriptor) child, settings);
                }
            }
        } finally {
            explainers.finished(ExplainerClosing.instance(e));
        }
        listener.executionFinished(e, TestExecutionResult.successful());
    }

    /** A configuration or discovery problem fails as a test, so that build tools count and show it. */
    private void executeConfiguration(ConfigurationDescriptor problem) {
        listener.executionStarted(problem);
        listener.executionFinished(problem, TestExecutionResult.failed(new AssertionFailedError(problem.problem)));
    }

    private void executeTask(ExplainerDescriptor e, TaskDescriptor t, SanitySettings settings) {
        listener.executionStarted(t);
        ExplainedPopulation population;
        try {
            population = SanityChecks.explain(e.explainer.apply(t.task), t.task, settings);
        } catch (RuntimeException | LinkageError failure) {
            // the zoo or the test data could not be loaded: not the explainer's fault, report it as an error
            listener.executionFinished(t, TestExecutionResult.failed(failure));
            return;
        }
        List<CheckResult> outcomes = new ArrayList<>();
        for (TestDescriptor child : t.getChildren()) {
            // a check that does not apply (the explainer does not support the task's models, or the task
            // lacks the ground truth it needs) runs too: its result, not applicable with the reason, goes
            // into the report as into check's, and the test is aborted with that reason, never failed
            CheckDescriptor check = (CheckDescriptor) child;
            listener.executionStarted(check);
            TestExecutionResult result;
            try {
                CheckResult outcome = SanityChecks.evaluate(check.check, population, settings);
                publish(check, outcome);
                outcomes.add(outcome);
                result = switch (outcome.verdict()) {
                    case PASS -> TestExecutionResult.successful();
                    // another check (the contract) is the root cause: aborted with it, not a second failure
                    case SKIPPED, NOT_APPLICABLE -> TestExecutionResult.aborted(
                            new TestAbortedException(outcome.message()));
                    // what the explainer threw is the cause, so that reports and IDEs show its frames
                    case FAIL -> TestExecutionResult.failed(failure(outcome,
                            population.thrown(check.check).orElse(null)));
                };
            } catch (RuntimeException | LinkageError | StackOverflowError failure) {
                result = TestExecutionResult.failed(new AssertionFailedError("[" + population.explainerId() + "] "
                        + check.check.displayName() + " on " + t.task.id() + " could not be evaluated: " + failure,
                        failure));
            }
            listener.executionFinished(check, result);
        }
        if (population.notApplicable().isEmpty()) {
            publishFigures(t, population, outcomes, settings);
        }
        listener.executionFinished(t, TestExecutionResult.successful());
    }

    /**
     * A failed check as a terminal shows it: the short message ({@link CheckResult#consoleMessage}; the
     * tables are in the report), no frames of the engine, which are never the user's code (as JUnit
     * and AssertJ prune their own), and what the explainer threw as the cause, with the user's frames.
     */
    private AssertionFailedError failure(CheckResult outcome, Throwable thrown) {
        if (thrown != null) {
            CallerFrames.trim(thrown);
        }
        AssertionFailedError failure = new AssertionFailedError(outcome.consoleMessage(report), thrown);
        failure.setStackTrace(new StackTraceElement[0]);
        return failure;
    }

    /**
     * The explainer's Table 2 row, scatter series and heatmap (beside LRP-all's) and selectivity curves
     * (beside the paper's methods') for the report, at the task node; nothing on a task without operand
     * ground truth. A failure here is logged and never fails a test: the checks have already given
     * their verdicts.
     */
    private void publishFigures(TaskDescriptor t, ExplainedPopulation population, List<CheckResult> outcomes,
                                SanitySettings settings) {
        String json;
        try {
            Optional<Report> figures = ExplainerFigures.of(population, outcomes, ExplainerFigures.ENGINE_POINTS,
                    ExplainerFigures.ENGINE_CURVE_SAMPLES, paperCurves, settings.seed(), settings.timeLimit());
            if (figures.isEmpty()) {
                return;
            }
            json = ReportJson.toJson(figures.get());
        } catch (RuntimeException | LinkageError | StackOverflowError failure) {
            LOG.log(Level.WARNING, "ExplainUnit: no figures for [" + population.explainerId() + "] on "
                    + t.task.id() + ": " + failure);
            return;
        }
        if (outputDirectories != null) {
            try {
                Path file = outputDirectories.createOutputDirectory(t).resolve(ExplainerFigures.FILE_NAME);
                Files.writeString(file, json, StandardCharsets.UTF_8);
                listener.fileEntryPublished(t, FileEntry.from(file, "application/json"));
                return;
            } catch (IOException | RuntimeException | LinkageError noFileEntries) {
                // as publish(): carry the JSON in a report entry
            }
        }
        listener.reportingEntryPublished(t, ReportEntry.from(ExplainerFigures.ENTRY_KEY, json));
    }

    /** One line in the report entry; the machine data as a file entry, or as JSON where there are none. */
    private void publish(CheckDescriptor check, CheckResult outcome) {
        listener.reportingEntryPublished(check, ReportEntry.from(SUMMARY_KEY, CheckResultJson.summary(outcome)));
        String json = CheckResultJson.write(outcome);
        if (outputDirectories != null) {
            try {
                Path file = outputDirectories.createOutputDirectory(check).resolve(RESULT_FILE);
                Files.writeString(file, json, StandardCharsets.UTF_8);
                listener.fileEntryPublished(check, FileEntry.from(file, "application/json"));
                return;
            } catch (IOException | RuntimeException | LinkageError noFileEntries) {
                // no writable output directory, or a Platform before 1.12: carry the JSON in the entry
            }
        }
        listener.reportingEntryPublished(check, ReportEntry.from(RESULT_KEY, json));
    }

}
