package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.assertj.ExplainUnitAssertions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One verdict everywhere: a check that was not applicable or skipped never fails a run by itself. */
class SanityReportVerdictTest {

    private static CheckResult result(Check check, Verdict verdict) {
        return new CheckResult(check, "lrp-all", "sentiment", Map.of(), "", Double.NaN, Comparison.NONE, verdict, 1,
                50, List.of("sentiment"), List.of(), null, check.displayName() + " " + verdict.word(), 0, null, null);
    }

    @Test
    void a_run_whose_applicable_checks_all_pass_passes_although_conservation_is_not_applicable_on_sentences() {
        SanityReport report = new SanityReport("lrp-all", List.of(result(Check.CONTRACT, Verdict.PASS),
                result(Check.RELEVANCE_CONSERVATION, Verdict.NOT_APPLICABLE),
                result(Check.PERTURBATION_SELECTIVITY, Verdict.PASS)));

        assertThat(report.verdict("sentiment")).isEqualTo(Verdict.PASS);
        assertThat(report.passed()).isTrue();
        ExplainUnitAssertions.assertThat(report).passes();
    }

    @Test
    void a_failed_check_fails_the_run_and_the_checks_skipped_after_it_add_no_second_failure() {
        SanityReport report = new SanityReport("lrp-all", List.of(result(Check.CONTRACT, Verdict.FAIL),
                result(Check.RELEVANT_MASS, Verdict.SKIPPED)));

        assertThat(report.verdict("sentiment")).isEqualTo(Verdict.FAIL);
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).hasSize(1);
        assertThatThrownBy(() -> ExplainUnitAssertions.assertThat(report).passes())
                .hasMessageContaining("but 1 failed");
    }

    @Test
    void a_run_in_which_no_check_applied_neither_passes_nor_fails() {
        SanityReport report = new SanityReport("lrp-all", List.of(
                result(Check.RELEVANCE_CONSERVATION, Verdict.NOT_APPLICABLE)));

        assertThat(report.verdict("sentiment")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).isEmpty();
    }
}
