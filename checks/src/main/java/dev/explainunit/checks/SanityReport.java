package dev.explainunit.checks;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The results of a plain-API run. The verdict of an explainer on a task is PASS when every
 * selected check passed on that task.
 *
 * @param explainer the explainer's class name
 * @param results   one result per (task, check), in run order
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SanityReport(String explainer, List<CheckResult> results) {

    /** Whether every check passed. */
    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    /** The verdict on one task: PASS when every check of that task passed. */
    public Verdict verdict(String task) {
        return results.stream().filter(r -> r.task().equals(task)).allMatch(CheckResult::passed)
                ? Verdict.PASS : Verdict.FAIL;
    }

    /** The failed results. */
    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** One line per check: verdict, check, task, message. */
    public String summary() {
        return results.stream().map(r -> r.verdict() + "  " + r.check().displayName() + " on " + r.task() + ": "
                + r.message()).collect(Collectors.joining(System.lineSeparator()));
    }
}
