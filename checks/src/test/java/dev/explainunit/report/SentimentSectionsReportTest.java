package dev.explainunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sentiment sections in report.json, report.md and report.html. */
class SentimentSectionsReportTest {

    @TempDir
    Path dir;

    @Test
    void report_json_holds_the_design_keys_at_the_top_level_and_reads_back_the_same() throws Exception {
        Report report = SentimentReportFixtures.sentimentOnly();
        String json = ReportJson.toJson(report);
        JsonNode root = ReportJson.mapper().readTree(json);

        assertThat(root.at("/table3/decreasing/lrp-all").asDouble()).isEqualTo(97.5);
        assertThat(root.at("/table3/increasing/lrp-all").isNull()).as("undefined is null").isTrue();
        assertThat(root.at("/table3/accuracy/decreasing/random")).hasSize(4);
        assertThat(root.at("/table3/accuracy/increasing/occlusion-p-diff/1").asDouble()).isEqualTo(60.0);
        assertThat(root.at("/table3/paper/increasing/lrp-all").asDouble()).isEqualTo(49.0);
        assertThat(root.at("/table4/negated-positive/lrp-all/words/0").asText()).isEqualTo("<negation>");
        assertThat(root.at("/table4/negated-positive/lrp-all/samples").asInt()).isEqualTo(12);
        assertThat(root.at("/table4/amplified-negative/lrp-all/mean/0").isNull()).isTrue();
        assertThat(root.at("/figure1/lrp-all/explained")).hasSize(2);
        assertThat(root.at("/table5/0/relevance/lrp-all")).hasSize(3);
        assertThat(root.at("/sentiment/sentences").asInt()).isEqualTo(6);
        assertThat(root.has("sentiment_report")).isFalse();

        Report read = ReportJson.parse(json);
        assertThat(read.section(SentimentSection.class).isPresent()).isTrue();
        assertThat(ReportJson.toJson(read)).isEqualTo(json);
    }

    @Test
    void a_report_without_sentiment_has_none_of_its_keys() throws Exception {
        JsonNode root = ReportJson.mapper().readTree(ReportJson.toJson(ReportFixtures.full()));
        assertThat(root.has("table3") || root.has("table4") || root.has("table5") || root.has("figure1")
                || root.has("sentiment")).isFalse();
        assertThat(ReportJson.parse(ReportJson.toJson(ReportFixtures.full())).section(SentimentSection.class)).isEmpty();
    }

    @Test
    void html_has_every_sentiment_section_with_heatmaps_and_class_coloured_projections_and_stays_self_contained() {
        String html = HtmlReportWriter.render(SentimentReportFixtures.sentimentOnly());

        assertThat(html).contains("id=\"sentiment\"", "id=\"table3\"", "id=\"table4\"", "id=\"table5\"",
                "id=\"figure1\"");
        assertThat(html).contains("97.5 <span class=\"paper\">(97)</span>").contains("the data differ");
        // Table 4: 2 heatmap rows (the composition without samples is named, not drawn); Table 5: 2 methods on one sentence
        assertThat(HtmlReportWriterTest.count(html, "class=\"word-heatmap\"")).isEqualTo(2 + 2);
        assertThat(HtmlReportWriterTest.count(html, "<svg ")).as("one Figure 1 panel per representation")
                .isEqualTo(3);
        assertThat(html).contains("PC1+PC2 60%, PC3 12.5%").contains("fill=\"#b2182b\"");
        assertThat(html).contains("&lt;b&gt;bad&lt;/b&gt;").doesNotContain("<b>bad</b>");
        assertThat(html).contains("Sentiment experiments on 6 test sentences");
        assertThat(html).doesNotContain("<script", "<link", " src=", "href=\"http", "url(");
    }

    @Test
    void markdown_has_table_3_beside_the_paper_and_the_explained_variance() {
        String md = MarkdownReportWriter.render(SentimentReportFixtures.sentimentOnly());

        assertThat(md).contains("#### Table 3").contains("| lrp-all | 97.5 (97) | n/a (49) | 100.0 25.0 14.0 11.0 |")
                .contains("| lrp-all | 1.50 ± 0.25 | -0.50 ± 0.50 | 12 |").contains("true 3, predicted 1 (p = 0.93)")
                .contains("| avg | 60.0 | 12.5 |").contains("left out: nan-explainer");
    }

    @Test
    void files_written_for_a_sentiment_run_are_the_same_three_reports() throws Exception {
        ReportFiles.write(SentimentReportFixtures.sentimentOnly(), dir);
        assertThat(Files.readString(dir.resolve(ReportFiles.JSON))).contains("\"table3\"");
        assertThat(Files.readString(dir.resolve(ReportFiles.MARKDOWN))).contains("#### Table 3");
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).contains("id=\"figure1\"");
    }

    @Test
    void a_composition_without_samples_is_named_with_the_reason_instead_of_a_table_of_n_a() {
        String md = MarkdownReportWriter.render(SentimentReportFixtures.sentimentOnly());
        String html = HtmlReportWriter.render(SentimentReportFixtures.sentimentOnly());

        for (String page : List.of(md, html)) {
            assertThat(page).contains("No sample (n = 0) of amplified-negative")
                    .contains("appendix A.5").doesNotContain("n/a ± ").doesNotContain("n/a \u00b1");
        }
        assertThat(md).contains("| lrp-all | 1.50 ± 0.25 | -0.50 ± 0.50 | 12 |");
    }

    @Test
    void the_header_says_what_the_seed_of_a_sentiment_reproduction_chose() {
        assertThat(MarkdownReportWriter.render(SentimentReportFixtures.sentimentOnly()))
                .contains("seed 1 (random word deletion; the test sentences are the data's, in order)");
        assertThat(HtmlReportWriter.render(SentimentReportFixtures.sentimentOnly()))
                .contains("1 (random word deletion; the test sentences are the data&#39;s, in order)");
    }
}
