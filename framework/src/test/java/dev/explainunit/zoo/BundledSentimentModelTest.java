package dev.explainunit.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.model.SentenceModel;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.safetensors.TensorType;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.train.SentimentTraining;
import dev.explainunit.zoo.SentimentAccuracy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledSentimentModelTest {

    private static final SentimentZooModel BUNDLED = ModelZoo.bundled().sentiment();
    private static final SentimentCorpus CORPUS = SentimentCorpus.generate(BUNDLED.index().corpusSeed());

    @TempDir
    Path dir;

    @Test
    void bundled_sentiment_model_is_the_papers_bidirectional_classifier_over_the_corpus_vocabulary() {
        SentenceModel model = BUNDLED.model();
        assertThat(model.lstm().isBidirectional()).isTrue();
        assertThat(model.embeddingSize()).isEqualTo(60);
        assertThat(model.lstm().hiddenSize()).isEqualTo(60);
        assertThat(model.classes()).isEqualTo(SentimentCorpus.CLASSES);
        assertThat(model.vocabulary().tokens()).isEqualTo(SentimentCorpus.vocabulary().tokens());
        assertThat(BUNDLED.index().corpusSeed()).isEqualTo(SentimentCorpus.DEFAULT_SEED);
    }

    @Test
    void recorded_accuracies_are_what_the_bundled_model_scores_on_the_regenerated_corpus() {
        assertThat(SentimentTraining.accuracy(CORPUS.validation(), BUNDLED.model()::predictClass))
                .isEqualTo(BUNDLED.index().validation());
        assertThat(SentimentTraining.accuracy(CORPUS.test(), BUNDLED.model()::predictClass))
                .isEqualTo(BUNDLED.index().test());
    }

    @Test
    void model_learned_composition_its_test_accuracy_beats_bag_of_words_overall_and_on_negated_and_contrasted_sentences() {
        SentimentAccuracy model = BUNDLED.index().test();
        SentimentAccuracy baseline = BUNDLED.index().baselineTest();
        // issue 10: between 60% and 90%, so that Table 3 has enough right and wrong sentences
        assertThat(model.overall()).isBetween(0.60, 0.90);
        assertThat(model.overall()).isGreaterThan(baseline.overall());
        // a bag of words cannot tell "not good" from "good": composition shows on these subsets
        assertThat(model.negation()).isGreaterThan(baseline.negation());
        assertThat(model.contrast()).isGreaterThan(baseline.contrast());
        assertThat(model.negationSentences()).isGreaterThan(100);
        assertThat(model.contrastSentences()).isGreaterThan(100);
    }

    @Test
    void a_written_sentiment_directory_reads_back_byte_identical() throws IOException {
        BUNDLED.write(dir);
        SentimentZooModel read = SentimentZooModel.read(dir);
        assertThat(SentenceModelFiles.toBytes(read.model(), TensorType.F64))
                .isEqualTo(SentenceModelFiles.toBytes(BUNDLED.model(), TensorType.F64));
        assertThat(read.index()).isEqualTo(BUNDLED.index());
        try (var in = ModelZoo.class.getResourceAsStream(ModelZoo.RESOURCES + "sentiment/sentiment.safetensors")) {
            assertThat(Files.readAllBytes(dir.resolve(SentimentZooIndex.MODEL_FILE))).isEqualTo(in.readAllBytes());
        }
    }

    @Test
    void an_index_of_another_format_is_refused_naming_the_file_and_the_format() throws IOException {
        BUNDLED.write(dir);
        Files.writeString(dir.resolve(ZooDirectory.INDEX), "{\"format\": \"explainunit-zoo/1\"}");
        assertThatThrownBy(() -> SentimentZooModel.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve(ZooDirectory.INDEX).toString())
                .hasMessageContaining("[explainunit-zoo/1]");
    }

    @Test
    void a_directory_without_index_is_refused_naming_it() {
        assertThatThrownBy(() -> SentimentZooModel.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("index.json");
    }
}
