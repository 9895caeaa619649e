package dev.explainunit.assertj;

import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.SanityReport;
import dev.explainunit.checks.Verdict;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the outcome of {@link dev.explainunit.checks.SanityChecks#run()}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SanityReportAssert extends AbstractAssert<SanityReportAssert, SanityReport> {

    SanityReportAssert(SanityReport actual) {
        super(actual, SanityReportAssert.class);
    }

    /**
     * Every check that applied passed ({@link SanityReport#passed()}; a check that was not applicable
     * does not fail it); the failure message carries every failed check's message, or says that no
     * check applied, e.g. because the explainer does not apply to the task's models.
     */
    public SanityReportAssert passes() {
        isNotNull();
        if (!actual.failures().isEmpty()) {
            failWithMessage("Expected every sanity check to pass, but %d failed:%n%s", actual.failures().size(),
                    actual.failures().stream().map(CheckResult::message).collect(Collectors.joining("\n\n")));
        } else if (!actual.passed()) {
            failWithMessage("Expected every sanity check to pass, but %d were not applicable:%n%s",
                    actual.notApplicable().size(), actual.notApplicable().stream().map(CheckResult::message)
                            .distinct().collect(Collectors.joining("\n")));
        }
        return this;
    }

    /** The check failed on the task with id {@code task}. */
    public SanityReportAssert fails(Check check, String task) {
        return hasVerdict(check, task, Verdict.FAIL);
    }

    /** The check passed on the task with id {@code task}. */
    public SanityReportAssert passes(Check check, String task) {
        return hasVerdict(check, task, Verdict.PASS);
    }

    /** The check was not applicable on the task with id {@code task} (e.g. it lacks the ground truth the check needs). */
    public SanityReportAssert isNotApplicable(Check check, String task) {
        return hasVerdict(check, task, Verdict.NOT_APPLICABLE);
    }

    /** The explainer does not apply to the models of the task with id {@code task}, so none of its checks ran there. */
    public SanityReportAssert isNotApplicableTo(String task) {
        isNotNull();
        if (actual.verdict(task) != Verdict.NOT_APPLICABLE) {
            failWithMessage("Expected the explainer not to apply to the %s task's models, but its checks there %s",
                    task, actual.verdict(task) == Verdict.PASS ? "passed" : "ran and failed");
        }
        return this;
    }

    private SanityReportAssert hasVerdict(Check check, String task, Verdict expected) {
        isNotNull();
        CheckResult result = actual.results().stream()
                .filter(r -> r.check() == check && r.task().equals(task)).findFirst().orElse(null);
        if (result == null) {
            failWithMessage("Expected a result of %s on %s, but the run did not include it", check, task);
        } else if (result.verdict() != expected) {
            failWithMessage("Expected %s on %s to %s, but it %s: %s", check.displayName(), task,
                    expected == Verdict.PASS ? "pass" : expected == Verdict.FAIL ? "fail"
                            : expected == Verdict.SKIPPED ? "be skipped" : "be not applicable",
                    describe(result.verdict()), result.message());
        }
        return this;
    }

    private static String describe(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "passed";
            case FAIL -> "failed";
            case NOT_APPLICABLE -> "was not applicable";
            case SKIPPED -> "was skipped";
        };
    }
}
