package dev.explainunit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WordHeatmapHtmlTest {

    @Test
    void each_word_gets_red_or_blue_by_its_sign_normalised_to_the_sentences_largest_absolute_relevance()
            throws Exception {
        NodeList words = spans(WordHeatmapHtml.sentence(List.of("not", "very", "good", "."),
                new double[]{-2, 1, 2, 0}));

        assertThat(words.getLength()).isEqualTo(4);
        // hand-computed: white (255,255,255) mixed towards red (214,39,40) or blue (33,102,212) by |R|/max|R|
        assertThat(style(words, 0)).contains("background:#2166d4").contains("color:#ffffff");
        assertThat(style(words, 1)).contains("background:#eb9394").doesNotContain("color:");
        assertThat(style(words, 2)).contains("background:#d62728").contains("color:#ffffff");
        assertThat(style(words, 3)).contains("background:#ffffff");
        assertThat(((Element) words.item(1)).getAttribute("title")).isEqualTo("very: R = 1");
        assertThat(words.item(2).getTextContent()).isEqualTo("good");
    }

    @Test
    void the_scale_is_per_sentence_so_a_tenfold_relevance_gives_the_same_colours() throws Exception {
        NodeList small = spans(WordHeatmapHtml.sentence(List.of("a", "b"), new double[]{0.1, -0.05}));
        NodeList large = spans(WordHeatmapHtml.sentence(List.of("a", "b"), new double[]{1, -0.5}));
        for (int t = 0; t < 2; t++) {
            assertThat(style(small, t)).isEqualTo(style(large, t));
        }
    }

    @Test
    void words_are_escaped_and_a_table_holds_one_row_per_label() throws Exception {
        String table = WordHeatmapHtml.table("sentence <1>", List.of("<b>", "&"), List.of(
                new WordHeatmapHtml.Row("lrp-all", new double[]{1, 0}),
                new WordHeatmapHtml.Row("cd & co", new double[]{0, 1})));
        Element root = parse(table);
        assertThat(root.getElementsByTagName("caption").item(0).getTextContent()).isEqualTo("sentence <1>");
        assertThat(root.getElementsByTagName("tr").getLength()).isEqualTo(2);
        assertThat(root.getElementsByTagName("th").item(1).getTextContent()).isEqualTo("cd & co");
        assertThat(root.getElementsByTagName("span").item(1).getTextContent()).isEqualTo("<b>");
    }

    @Test
    void a_word_count_that_differs_from_the_relevance_length_is_refused() {
        assertThatThrownBy(() -> WordHeatmapHtml.sentence(List.of("a"), new double[]{1, 2}))
                .hasMessage("1 words but 2 relevance values");
    }

    private static NodeList spans(String html) throws Exception {
        Element outer = parse(html);
        return outer.getElementsByTagName("span");
    }

    private static String style(NodeList words, int t) {
        return ((Element) words.item(t)).getAttribute("style");
    }

    private static Element parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }
}
