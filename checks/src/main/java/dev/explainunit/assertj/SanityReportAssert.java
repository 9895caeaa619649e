package dev.explainunit.assertj;

import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.SanityReport;
import dev.explainunit.toy.Task;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the outcome of {@link dev.explainunit.checks.SanityChecks#run()}. */
@API(status = API.Status.STABLE, since = "0.1")
public final class SanityReportAssert extends AbstractAssert<SanityReportAssert, SanityReport> {

    SanityReportAssert(SanityReport actual) {
        super(actual, SanityReportAssert.class);
    }

    /** Every check passed; the failure message carries every failed check's message. */
    public SanityReportAssert passes() {
        isNotNull();
        if (!actual.passed()) {
            failWithMessage("Expected every sanity check to pass, but %d failed:%n%s", actual.failures().size(),
                    actual.failures().stream().map(CheckResult::message).collect(Collectors.joining("\n\n")));
        }
        return this;
    }

    /** The check failed on the task. */
    public SanityReportAssert fails(Check check, Task task) {
        return hasVerdict(check, task, false);
    }

    /** The check passed on the task. */
    public SanityReportAssert passes(Check check, Task task) {
        return hasVerdict(check, task, true);
    }

    private SanityReportAssert hasVerdict(Check check, Task task, boolean pass) {
        isNotNull();
        CheckResult result = actual.results().stream()
                .filter(r -> r.check() == check && r.task().equals(task.id())).findFirst().orElse(null);
        if (result == null) {
            failWithMessage("Expected a result of %s on %s, but the run did not include it", check, task.id());
        } else if (result.passed() != pass) {
            failWithMessage("Expected %s on %s to %s, but it %s: %s", check.displayName(), task.id(),
                    pass ? "pass" : "fail", pass ? "failed" : "passed", result.message());
        }
        return this;
    }
}
