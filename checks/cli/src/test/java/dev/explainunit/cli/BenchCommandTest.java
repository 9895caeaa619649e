package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.Sequence;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.CorpusSentence;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.toy.BenchWorkload;
import dev.explainunit.zoo.ModelZoo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shape of the bench output; the rates themselves are measurements, not asserted. */
class BenchCommandTest {

    @Test
    void json_maps_each_requested_method_to_a_positive_rate() throws Exception {
        CommandRun run = CommandRun.of("bench", "--json", "--warmup", "0", "--seconds", "0.01",
                "--method", "lrp-all,occlusion-p-diff");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("lrp-all", "occlusion-p-diff");
        assertThat(json.get("lrp-all").asDouble()).isPositive().isFinite();
        assertThat(json.get("occlusion-p-diff").asDouble()).isPositive().isFinite();
        assertThat(run.out()).startsWith("{").endsWith("}" + System.lineSeparator());
    }

    @Test
    void json_reports_each_method_on_stderr_as_it_finishes_so_that_stdout_stays_one_json_document() {
        CommandRun run = CommandRun.of("bench", "--json", "--warmup", "0", "--seconds", "0.01",
                "--method", "lrp-all,occlusion-p-diff");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err().lines().toList().get(0)).matches("bench 1/2 lrp-all: [0-9,.\\s\u00a0\u202f]+ explanations/s");
        assertThat(run.err().lines().toList().get(1)).startsWith("bench 2/2 occlusion-p-diff: ")
                .endsWith(" explanations/s");
    }

    @Test
    void the_table_shows_each_row_as_soon_as_its_method_is_measured() {
        List<String> flushed = new ArrayList<>();
        StringWriter text = new StringWriter() {
            @Override
            public void flush() {
                flushed.add(toString());
            }
        };
        CommandLine cl = ExplainUnitCommand.commandLine();
        cl.setOut(new PrintWriter(text));
        cl.setErr(new PrintWriter(new StringWriter()));

        int code = cl.execute("bench", "--warmup", "0", "--seconds", "0.01", "--method", "gradient,cd");

        assertThat(code).isZero();
        assertThat(flushed).anySatisfy(shown -> assertThat(shown).startsWith("method").hasLineCount(1));
        assertThat(flushed).anySatisfy(shown -> assertThat(shown).containsPattern("(?m)^gradient ")
                .doesNotContainPattern("(?m)^cd "));
        assertThat(text.toString()).containsPattern("(?m)^cd ");
    }

    @Test
    void table_has_a_row_per_method() {
        CommandRun run = CommandRun.of("bench", "--warmup", "0", "--seconds", "0.01", "--method", "gradient,cd");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(4);
        assertThat(run.out()).containsPattern("(?m)^gradient +[0-9,]+ +[0-9,]+$").containsPattern("(?m)^cd +[0-9,]+");
    }

    @Test
    void an_unknown_method_is_a_usage_error() {
        CommandRun run = CommandRun.of("bench", "--method", "gradient,nope");

        assertThat(run.exitCode()).isEqualTo(ExplainUnitCommand.USAGE_ERROR);
        assertThat(run.err()).startsWith("explainunit: unknown method 'nope'").hasLineCount(1);
    }

    @Test
    void a_non_positive_measuring_time_is_a_usage_error() {
        CommandRun run = CommandRun.of("bench", "--seconds", "0");

        assertThat(run.exitCode()).isEqualTo(ExplainUnitCommand.USAGE_ERROR);
        assertThat(run.err()).contains("--seconds must be in (0, 3600]").hasLineCount(1);
    }

    @Test
    void workload_is_the_single_unit_toy_lstm_on_sequences_of_length_13_and_14() {
        assertThat(BenchWorkload.toyModel(1).inputSize()).isEqualTo(2);
        assertThat(BenchWorkload.toyModel(1).hiddenSize()).isEqualTo(1);
        assertThat(BenchWorkload.toyModel(1).outputSize()).isEqualTo(1);
        assertThat(BenchWorkload.modelFor("occlusion-p-diff").outputSize()).isEqualTo(2);
        assertThat(BenchWorkload.sequences(1)).hasSize(BenchWorkload.SEQUENCES)
                .extracting(Sequence::length).containsOnly(13, 14);
    }

    @Test
    void sentiment_json_maps_each_requested_method_to_a_positive_rate_and_reports_sentences_per_second() throws Exception {
        CommandRun run = CommandRun.of("bench", "--task", "sentiment", "--json", "--warmup", "0", "--seconds", "0.01",
                "--method", "lrp-all,gradient-x-input");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("lrp-all", "gradient-x-input");
        assertThat(json.get("lrp-all").asDouble()).isPositive().isFinite();
        assertThat(json.get("gradient-x-input").asDouble()).isPositive().isFinite();
        assertThat(run.err().lines().toList()).hasSize(2);
        assertThat(run.err().lines().toList().get(0)).matches("bench 1/2 lrp-all: [0-9,.\\s\u00a0\u202f]+ sentences/s");
    }

    @Test
    void sentiment_table_has_a_row_per_method_and_names_the_bundled_model_and_its_sentences() {
        CommandRun run = CommandRun.of("bench", "--task", "sentiment", "--warmup", "0", "--seconds", "0.01",
                "--method", "gradient,cd");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("method").contains("sentences/s");
        assertThat(run.out()).containsPattern("(?m)^gradient +[0-9,]+ +[0-9,]+$").containsPattern("(?m)^cd +[0-9,]+");
        assertThat(lines.get(3)).startsWith("bundled sentiment BiLSTM")
                .contains(SentimentBenchWorkload.bundled().inputs().length + " test sentences of length 10-");
    }

    @Test
    void the_footer_names_the_methods_measured_through_their_batch_call() {
        CommandRun run = CommandRun.of("bench", "--task", "sentiment", "--warmup", "0", "--seconds", "0.01",
                "--method", "lrp-all,cd");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).endsWith("; lrp-all through their batch call, 1000 sentences per call");
    }

    @Test
    void an_unknown_task_is_a_usage_error_naming_it_and_the_known_ones() {
        CommandRun run = CommandRun.of("bench", "--task", "additon");

        assertThat(run.exitCode()).isEqualTo(ExplainUnitCommand.USAGE_ERROR);
        assertThat(run.err()).startsWith("explainunit: --task: unknown task [additon]; known tasks: addition")
                .hasLineCount(1);
    }

    @Test
    void a_toy_task_is_measured_on_its_first_bundled_model_with_the_methods_that_apply() {
        CommandRun run = CommandRun.of("bench", "--task", "subtraction", "--json", "--seconds", "0.05", "--warmup", "0",
                "--method", "gradient,lrp-all");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"gradient\"").contains("\"lrp-all\"");
    }

    @Test
    void layers_are_for_the_sentiment_task_only() {
        CommandRun run = CommandRun.of("bench", "--task", "addition", "--layers", "2");

        assertThat(run.exitCode()).isEqualTo(ExplainUnitCommand.USAGE_ERROR);
        assertThat(run.err()).startsWith("explainunit: --layers takes 1 to 8 layers, with --task sentiment");
    }

    @Test
    void sentiment_workload_is_the_test_sentences_of_at_least_ten_words_each_for_its_true_class() {
        SentenceModel model = ModelZoo.bundled().sentiment().model();
        List<CorpusSentence> kept = SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED).test().stream()
                .filter(s -> s.tokens().size() >= 10).toList();

        SentimentBenchWorkload workload = SentimentBenchWorkload.bundled();

        assertThat(workload.model()).isSameAs(model.lstm());
        assertThat(workload.inputs()).hasSize(kept.size()).hasSizeGreaterThan(1000);
        assertThat(workload.targets()).hasSize(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            assertThat(workload.targets()[i]).isEqualTo(kept.get(i).label());
            assertThat(workload.inputs()[i].length()).isEqualTo(kept.get(i).tokens().size());
            assertThat(workload.inputs()[i].get(0, 0)).isEqualTo(model.embed(kept.get(i).tokens()).get(0, 0));
        }
    }
}
