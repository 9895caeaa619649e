package dev.explainunit.checks;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The results of a plain-API run. The verdict of an explainer on a task is PASS when every
 * selected check that applied passed on that task, NOT_APPLICABLE when no check applied (e.g. the
 * explainer does not apply to the task's models, {@link dev.explainunit.Explainer#supports}), FAIL
 * otherwise. A check that was not applicable or skipped never fails a run by itself: the run
 * passes, {@code check} exits 0 and the JUnit engine reports those checks as skipped.
 *
 * @param explainer the explainer's class name
 * @param results   one result per (task, check), in run order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SanityReport(String explainer, List<CheckResult> results) {

    /**
     * Whether the run passed: no check failed and at least one passed. Checks that were not applicable
     * (or skipped after a failed contract) count neither way, as in {@link #verdict}; a run in which no
     * check applied at all did not pass, and did not fail ({@link #failures()} is empty).
     */
    public boolean passed() {
        return failures().isEmpty() && results.stream().anyMatch(CheckResult::passed);
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
