package dev.explainunit.report;

import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Comparison;
import dev.explainunit.checks.Counterexample;
import dev.explainunit.checks.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Run only through the launcher by {@link ExplainUnitReportListenerTest}: publishes report entries
 * the way the ExplainUnit engine does.
 */
class ResultPublishingFixture {

    static final String PASSING = CheckResultJson.write(new CheckResult(Check.RELEVANT_MASS, "lrp-all",
            "subtraction", Map.of("mass", 0.993), "mass", 0.9, Comparison.AT_LEAST, Verdict.PASS, 7, 100,
            List.of("subtraction-01", "subtraction-02"), List.of(), null, "mass above the threshold", 0.1, null, null));
    static final String FAILING = CheckResultJson.write(new CheckResult(Check.RELEVANT_MASS, "cd", "subtraction",
            Map.of("mass", 0.494), "mass", 0.9, Comparison.AT_LEAST, Verdict.FAIL, 7, 100, List.of("subtraction-01"),
            List.of(), new Counterexample("subtraction-01", ReportFixtures.sample(0.1, 0.2, 0.3, -0.4),
            ReportFixtures.sample(0.2, -0.4), "(|R_a| + |R_b|) / Σ_t |R_t| ≥ 0.900"), "mass below threshold", 0.2,
            null, null));

    @Test
    void publishes_two_results(TestReporter reporter) {
        reporter.publishEntry("explainunit.result", PASSING);
        reporter.publishEntry("explainunit.result", FAILING);
    }

    @Test
    void publishes_an_unreadable_result_and_an_unrelated_entry(TestReporter reporter) {
        reporter.publishEntry("explainunit.result", "{ not json");
        reporter.publishEntry("something.else", "value");
    }
}
