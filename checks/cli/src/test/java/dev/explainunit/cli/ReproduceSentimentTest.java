package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.composition.ModifierWords;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.model.Vocabulary;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.sentence.SentenceReader;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.sentiment.SentimentExperiments;
import dev.explainunit.sentiment.SentimentResults;
import dev.explainunit.sentiment.SentimentSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reproduce --task sentiment --model --vocab --data} on a small random classifier and data. */
class ReproduceSentimentTest {

    private static final List<String> WORDS = List.of("<unk>", "good", "bad", "not", "very", "film", "the", "a",
            "plot", "is", ".");

    @TempDir
    Path dir;

    @Test
    void table_2_and_the_sentiment_experiments_go_into_one_report() throws Exception {
        SentenceModel model = usersModel();
        Path out = dir.resolve("report");
        Path json = dir.resolve("tables.json");

        CommandRun run = CommandRun.of("reproduce", "--task", "addition,sentiment", "--samples", "20", "--model",
                dir.resolve("mine.safetensors").toString(), "--vocab", dir.resolve("vocab.txt").toString(), "--data",
                dir.resolve("test.jsonl").toString(), "--out", out.toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("addition").contains("Table 3").contains(model.classes() + " classes");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/table2/addition/lrp-all/verdict").asText()).isNotEmpty();
        assertThat(report.at("/table3/accuracy/decreasing/random")).hasSize(4);
        assertThat(report.at("/figure1/lrp-all/x")).hasSize(60);
        assertThat(report.at("/run/tasks").toString()).isEqualTo("[\"addition\",\"sentiment\"]");
        JsonNode tables = new ObjectMapper().readTree(json.toFile());
        assertThat(tables.has("table2") && tables.has("table3") && tables.has("figure1")).isTrue();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"table2\"", "id=\"table3\"", "id=\"figure1\"")
                .contains("verdicts agree with the paper");
    }

    /** A random five-class classifier and 60 labelled sentences of 10-13 words, half of them misclassified. */
    private SentenceModel usersModel() throws Exception {
        Random random = new Random(2);
        int e = 3, h = 3;
        RecurrentNetwork lstm = RecurrentNetwork.singleLayer(direction(random, e, h), direction(random, e, h), matrix(random, 5, 2 * h),
                matrix(random, 5, 1));
        SentenceModel model = new SentenceModel(matrix(random, WORDS.size(), e), lstm, Vocabulary.of(WORDS));
        Path modelFile = dir.resolve("mine.safetensors");
        Path vocab = dir.resolve("vocab.txt");
        SentenceModelFiles.write(model, modelFile, vocab);
        Path data = dir.resolve("test.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            List<String> tokens = new ArrayList<>();
            for (int t = 0; t < 10 + i % 4; t++) {
                tokens.add(WORDS.get(1 + random.nextInt(WORDS.size() - 1)));
            }
            int predicted = model.predictClass(tokens);   // half right, half wrong: both halves of Table 3 have sentences
            lines.append(new ObjectMapper().writeValueAsString(Map.of("tokens", tokens, "label",
                    i % 2 == 0 ? predicted : (predicted + 1) % 5))).append('\n');
        }
        Files.writeString(data, lines);
        return model;
    }

    @Test
    void reproduce_on_a_users_model_prints_table3_beside_the_paper_and_writes_the_sections_into_the_report()
            throws Exception {
        SentenceModel model = usersModel();
        Path modelFile = dir.resolve("mine.safetensors");
        Path vocab = dir.resolve("vocab.txt");
        Path data = dir.resolve("test.jsonl");
        Path json = dir.resolve("sentiment.json");
        Path out = dir.resolve("report");

        CommandRun run = CommandRun.of("reproduce", "--task", "sentiment", "--model", modelFile.toString(), "--vocab",
                vocab.toString(), "--data", data.toString(), "--json", json.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Table 3").containsPattern("lrp-all .*\\(97\\)").contains("(100)")
                .contains("integrated-gradients");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<SentenceRecord> test = SentenceReader.readAll(data, 5, model.vocabulary());
        SentimentResults direct = SentimentExperiments.run(model, test, ModifierWords.english(),
                SentimentExperiments.builtIns(), SentimentSettings.defaults());
        for (String method : direct.table3().accuracy().keySet()) {
            for (String order : List.of("decreasing", "increasing")) {
                Double expected = (order.equals("decreasing") ? direct.table3().decreasing()
                        : direct.table3().increasing()).get(method);
                JsonNode normalised = root.at("/table3/" + order + "/" + method);
                if (expected.isNaN()) {
                    assertThat(normalised.isNull()).as(order + " " + method + " is undefined: null").isTrue();
                } else {
                    assertThat(normalised.asDouble()).as(order + " " + method).isCloseTo(expected, within(1e-9));
                }
            }
            JsonNode accuracy = root.at("/table3/accuracy/decreasing/" + method);
            assertThat(accuracy).as(method).hasSize(4);
            double[] expected = direct.table3().accuracy().get(method).decreasing();
            for (int k = 0; k < 4; k++) {
                assertThat(accuracy.get(k).asDouble()).as(method + " k=" + k).isCloseTo(expected[k], within(1e-9));
            }
        }
        assertThat(root.at("/figure1/avg/explained")).hasSize(2);
        assertThat(root.at("/table4/negated-positive/lrp-all/words")).hasSize(2);
        assertThat(root.at("/table3/paper/decreasing/lrp-all").asDouble()).isEqualTo(97.0);
        assertThat(root.at("/sentiment/sentences").asInt()).isEqualTo(60);
        assertThat(root.has("table2")).as("a sentiment run alone has no Table 2").isFalse();

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (String key : List.of("table3", "table4", "table5", "figure1")) {
            assertThat(report.get(key)).as(key + " in report.json as in --json").isEqualTo(root.get(key));
        }
        assertThat(report.at("/run/tasks/0").asText()).isEqualTo("sentiment");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"table3\"", "id=\"table4\"", "id=\"table5\"", "id=\"figure1\"")
                .contains("class=\"word-heatmap\"").doesNotContain("<script", "<link", " src=", "href=\"http");
        assertThat(Files.readString(out.resolve("report.md"))).contains("#### Table 3");
        assertThat(out.resolve("sentiment.html")).doesNotExist();
    }

    @Test
    void a_bad_line_in_the_users_data_is_refused_with_its_line_before_any_work() throws Exception {
        Random random = new Random(3);
        int e = 2, h = 2;
        RecurrentNetwork lstm = RecurrentNetwork.singleLayer(direction(random, e, h), direction(random, e, h), matrix(random, 5, 2 * h),
                matrix(random, 5, 1));
        SentenceModel model = new SentenceModel(matrix(random, WORDS.size(), e), lstm, Vocabulary.of(WORDS));
        Path modelFile = dir.resolve("mine.safetensors");
        Path vocab = dir.resolve("vocab.txt");
        SentenceModelFiles.write(model, modelFile, vocab);
        Path data = dir.resolve("test.jsonl");
        Files.writeString(data, "{\"tokens\": [\"good\", \"film\"], \"label\": 3}\n"
                + "{\"tokens\": [\"bad\"], \"label\": 9}\n");

        CommandRun run = CommandRun.of("reproduce", "--task", "sentiment", "--model", modelFile.toString(), "--vocab",
                vocab.toString(), "--data", data.toString(), "--out", dir.resolve("report").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(data + ":2").contains("9");
        assertThat(run.out()).doesNotContain("Table 3");
    }

    @Test
    void task_lists_are_checked_word_by_word_and_the_users_model_needs_the_sentiment_task_named() {
        CommandRun unknown = CommandRun.of("reproduce", "--task", "addition,multiplication", "--out",
                dir.resolve("report").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--task", "multiplication", "sentiment");

        CommandRun noTask = CommandRun.of("reproduce", "--model", dir.resolve("m.safetensors").toString());
        assertThat(noTask.exitCode()).isEqualTo(2);
        assertThat(noTask.err()).contains("--model belongs to a task: name it with --task");

        CommandRun toyOnly = CommandRun.of("reproduce", "--task", "addition", "--model",
                dir.resolve("m.safetensors").toString());
        assertThat(toyOnly.exitCode()).isEqualTo(2);
        assertThat(toyOnly.err()).contains("--model belongs to a task");
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
}
