package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.sentence.SentenceWriter;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.zoo.ModelZoo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One verdict everywhere: {@code check}'s exit code, its printed verdict and report.json/md/html agree,
 * and a check that is not applicable (conservation, always, on sentences) never fails a run by itself.
 */
class CheckVerdictTest {

    @TempDir
    Path dir;

    @Test
    void check_on_sentences_exits_0_when_every_applicable_check_passes_although_some_are_not_applicable()
            throws Exception {
        Path model = dir.resolve("mine.safetensors");
        Path vocab = dir.resolve("vocab.txt");
        SentenceModelFiles.write(ModelZoo.bundled().sentiment().model(), model, vocab);
        Path data = dir.resolve("test.jsonl");
        List<SentenceRecord> sentences = SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED).test().stream()
                .limit(50).map(s -> SentenceRecord.of(s.tokens(), s.label())).toList();
        SentenceWriter.write(data, sentences);
        Path out = dir.resolve("report");

        CommandRun run = CommandRun.of("check", "--explainer", "lrp-all", "--task", "sentiment", "--model",
                model.toString(), "--vocab", vocab.toString(), "--data", data.toString(), "--out", out.toString());

        assertThat(run.out()).containsPattern("N/A +sentiment +relevance conservation")
                .doesNotContainPattern("(?m)^FAIL")
                .contains("verdict of [lrp-all] on sentiment: PASS");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertAgrees(out, true);
        // what happened, not what was asked: the file holds 50 sentences, the default asks for 2500
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.at("/run/samples").asInt()).isEqualTo(50);
        assertThat(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8)).contains("· 1 model × 50 ");
    }

    @Test
    void check_exits_1_when_a_check_fails_and_says_so_everywhere() throws Exception {
        Path out = dir.resolve("report");

        CommandRun run = CommandRun.of("check", "--explainer", "lrp-all", "--task", "sentiment", "--samples", "50",
                "--out", out.toString());

        assertThat(run.out()).containsPattern("(?m)^FAIL +sentiment +ground-truth correlation")
                .contains("verdict of [lrp-all] on sentiment: FAIL");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertAgrees(out, false);
    }

    /** report.json's verdicts, report.md's and report.html's headline say {@code passed}. */
    private static void assertAgrees(Path out, boolean passed) throws Exception {
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("checks").findValuesAsText("verdict")).isNotEmpty()
                .satisfies(verdicts -> assertThat(verdicts.contains("fail")).isEqualTo(!passed));
        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(md.lines().filter(l -> l.startsWith("✅") || l.startsWith("❌")).findFirst())
                .hasValueSatisfying(headline -> assertThat(headline).startsWith(passed ? "✅" : "❌"));
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains(passed ? "<div class=\"headline ok\">" : "<div class=\"headline bad\">");
    }
}
