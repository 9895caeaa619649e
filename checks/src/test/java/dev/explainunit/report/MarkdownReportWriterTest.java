package dev.explainunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.checks.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {

    @Test
    void a_task_the_paper_did_not_run_announces_no_bracketed_values() {
        Map<String, Map<String, MethodResult>> table2 = Map.of("addition-gru", Map.of("gradient",
                new MethodResult(new Stat(99, 1), new Stat(99, 1), new Stat(99, 1), new Stat(1e-4, 1e-5),
                        Verdict.PASS.word(), null)));
        Report report = Report.of(ReportFixtures.run("x"), List.of(), List.of(),
                new Table2Section(table2, PaperResults.table2(), List.of(), List.of(), List.of()));

        String md = MarkdownReportWriter.render(report);

        assertThat(md).contains("### Table 2, addition-gru (ours; the paper has no row for this task)")
                .doesNotContain("in brackets");
    }

    @Test
    void verdict_table_has_one_row_per_explainer_and_names_the_failed_checks() {
        String md = MarkdownReportWriter.render(ReportFixtures.checksOnly("x"));

        assertThat(md).contains("❌ 1 of 4 checks failed")
                .contains("| explainer | addition | subtraction |")
                .contains("| lrp-all | ✅ 2/2 | — |")
                .contains("| cd | ✅ 1/1 | ❌ relevant-mass (12.5 vs 90) |");
    }

    @Test
    void undefined_statistics_read_undefined_with_the_count_of_models_and_the_contract_shows_none() {
        String md = MarkdownReportWriter.render(ReportFixtures.undefinedStatistics());

        assertThat(md).doesNotContain("NaN")
                .contains("| constant | ❌ ground-truth-correlation (undefined on 3 of 5 models vs 0.9) |")
                .contains("| overflowing | ❌ relevant-mass (undefined vs 90) |")
                .contains("| broken | ❌ contract |")
                .contains("<b>constant · addition · ground-truth-correlation</b>: undefined on 3 of 5 models vs "
                        + "threshold 0.9</summary>")
                .contains("<b>broken · addition · contract</b></summary>");
    }

    @Test
    void without_a_message_the_failure_shows_the_shrunk_counterexample_one_row_per_step_with_operands_marked() {
        String md = MarkdownReportWriter.render(Report.ofChecks(ReportFixtures.run("x"),
                List.of(ReportFixtures.failingWithoutMessage("cd", "subtraction", "relevant-mass"))));

        assertThat(md).contains("Counterexample on model `m-02`, seed 42 (shrunk)")
                .contains("| 1 ◀ | (0.700, 0.000) | -0.1 |")
                .contains("| 3 ◀ | (-0.600, 0.000) | 0.05 |")
                .doesNotContain("| 4 |");
    }

    @Test
    void with_a_message_the_failure_shows_the_message_and_no_second_table() {
        String md = MarkdownReportWriter.render(ReportFixtures.checksOnly("x"));

        assertThat(md).contains("relevant mass [12.5%] is below the threshold [90%] on model m-02")
                .doesNotContain("| t | x_t | R_t |");
    }

    @Test
    void table2_puts_the_paper_mean_beside_ours_and_lists_skipped_methods() {
        String md = MarkdownReportWriter.render(ReportFixtures.full());

        assertThat(md).contains("| lrp-all | 99.990 ± 0.010 (99.995) |")
                .contains("| occlusion-p-diff | skipped |")
                .contains("✅ (paper ✅)");
    }

    @Test
    void only_the_first_failures_are_shown_in_full_and_the_rest_counted() {
        java.util.List<dev.explainunit.checks.CheckResult> many = new java.util.ArrayList<>();
        for (int i = 0; i < MarkdownReportWriter.MAX_FAILURES + 3; i++) {
            many.add(ReportFixtures.failing("e" + i, "addition", "relevant-mass"));
        }
        String md = MarkdownReportWriter.render(Report.ofChecks(ReportFixtures.run("x"), many));

        assertThat(HtmlReportWriterTest.count(md, "<details>")).isEqualTo(MarkdownReportWriter.MAX_FAILURES);
        assertThat(md).contains("… and 3 more failures");
    }

    @Test
    void a_reproduction_is_summed_up_by_its_agreement_with_the_papers_verdicts() {
        // fixture: lrp-all passes addition (paper: pass), cd fails subtraction (paper: fail)
        String md = MarkdownReportWriter.render(ReportFixtures.full());

        assertThat(md).contains("✅ 1 of 2 method/task combinations pass; 2 of 2 verdicts agree with the paper");
    }

    @Test
    void pipes_and_markup_in_ids_cannot_break_the_table() {
        dev.explainunit.checks.CheckResult odd = ReportFixtures.result("relevant-mass", "<x>|y", "a|b",
                java.util.Map.of("mass", 1.0), "mass", 2, dev.explainunit.checks.Verdict.FAIL, List.of(), null,
                "```danger```");
        String md = MarkdownReportWriter.render(Report.ofChecks(ReportFixtures.run("x"), List.of(odd)));

        assertThat(md).contains("| &lt;x&gt;\\|y |").doesNotContain("```danger```");
    }

    @Test
    void checks_skipped_after_a_contract_failure_are_one_failure_and_listed_as_skipped_with_the_reason() {
        String md = MarkdownReportWriter.render(ReportFixtures.contractFailedOthersSkipped());

        assertThat(md).contains("❌ 1 of 3 checks failed, 2 skipped")
                .contains("| flaky | ❌ contract; 2 skipped |")
                .contains("### Skipped")
                .contains("- flaky · addition · relevant-mass (skipped): \\[flaky\\] on addition: relevant mass "
                        + "skipped: the contract check failed (explainer \\[flaky\\] is not deterministic)")
                .doesNotContain("<b>flaky · addition · relevant-mass</b>");
    }

    @Test
    void a_check_that_was_not_applicable_is_no_failure_in_the_headline_or_its_colour() {
        Report report = Report.ofChecks(ReportFixtures.run("na"), List.of(
                ReportFixtures.passing("lrp-all", "sentiment", "contract"),
                ReportFixtures.result("relevance-conservation", "lrp-all", "sentiment", java.util.Map.of(), "",
                        Double.NaN, dev.explainunit.checks.Verdict.NOT_APPLICABLE, List.of("sentiment"), null,
                        "relevance conservation needs complete ground truth"),
                ReportFixtures.passing("lrp-all", "sentiment", "perturbation-selectivity")));

        assertThat(Headline.isGood(report)).isTrue();
        assertThat(MarkdownReportWriter.render(report)).contains("✅ All 2 checks that applied passed, 1 not applicable")
                .doesNotContain("failed");
        assertThat(HtmlReportWriter.render(report)).contains("All 2 checks that applied passed, 1 not applicable");
    }

    @Test
    void a_sentence_counterexample_without_a_message_is_a_table_of_its_words_with_their_roles() {
        java.util.List<dev.explainunit.checks.StepValue> steps = java.util.List.of(
                new dev.explainunit.checks.StepValue(0, new double[] {0.01, 0.02}, 0.1, "not"),
                new dev.explainunit.checks.StepValue(1, new double[] {0.03, 0.04}, 2.0, "good"));
        var truth = dev.explainunit.task.GroundTruth.of(
                new dev.explainunit.task.GroundTruth.Relevant(0, "negator", 1.0, 1),
                new dev.explainunit.task.GroundTruth.Relevant(1, "polar", -0.75, -1));
        var e = new dev.explainunit.checks.Example(steps, truth, 1, 2.5, 0.7);
        Report report = Report.ofChecks(ReportFixtures.run("s"), List.of(ReportFixtures.result("relevant-mass",
                "lrp-all", "sentiment", java.util.Map.of("mass", 0.3), "mass", 0.5,
                dev.explainunit.checks.Verdict.FAIL, List.of("sentiment"),
                new dev.explainunit.checks.Counterexample("sentiment", e, e, "p"), null)));

        assertThat(MarkdownReportWriter.render(report)).contains("| t | word | R_t |")
                .contains("| 0 ◀ | not (negator) | 0.1 |").contains("| 1 ◀ | good (polar) | 2 |")
                .contains("a data file cannot be shrunk").doesNotContain("(0.010, 0.020)");
    }
}
