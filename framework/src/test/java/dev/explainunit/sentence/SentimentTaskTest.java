package dev.explainunit.sentence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.model.SentenceModel;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import dev.explainunit.task.Tasks;
import dev.explainunit.zoo.ModelZoo;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentTaskTest {

    private static final SentimentCorpus CORPUS = SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED);
    private static final SentenceModel MODEL = RandomSentenceModels.model(SentimentCorpus.vocabulary(), 6, 1);

    @Test
    void label_deciding_tokens_are_exactly_the_tokens_of_non_zero_contribution_and_add_up_to_the_score() {
        int withTruth = 0;
        for (CorpusSentence s : CORPUS.test()) {
            Optional<GroundTruth> truth = SentimentTask.labelDeciding(s);
            if (s.label() == 2) {
                assertThat(truth).as(s.toString()).isEmpty();
                continue;
            }
            double orientation = s.label() > 2 ? 1 : -1;
            double score = 0;
            int deciding = 0;
            for (int t = 0; t < s.length(); t++) {
                if (s.contribution(t) != 0) {
                    deciding++;
                    score += s.contribution(t);
                }
            }
            if (deciding == 0) {
                assertThat(truth).isEmpty();
                continue;
            }
            withTruth++;
            List<GroundTruth.Relevant> relevant = truth.orElseThrow().relevant();
            assertThat(relevant).hasSize(deciding);
            double recomputed = 0;
            for (GroundTruth.Relevant r : relevant) {
                assertThat(s.contribution(r.position())).isNotZero();
                assertThat(r.role()).isEqualTo(s.roles().get(r.position()).name().toLowerCase());
                assertThat(r.value()).isEqualTo(Math.abs(s.contribution(r.position())));
                recomputed += orientation * r.contribution();
            }
            assertThat(recomputed).isCloseTo(score, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(recomputed).isCloseTo(s.score(), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(withTruth).isGreaterThan(CORPUS.test().size() / 2);
    }

    @Test
    void a_negative_word_supports_a_negative_label_and_speaks_against_a_positive_one() {
        CorpusSentence negative = new CorpusSentence(List.of("bad", "."), List.of(TokenRole.POLAR,
                TokenRole.PUNCTUATION), new double[]{-1, 0}, 0, 1);
        CorpusSentence positive = new CorpusSentence(List.of("bad", "good", "good"), List.of(TokenRole.POLAR,
                TokenRole.POLAR, TokenRole.POLAR), new double[]{-1, 1, 1}, 0, 3);
        assertThat(SentimentTask.labelDeciding(negative).orElseThrow().relevant())
                .containsExactly(new GroundTruth.Relevant(0, "polar", 1, 1));
        assertThat(SentimentTask.labelDeciding(positive).orElseThrow().relevant().get(0))
                .isEqualTo(new GroundTruth.Relevant(0, "polar", 1, -1));
    }

    @Test
    void corpus_samples_are_the_embedded_sentences_with_their_label_as_target_and_a_prefix_for_fewer() {
        List<CorpusSentence> sentences = CORPUS.test().subList(0, 30);
        SentimentTask task = SentimentTask.of(MODEL, "tiny", sentences);
        List<Sample> samples = task.samples(7, 20);
        assertThat(task.groundTruth()).isEqualTo(GroundTruthKind.CONTRIBUTIONS);
        assertThat(task.models()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo("tiny"));
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            CorpusSentence c = sentences.get(i);
            assertThat(s.tokens()).isEqualTo(c.tokens());
            assertThat(s.target()).isEqualTo(c.label());
            assertThat(s.y()).isEqualTo(c.label());
            assertThat(s.input().toArray()).isDeepEqualTo(MODEL.embed(c.tokens()).toArray());
            assertThat(Optional.ofNullable(s.truth())).isEqualTo(SentimentTask.labelDeciding(c));
        }
        assertThat(task.samples(1, 5)).isEqualTo(samples.subList(0, 5));
        assertThat(task.samples(1, 1000)).as("a fixed data set gives all it has").hasSize(30);
    }

    @Test
    void a_users_data_is_read_only_as_far_as_the_samples_asked_for(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("d.jsonl");
        Files.writeString(data, """
                {"tokens": ["not", "very", "good", "."], "label": 1}
                {"text": "the film is great", "label": 4}
                {"text": "broken line
                """);
        SentimentTask task = SentimentTask.of(MODEL, "mine", data);
        assertThat(task.groundTruth()).isEqualTo(GroundTruthKind.NONE);
        List<Sample> two = task.samples(0, 2);
        assertThat(two).extracting(Sample::tokens).containsExactly(List.of("not", "very", "good", "."),
                List.of("the", "film", "is", "great"));
        assertThat(two).extracting(Sample::target).containsExactly(1, 4);
        assertThat(two).allSatisfy(s -> assertThat(s.hasTruth()).isFalse());
        assertThatThrownBy(() -> task.samples(0, 3)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(data + ":3: ");
    }

    @Test
    void configured_with_model_vocab_and_data_reads_the_users_files_and_has_no_ground_truth(@TempDir Path dir)
            throws Exception {
        Path model = dir.resolve("mine.safetensors");
        Path vocab = dir.resolve("vocab.txt");
        Path data = dir.resolve("test.jsonl");
        SentenceModelFiles.write(MODEL, model, vocab);
        Files.writeString(data, "{\"text\": \"the film is not good .\", \"label\": 1}\n");
        Map<String, String> given = Map.of("model", model.toString(), "vocab", vocab.toString(), "data",
                data.toString());
        Task task = Tasks.byId("sentiment").configured(k -> Optional.ofNullable(given.get(k)));
        assertThat(task.groundTruth()).isEqualTo(GroundTruthKind.NONE);
        assertThat(task.models()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo("mine"));
        assertThat(task.samples(0, 10)).singleElement().satisfies(s -> assertThat(s.target()).isEqualTo(1));
    }

    @Test
    void the_registered_task_is_the_bundled_model_on_the_corpus_test_split_with_its_label_deciding_tokens() {
        Task task = Tasks.byId("sentiment");
        SentenceModel bundled = ModelZoo.bundled().sentiment().model();
        assertThat(task.models()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("sentiment");
            assertThat(m.model()).isSameAs(bundled.lstm());
        });
        List<Sample> samples = task.samples(SentimentCorpus.DEFAULT_SEED, 50);
        for (int i = 0; i < samples.size(); i++) {
            CorpusSentence s = CORPUS.test().get(i);
            assertThat(samples.get(i).tokens()).isEqualTo(s.tokens());
            assertThat(samples.get(i).target()).isEqualTo(s.label());
            assertThat(samples.get(i).input().toArray()).isDeepEqualTo(bundled.embed(s.tokens()).toArray());
            assertThat(Optional.ofNullable(samples.get(i).truth())).isEqualTo(SentimentTask.labelDeciding(s));
        }
        assertThat(task.samples(0, 5000)).hasSize(SentimentCorpus.TEST_SIZE);
    }

    @Test
    void configured_with_nothing_is_the_bundled_task_and_with_a_part_names_what_is_missing() {
        Task bundled = Tasks.byId("sentiment");
        assertThat(bundled.configured(k -> Optional.empty())).isSameAs(bundled);
        assertThat(bundled.groundTruth()).isEqualTo(GroundTruthKind.CONTRIBUTIONS);
        assertThat(bundled.parameters()).containsExactlyInAnyOrder("model", "vocab", "data");
        assertThatThrownBy(() -> bundled.configured(k -> k.equals("model") ? Optional.of("m.safetensors")
                : Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing [vocab, data]");
    }

    @Test
    void configured_with_a_model_file_that_does_not_exist_names_it(@TempDir Path dir) {
        Map<String, String> given = Map.of("model", dir.resolve("none.safetensors").toString(), "vocab",
                dir.resolve("vocab.txt").toString(), "data", dir.resolve("d.jsonl").toString());
        assertThatThrownBy(() -> new SentimentTask().configured(k -> Optional.ofNullable(given.get(k))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vocab.txt");
    }
}
