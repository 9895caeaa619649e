package dev.explainunit.checks;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The results of a plain-API run. The verdict of an explainer on a task is PASS when every
 * selected check passed on that task, NOT_APPLICABLE when the explainer does not apply to the
 * task's models ({@link dev.explainunit.Explainer#supports}), FAIL otherwise.
 *
 * @param explainer the explainer's class name
 * @param results   one result per (task, check), in run order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SanityReport(String explainer, List<CheckResult> results) {

    /** Whether every check passed (a check that was not applicable did not pass). */
    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    /**
     * The verdict on one task: NOT_APPLICABLE when no check of it applied, else PASS when every
     * check that applied passed (a check needing ground truth the task lacks does not count).
     */
    public Verdict verdict(String task) {
        List<CheckResult> ofTask = results.stream().filter(r -> r.task().equals(task)).toList();
        if (!ofTask.isEmpty() && ofTask.stream().allMatch(r -> r.verdict() == Verdict.NOT_APPLICABLE)) {
            return Verdict.NOT_APPLICABLE;
        }
        return ofTask.stream().allMatch(r -> r.verdict() != Verdict.FAIL) ? Verdict.PASS : Verdict.FAIL;
    }

    /** The failed results (not those that were not applicable). */
    public List<CheckResult> failures() {
        return results.stream().filter(r -> r.verdict() == Verdict.FAIL).toList();
    }

    /** The results that were not applicable, because the explainer does not support the task's models. */
    public List<CheckResult> notApplicable() {
        return results.stream().filter(r -> r.verdict() == Verdict.NOT_APPLICABLE).toList();
    }

    /** One line per check: verdict ("not applicable" when so), check, task, message. */
    public String summary() {
        return results.stream().map(r -> (r.verdict() == Verdict.NOT_APPLICABLE ? "not applicable" : r.verdict())
                + "  " + r.check().displayName() + " on " + r.task() + ": " + r.message())
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
