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
        // 2 failure heatmaps (shrunk + original), 1 example heatmap, 2 tasks x 2 scatter plots, 1 selectivity plot
        assertThat(count(html, "<svg ")).isEqualTo(2 + 1 + 4 + 1);
        assertThat(html).contains("paper: pass").contains("skipped: classification only");
    }

    @Test
    void page_is_self_contained_without_scripts_or_external_resources() {
        String html = HtmlReportWriter.render(ReportFixtures.full());

        assertThat(html).doesNotContain("<script", "<link", " src=", "href=\"http", "url(");
    }

    @Test
    void text_from_explainers_and_messages_is_escaped() {
        CheckRecord evil = new CheckRecord("relevant-mass", "<script>alert(1)</script>", "addition", 1, 2, null,
                Verdict.FAIL, 1, List.of("m\"1"), null, "bad & <b>worse</b>");
        String html = HtmlReportWriter.render(Report.ofChecks(ReportFixtures.run("x"), List.of(evil)));

        assertThat(html).doesNotContain("<script>alert", "<b>worse</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "bad &amp; &lt;b&gt;worse&lt;/b&gt;");
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
}
