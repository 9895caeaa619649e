package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.sentence.SentenceModel;
import dev.explainunit.sentence.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --vocab} and {@code check --task sentiment --model --vocab --data} on a small random classifier. */
class SentenceCommandsTest {

    private static final List<String> WORDS = List.of("<unk>", "good", "bad", "not", "very", "film", "the", ".");

    @TempDir
    Path dir;

    private SentenceModel model;
    private Path modelFile;
    private Path vocabFile;
    private Path data;

    @BeforeEach
    void writeFiles() throws Exception {
        Random random = new Random(11);
        int e = 3, h = 3;
        RecurrentNetwork lstm = RecurrentNetwork.singleLayer(direction(random, e, h), direction(random, e, h), matrix(random, 5, 2 * h),
                matrix(random, 5, 1));
        model = new SentenceModel(matrix(random, WORDS.size(), e), lstm, Vocabulary.of(WORDS));
        modelFile = dir.resolve("mine.safetensors");
        vocabFile = dir.resolve("vocab.txt");
        SentenceModelFiles.write(model, modelFile, vocabFile);
        data = dir.resolve("test.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            List<String> tokens = new ArrayList<>();
            for (int t = 0; t < 4 + i % 5; t++) {
                tokens.add(WORDS.get(1 + random.nextInt(WORDS.size() - 1)));
            }
            lines.append(new ObjectMapper().writeValueAsString(java.util.Map.of("tokens", tokens, "label", i % 5)))
                    .append('\n');
        }
        Files.writeString(data, lines);
    }

    @Test
    void explain_with_a_vocabulary_prints_each_sentences_tokens_with_gradient_x_input_equal_to_finite_differences()
            throws Exception {
        Path input = dir.resolve("s.jsonl");
        Files.writeString(input, "{\"text\": \"not very good film .\"}\n{\"tokens\": [\"the\", \"bad\"], \"label\": 1}\n");
        CommandRun run = CommandRun.of("explain", "--model", modelFile.toString(), "--vocab", vocabFile.toString(),
                "--method", "gradient-x-input", "--input", input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).has("label")).isFalse();
        assertThat(results.get(1).get("label").asInt()).isEqualTo(1);
        List<List<String>> sentences = List.of(List.of("not", "very", "good", "film", "."), List.of("the", "bad"));
        for (int n = 0; n < 2; n++) {
            JsonNode result = results.get(n);
            List<String> tokens = new ArrayList<>();
            result.get("tokens").forEach(t -> tokens.add(t.asText()));
            assertThat(tokens).isEqualTo(sentences.get(n));
            double[][] x = model.embed(tokens).toArray();
            int c = result.get("target").asInt();
            double[] prediction = model.predict(tokens);
            assertThat(prediction[c]).isEqualTo(max(prediction));
            for (int t = 0; t < x.length; t++) {
                double expected = 0;
                for (int e = 0; e < x[t].length; e++) {
                    double step = 1e-6;
                    double saved = x[t][e];
                    x[t][e] = saved + step;
                    double up = model.lstm().predict(Sequence.of(x))[c];
                    x[t][e] = saved - step;
                    double down = model.lstm().predict(Sequence.of(x))[c];
                    x[t][e] = saved;
                    double perDimension = saved * (up - down) / (2 * step);
                    expected += perDimension;
                    assertThat(result.get("relevancePerInput").get(t).get(e).asDouble())
                            .isCloseTo(perDimension, within(1e-7));
                }
                assertThat(result.get("relevance").get(t).asDouble()).isCloseTo(expected, within(1e-7));
            }
        }
    }

    @Test
    void explain_with_a_vocabulary_uses_lrp_prop_with_the_papers_sentiment_stabiliser_unless_eps_is_given()
            throws Exception {
        Path input = dir.resolve("s.jsonl");
        Files.writeString(input, "{\"text\": \"not very good film .\"}\n");
        List<String> tokens = List.of("not", "very", "good", "film", ".");
        Sequence x = model.embed(tokens);
        int c = argmax(model.predict(tokens));
        Relevance paper = BuiltInExplainers.create("lrp-prop", 0.2, 0).explain(model.lstm(), x, c);
        Relevance given = BuiltInExplainers.create("lrp-prop", 0.001, 0).explain(model.lstm(), x, c);

        assertThat(relevance(CommandRun.of("explain", "--model", modelFile.toString(), "--vocab", vocabFile.toString(),
                "--method", "lrp-prop", "--input", input.toString()))).containsExactly(paper.toArray(), within(1e-12));
        assertThat(relevance(CommandRun.of("explain", "--model", modelFile.toString(), "--vocab", vocabFile.toString(),
                "--method", "lrp-prop", "--eps", "0.001", "--input", input.toString())))
                .containsExactly(given.toArray(), within(1e-12));
        assertThat(paper.toArray()).isNotEqualTo(given.toArray());
    }

    @Test
    void explain_with_a_vocabulary_refuses_an_unknown_word_naming_file_and_line_before_printing_anything()
            throws Exception {
        Path vocab = dir.resolve("no-unk.txt");
        Files.write(vocab, java.util.stream.Stream.concat(java.util.stream.Stream.of("x"),
                WORDS.subList(1, WORDS.size()).stream()).toList());
        Path input = dir.resolve("s.jsonl");
        Files.writeString(input, "{\"text\": \"good film\"}\n{\"text\": \"superb film\"}\n");
        CommandRun run = CommandRun.of("explain", "--model", modelFile.toString(), "--vocab", vocab.toString(),
                "--method", "lrp-all", "--input", input.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(input + ":2:").contains("superb");
    }

    @Test
    void check_on_a_users_sentence_model_runs_the_checks_without_ground_truth_and_reports_the_others_not_applicable() {
        CommandRun run = CommandRun.of("check", "--explainer", "gradient-x-input", "--task", "sentiment", "--model",
                modelFile.toString(), "--vocab", vocabFile.toString(), "--data", data.toString(), "--samples", "10",
                "--out", dir.resolve("report").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 1);
        assertThat(run.out()).containsPattern("(PASS|FAIL) +sentiment +contract")
                .containsPattern("(PASS|FAIL) +sentiment +model randomization")
                .containsPattern("(PASS|FAIL) +sentiment +perturbation selectivity")
                .containsPattern("N/A +sentiment +ground-truth correlation")
                .containsPattern("N/A +sentiment +relevant mass")
                .containsPattern("N/A +sentiment +relevance conservation");
        assertThat(dir.resolve("report").resolve("report.json")).exists();
    }

    @Test
    void check_refuses_a_label_outside_the_models_classes_naming_file_and_line_before_any_work() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"tokens\": [\"good\", \"film\"], \"label\": 1}\n"
                + "{\"tokens\": [\"bad\", \"film\"], \"label\": 9}\n");
        CommandRun run = CommandRun.of("check", "--explainer", "gradient-x-input", "--task", "sentiment", "--model",
                modelFile.toString(), "--vocab", vocabFile.toString(), "--data", bad.toString(),
                "--out", dir.resolve("report").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("explainunit: " + bad + ":2: label 9 outside 0..4");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    @Test
    void a_task_option_without_a_task_or_for_a_task_that_does_not_read_it_is_refused() {
        CommandRun noTask = CommandRun.of("check", "--explainer", "gradient", "--model", modelFile.toString());
        assertThat(noTask.exitCode()).isEqualTo(2);
        assertThat(noTask.err()).contains("--model belongs to a task: name it with --task");

        CommandRun addition = CommandRun.of("check", "--explainer", "gradient", "--task", "addition", "--data",
                data.toString());
        assertThat(addition.exitCode()).isEqualTo(2);
        assertThat(addition.err()).contains("--data [" + data + "] is not read by the addition task");
    }

    @Test
    void check_on_sentiment_with_only_some_of_model_vocab_and_data_names_the_missing_ones() {
        CommandRun run = CommandRun.of("check", "--explainer", "gradient", "--task", "sentiment", "--model",
                modelFile.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing [vocab, data]");
    }

    @Test
    void a_missing_model_or_vocabulary_or_a_folder_in_their_place_is_named_with_what_is_wrong() {
        Path absent = dir.resolve("nonexist.safetensors");
        Path absentVocab = dir.resolve("nonexist.txt");
        for (String[] c : new String[][] {
                {absent.toString(), vocabFile.toString(), absent + ": no such model file"},
                {dir.toString(), vocabFile.toString(), dir + ": a folder, not a model file; did you mean " + modelFile + "?"},
                {modelFile.toString(), absentVocab.toString(), absentVocab + ": no such vocabulary file"},
                {modelFile.toString(), dir.toString(), dir + ": a folder, not a vocabulary file; did you mean "
                        + vocabFile + "?"}}) {
            CommandRun check = CommandRun.of("check", "--explainer", "gradient", "--task", "sentiment", "--model", c[0],
                    "--vocab", c[1], "--data", data.toString(), "--out", dir.resolve("report").toString());
            assertThat(check.exitCode()).as(c[2]).isEqualTo(2);
            assertThat(check.err().strip()).isEqualTo("explainunit: " + c[2]);
            CommandRun explain = CommandRun.of("explain", "--model", c[0], "--vocab", c[1], "--method", "gradient",
                    "--input", data.toString());
            assertThat(explain.exitCode()).as(c[2]).isEqualTo(2);
            assertThat(explain.err().strip()).isEqualTo("explainunit: " + c[2]);
        }
    }

    private static double[] relevance(CommandRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(run.out()).get("results").get(0).get("relevance");
        double[] values = new double[r.size()];
        for (int t = 0; t < values.length; t++) {
            values[t] = r.get(t).asDouble();
        }
        return values;
    }

    private static double max(double[] v) {
        return v[argmax(v)];
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    private static DirectionWeights direction(Random random, int in, int hidden) {
        return DirectionWeights.lstm(matrix(random, 4 * hidden, in), matrix(random, 4 * hidden, hidden),
                matrix(random, 4 * hidden, 1), matrix(random, 4 * hidden, 1));
    }

    private static DMatrixRMaj matrix(Random random, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = random.nextDouble() - 0.5;
        }
        return m;
    }

    @Test
    void check_of_a_built_in_without_lrp_options_runs_with_the_tasks_paper_setting() throws Exception {
        String withoutOptions = randomizationStatistic("paper");
        assertThat(randomizationStatistic("paper-eps", "--eps", "0.2")).isEqualTo(withoutOptions);
        assertThat(randomizationStatistic("toy-eps", "--eps", "0")).isNotEqualTo(withoutOptions);
    }

    @Test
    void check_with_only_a_bias_factor_keeps_the_tasks_paper_eps() throws Exception {
        String paper = randomizationStatistic("paper");
        assertThat(randomizationStatistic("bias-only", "--bias-factor", "0")).isEqualTo(paper);
        assertThat(randomizationStatistic("bias-and-toy-eps", "--bias-factor", "0", "--eps", "0"))
                .isNotEqualTo(paper);
    }

    /** The model randomization statistic of lrp-prop on the user's model and data, as report.json gives it. */
    private String randomizationStatistic(String name, String... lrpOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--explainer", "lrp-prop", "--task", "sentiment",
                "--model", modelFile.toString(), "--vocab", vocabFile.toString(), "--data", data.toString(),
                "--samples", "10", "--out", dir.resolve(name).toString()));
        args.addAll(List.of(lrpOptions));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 1);
        JsonNode report = new ObjectMapper().readTree(dir.resolve(name).resolve("report.json").toFile());
        List<String> values = report.findValuesAsText("rank_correlation");
        assertThat(values).as(report.toString()).isNotEmpty();
        return String.join(",", values);
    }
}
