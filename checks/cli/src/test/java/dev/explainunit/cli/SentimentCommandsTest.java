package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.safetensors.TensorType;
import dev.explainunit.sentence.SentenceReader;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.zoo.ModelZoo;
import dev.explainunit.zoo.SentimentZooModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentCommandsTest {

    @TempDir
    Path dir;

    private static void assertOneLineUsageError(CommandRun run, String culprit) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains(culprit).startsWith("explainunit:");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void zoo_list_shows_the_sentiment_model_with_its_accuracy_beside_the_bag_of_words_baseline() {
        CommandRun run = CommandRun.of("zoo", "list");
        assertThat(run.exitCode()).isZero();
        String test = String.format(java.util.Locale.ROOT, "test accuracy %.1f%%",
                100 * ModelZoo.bundled().sentiment().index().test().overall());
        assertThat(run.out()).contains("sentiment: bidirectional LSTM, E = 60, H = 60").contains(test)
                .contains("bag-of-words baseline").contains("negation").contains("contrast");
        assertThat(CommandRun.of("zoo", "list", "--task", "sentiment").out()).contains(test)
                .doesNotContain("addition-01");
    }

    @Test
    void zoo_export_sentiment_writes_the_bundled_model_its_vocabulary_and_the_three_splits() throws IOException {
        CommandRun run = CommandRun.of("zoo", "export", "--task", "sentiment", "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        SentimentZooModel read = SentimentZooModel.read(dir);
        assertThat(SentenceModelFiles.toBytes(read.model(), TensorType.F64))
                .isEqualTo(SentenceModelFiles.toBytes(ModelZoo.bundled().sentiment().model(), TensorType.F64));
        var vocabulary = read.model().vocabulary();
        assertThat(SentenceReader.readAll(dir.resolve("train.jsonl"), 5, vocabulary))
                .hasSize(SentimentCorpus.TRAIN_SIZE + SentimentCorpus.PHRASE_COUNT);
        assertThat(SentenceReader.readAll(dir.resolve("validation.jsonl"), 5, vocabulary))
                .hasSize(SentimentCorpus.VALIDATION_SIZE);
        assertThat(SentenceReader.readAll(dir.resolve("test.jsonl"), 5, vocabulary))
                .hasSize(SentimentCorpus.TEST_SIZE)
                .first().satisfies(first -> {
                    var sentence = SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED).test().get(0);
                    assertThat(first.tokens()).isEqualTo(sentence.tokens());
                    assertThat(first.label()).isEqualTo(sentence.label());
                });
    }

    @Test
    void zoo_export_sentiment_refuses_a_folder_with_an_earlier_run_unless_forced_and_zoo_list_dir_reads_it() {
        assertThat(CommandRun.of("zoo", "export", "--task", "sentiment", "--dir", dir.toString()).exitCode()).isZero();
        assertOneLineUsageError(CommandRun.of("zoo", "export", "--task", "sentiment", "--dir", dir.toString()),
                "--force");
        CommandRun forced = CommandRun.of("zoo", "export", "--task", "sentiment", "--dir", dir.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("removed the earlier run's");
        CommandRun listed = CommandRun.of("zoo", "list", "--dir", dir.toString());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("sentiment: bidirectional LSTM").doesNotContain("addition");
    }

    @Test
    void train_sentiment_refuses_bad_threads_and_an_unwritable_output_before_training() throws IOException {
        assertOneLineUsageError(CommandRun.of("train", "--task", "sentiment", "--out", dir.toString(), "--threads", "0"),
                "--threads");
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertOneLineUsageError(CommandRun.of("train", "--task", "sentiment", "--out", file.toString()),
                file.toString());
    }

    @Test
    void train_of_a_toy_task_still_requires_a_model_count() {
        assertOneLineUsageError(CommandRun.of("train", "--task", "addition", "--out", dir.toString()), "--models");
    }
}
