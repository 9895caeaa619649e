package dev.explainunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    @Test
    void page_holds_every_section_of_a_full_report() {
        String html = HtmlReportWriter.render(ReportFixtures.full());

        assertThat(html).contains("id=\"verdicts\"", "id=\"table2\"", "id=\"failures\"", "id=\"heatmaps\"",
                "id=\"scatter\"", "id=\"selectivity\"", "id=\"notes\"");
        // 2 failure heatmaps (shrunk + original), 1 example heatmap, 2 tasks x 2 scatter plots, 2 selectivity panels
        assertThat(count(html, "<svg ")).isEqualTo(2 + 1 + 4 + 2);
        assertThat(html).contains("paper: pass").contains("skipped: classification only");
    }

    @Test
    void undefined_statistics_read_undefined_with_the_count_of_models_and_the_contract_shows_none() {
        String html = HtmlReportWriter.render(ReportFixtures.undefinedStatistics());

        assertThat(html).doesNotContain("NaN")
                .contains("✗ undefined on 3 of 5 models<br><span class=\"thr\">vs 0.9</span>")
                .contains("✗ undefined<br><span class=\"thr\">vs 90</span>")
                .contains("title=\"broken · addition · contract: failed\">✗ </td>")
                .contains("rho_a &#61; undefined; undefined_models &#61; 3")
                .contains("<div class=\"meta\">statistic undefined on 3 of 5 models vs threshold 0.9 · seed 42</div>")
                .doesNotContain("<div class=\"meta\">seed 42</div>");
    }

    @Test
    void page_is_self_contained_without_scripts_or_external_resources() {
        String html = HtmlReportWriter.render(ReportFixtures.full());

        assertThat(html).doesNotContain("<script", "<link", " src=", "href=\"http", "url(");
    }

    @Test
    void text_from_explainers_and_messages_is_escaped() {
        dev.explainunit.checks.CheckResult evil = ReportFixtures.result("relevant-mass", "<script>alert(1)</script>",
                "addition", java.util.Map.of("mass", 1.0), "mass", 2, dev.explainunit.checks.Verdict.FAIL,
                List.of("m\"1"), null, "bad & <b>worse</b>");
        String html = HtmlReportWriter.render(Report.ofChecks(ReportFixtures.run("x"), List.of(evil)));

        assertThat(html).doesNotContain("<script>alert", "<b>worse</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "bad &amp; &lt;b&gt;worse&lt;/b&gt;");
    }

    @Test
    void a_verdict_that_differs_from_the_papers_is_flagged() {
        // fixture: lrp-all passes addition like the paper, cd fails subtraction like the paper
        assertThat(HtmlReportWriter.render(ReportFixtures.full())).doesNotContain("≠ paper</span>");

        Report full = ReportFixtures.full();
        var table2 = new java.util.LinkedHashMap<>(Table2Section.in(full).table2());
        MethodResult cd = Table2Section.in(full).table2().get("subtraction").get("cd");
        table2.put("subtraction", java.util.Map.of("cd", new MethodResult(cd.rhoA(), cd.rhoB(), cd.mass(), cd.mse(),
                dev.explainunit.checks.Verdict.PASS.word(), null)));
        Table2Section section = Table2Section.in(full);
        Report differing = full.withSection(new Table2Section(table2, section.paper(), section.examples(),
                section.scatter(), section.selectivity()));

        assertThat(count(HtmlReportWriter.render(differing), "≠ paper</span>")).isEqualTo(1);
    }

    @Test
    void checks_only_report_has_no_table2_or_plots() {
        String html = HtmlReportWriter.render(ReportFixtures.checksOnly("x"));

        assertThat(html).contains("id=\"verdicts\"", "1 of 4 checks failed").doesNotContain("id=\"table2\"",
                "id=\"scatter\"");
    }

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void checks_skipped_after_a_contract_failure_are_grey_cells_and_listed_with_the_reason_not_as_failures() {
        String html = HtmlReportWriter.render(ReportFixtures.contractFailedOthersSkipped());

        assertThat(html).contains("<td class=\"v skip\"").contains("⊘ skipped")
                .contains("<section id=\"skipped\">")
                .contains("<b>flaky · addition · relevant-mass</b> (skipped): [flaky] on addition: relevant mass "
                        + "skipped: the contract check failed (explainer [flaky] is not deterministic)")
                .doesNotContain("<h3>flaky · addition · relevant-mass</h3>");
        assertThat(html.split("<div class=\"failure\">", -1)).hasSize(2);
    }

    @Test
    void selectivity_is_small_multiples_one_panel_per_method_each_over_the_dashed_baseline() {
        String html = HtmlReportWriter.render(ReportFixtures.full());
        String section = html.substring(html.indexOf("<section id=\"selectivity\">"),
                html.indexOf("</section>", html.indexOf("<section id=\"selectivity\">")));

        assertThat(count(section, "<svg ")).isEqualTo(2);
        assertThat(section).contains(">lrp-all · addition<").contains(">gradient · addition<");
        // the random baseline is drawn dashed in each panel, and no panel has a legend of all methods
        assertThat(count(section, "stroke-dasharray")).isEqualTo(2);
        assertThat(section).doesNotContain("class=\"legend\"");
    }

    @Test
    void a_sentence_counterexample_is_drawn_as_its_words_with_the_label_deciding_ones_framed_and_named_once() {
        java.util.List<String> words = java.util.List.of("a", "film", ",", "not", "good");
        double[] r = {0.1, -0.2, 0.05, -1.5, 2.0};
        java.util.List<dev.explainunit.checks.StepValue> steps = new java.util.ArrayList<>();
        for (int t = 0; t < words.size(); t++) {
            steps.add(new dev.explainunit.checks.StepValue(t, new double[] {0.01 * t, -0.02, 0.3}, r[t], words.get(t)));
        }
        var truth = dev.explainunit.task.GroundTruth.of(
                new dev.explainunit.task.GroundTruth.Relevant(3, "negator", 1.0, 1),
                new dev.explainunit.task.GroundTruth.Relevant(4, "polar", -0.75, -1));
        var original = new dev.explainunit.checks.Example(steps, truth, 1, 2.5, 0.7);
        var copy = new dev.explainunit.checks.Example(java.util.List.copyOf(steps), truth, 1, 2.5, 0.7);
        var ce = new dev.explainunit.checks.Counterexample("sentiment", original, copy, "p");
        Report report = Report.ofChecks(ReportFixtures.run("s"), java.util.List.of(ReportFixtures.result(
                "relevant-mass", "lrp-all", "sentiment", java.util.Map.of("mass", 0.3), "mass", 0.5,
                dev.explainunit.checks.Verdict.FAIL, java.util.List.of("sentiment"), ce, "[lrp-all] on sentiment: ...")));

        String html = HtmlReportWriter.render(report);
        String card = html.substring(html.indexOf("<section id=\"failures\">"));
        card = card.substring(0, card.indexOf("</section>"));

        assertThat(card).contains(">not</span>").contains(">good</span>").contains("not (negator): R = -1.5")
                .contains("good (polar): R = 2").contains("cannot be shrunk")
                .doesNotContain("x_t[0]").doesNotContain("a · t=").doesNotContain("b · t=")
                .doesNotContain(">original<").doesNotContain(">shrunk<");
        assertThat(card.split("class=\"word-heatmap\"", -1)).hasSize(2);
    }

    @Test
    void a_contract_card_says_what_broke_without_opening_the_message_and_offers_no_seed() {
        String html = HtmlReportWriter.render(ReportFixtures.contractFailedOthersSkipped());
        String card = html.substring(html.indexOf("<div class=\"failure\">"));
        card = card.substring(0, card.indexOf("<details>"));

        assertThat(card).contains("explainer [flaky] is not deterministic").doesNotContain("seed ");
    }
}
