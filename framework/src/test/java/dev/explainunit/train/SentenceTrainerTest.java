package dev.explainunit.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.model.SentenceModel;
import dev.explainunit.model.Vocabulary;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.safetensors.TensorType;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.zoo.SentenceTrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SentenceTrainerTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of(List.of("<unk>", "good", "bad", "the", "film", "plot",
            "was", "is", ".", "and"));
    private static final List<String> FILLER = List.of("the", "film", "plot", "was", "is", ".", "and");

    /**
     * Separable by one word: class 1 with "good", class 0 with "bad", never both, 2–8 tokens with
     * the polar word anywhere among neutral ones.
     */
    private static List<SentenceRecord> separable(int count, long seed) {
        Random random = new Random(seed);
        List<SentenceRecord> sentences = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int length = 2 + random.nextInt(7);
            int position = random.nextInt(length);
            int label = random.nextInt(2);
            List<String> tokens = new ArrayList<>();
            for (int t = 0; t < length; t++) {
                tokens.add(t == position ? (label == 1 ? "good" : "bad") : FILLER.get(random.nextInt(FILLER.size())));
            }
            sentences.add(SentenceRecord.of(tokens, label));
        }
        return sentences;
    }

    private static SentenceTrainingSettings small(boolean bidirectional, int maxEpochs) {
        return new SentenceTrainingSettings(4, 3, bidirectional, 5, 8, 0.02, 0.9, 0.999, 1e-8, 5, maxEpochs, 3);
    }

    private static double accuracy(SentenceModel model, List<SentenceRecord> sentences) {
        int correct = 0;
        for (SentenceRecord s : sentences) {
            if (model.predictClass(s.tokens()) == s.label()) {
                correct++;
            }
        }
        return (double) correct / sentences.size();
    }

    @Test
    void training_on_a_corpus_separable_by_one_word_classifies_every_held_out_sentence() throws Exception {
        List<SentenceRecord> test = separable(200, 3);
        for (boolean bidirectional : new boolean[] {true, false}) {
            SentenceTrainingResult result = new SentenceTrainer(small(bidirectional, 30))
                    .train(separable(300, 1), separable(100, 2), VOCABULARY, 2, 1, EpochProgress.Listener.NONE);
            assertThat(result.validationAccuracy()).as("bidirectional = %s", bidirectional).isEqualTo(1.0);
            assertThat(accuracy(result.model(), test)).as("bidirectional = %s", bidirectional).isEqualTo(1.0);
            assertThat(result.model().lstm().isBidirectional()).isEqualTo(bidirectional);
        }
    }

    @Test
    void one_and_three_threads_train_byte_identical_models() throws Exception {
        List<SentenceRecord> train = separable(150, 11);
        List<SentenceRecord> validation = separable(40, 12);
        byte[][] files = new byte[2][];
        List<List<String>> losses = new ArrayList<>();
        int[] threads = {1, 3};
        for (int k = 0; k < 2; k++) {
            SentenceTrainingResult result = new SentenceTrainer(small(true, 3))
                    .train(train, validation, VOCABULARY, 2, threads[k], EpochProgress.Listener.NONE);
            files[k] = SentenceModelFiles.toBytes(result.model(), TensorType.F64);
            losses.add(result.epochs().stream().map(e -> e.trainLoss() + " " + e.validationAccuracy()).toList());
        }
        assertThat(files[1]).isEqualTo(files[0]);
        assertThat(losses.get(1)).isEqualTo(losses.get(0));
    }

    @Test
    void another_seed_trains_another_model() throws Exception {
        List<SentenceRecord> train = separable(60, 11);
        List<SentenceRecord> validation = separable(20, 12);
        SentenceModel first = new SentenceTrainer(small(true, 1))
                .train(train, validation, VOCABULARY, 2, 1, EpochProgress.Listener.NONE).model();
        SentenceModel second = new SentenceTrainer(small(true, 1).withSeed(6))
                .train(train, validation, VOCABULARY, 2, 1, EpochProgress.Listener.NONE).model();
        assertThat(SentenceModelFiles.toBytes(second, TensorType.F64))
                .isNotEqualTo(SentenceModelFiles.toBytes(first, TensorType.F64));
    }

    @Test
    void a_label_outside_the_classes_is_refused_naming_the_sentence_and_the_label() {
        List<SentenceRecord> train = List.of(SentenceRecord.of(List.of("good"), 1), SentenceRecord.of(List.of("bad"), 7));
        assertThatThrownBy(() -> new SentenceTrainer(small(true, 1))
                .train(train, train, VOCABULARY, 2, 1, EpochProgress.Listener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sentence 1").hasMessageContaining("[7]");
    }

    @Test
    void clipping_scales_a_long_gradient_to_the_clipping_norm_and_leaves_a_short_one() {
        double[] longGradient = {3, 4, 0};
        SentenceTrainer.clip(longGradient, 1);
        assertThat(longGradient).containsExactly(new double[] {0.6, 0.8, 0.0}, within(1e-15));
        double[] shortGradient = {0.3, 0.4};
        SentenceTrainer.clip(shortGradient, 1);
        assertThat(shortGradient).containsExactly(0.3, 0.4);
    }
}
