package dev.explainunit.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import dev.explainunit.model.RandomNetworks;
import dev.explainunit.sentence.MalformedDataException;
import dev.explainunit.sentence.SentenceModel;
import dev.explainunit.sentence.UnknownWordException;
import dev.explainunit.sentence.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny bidirectional sentence model written exactly as PyTorch names and lays out its tensors
 * (F32, from raw arrays), checked against a forward pass written here from PyTorch's equations.
 */
class SentenceModelFilesTest {

    private static final int V = 5, E = 3, H = 2, C = 3;
    private static final String MODEL = "model.safetensors", VOCAB = "vocab.txt";
    private static final Vocabulary VOCABULARY = Vocabulary.of(List.of("<unk>", "not", "very", "good", "."));

    @TempDir
    Path dir;

    private final Random random = new Random(42);
    private final float[] embedding = floats(V * E);
    private final float[][] weightIh = {floats(4 * H * E), floats(4 * H * E)};
    private final float[][] weightHh = {floats(4 * H * H), floats(4 * H * H)};
    private final float[][] biasIh = {floats(4 * H), floats(4 * H)};
    private final float[][] biasHh = {floats(4 * H), floats(4 * H)};
    private final float[] fcWeight = floats(C * 2 * H);
    private final float[] fcBias = floats(C);

    private float[] floats(int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }

    private PyTorchStateDict stateDict() {
        PyTorchStateDict d = new PyTorchStateDict().put("embedding.weight", embedding, V, E)
                .put("fc.weight", fcWeight, C, 2 * H).put("fc.bias", fcBias, C);
        String[] suffix = {"", "_reverse"};
        for (int r = 0; r < 2; r++) {
            d.put("lstm.weight_ih_l0" + suffix[r], weightIh[r], 4 * H, E)
                    .put("lstm.weight_hh_l0" + suffix[r], weightHh[r], 4 * H, H)
                    .put("lstm.bias_ih_l0" + suffix[r], biasIh[r], 4 * H)
                    .put("lstm.bias_hh_l0" + suffix[r], biasHh[r], 4 * H);
        }
        return d;
    }

    /** PyTorch nn.LSTM (gates i, f, g, o) over the embedded ids, then fc on [h_fwd(T) ; h_rev(1)]. */
    private double[] handForward(int[] ids) {
        double[] features = new double[2 * H];
        for (int r = 0; r < 2; r++) {
            double[] h = new double[H];
            double[] c = new double[H];
            for (int step = 0; step < ids.length; step++) {
                int id = ids[r == 0 ? step : ids.length - 1 - step];
                double[] z = new double[4 * H];
                for (int row = 0; row < 4 * H; row++) {
                    z[row] = (double) biasIh[r][row] + biasHh[r][row];
                    for (int e = 0; e < E; e++) {
                        z[row] += weightIh[r][row * E + e] * (double) embedding[id * E + e];
                    }
                    for (int k = 0; k < H; k++) {
                        z[row] += weightHh[r][row * H + k] * h[k];
                    }
                }
                for (int j = 0; j < H; j++) {
                    double i = 1 / (1 + Math.exp(-z[j]));
                    double f = 1 / (1 + Math.exp(-z[H + j]));
                    double g = Math.tanh(z[2 * H + j]);
                    double o = 1 / (1 + Math.exp(-z[3 * H + j]));
                    c[j] = f * c[j] + i * g;
                    h[j] = o * Math.tanh(c[j]);
                }
            }
            System.arraycopy(h, 0, features, r * H, H);
        }
        double[] out = new double[C];
        for (int k = 0; k < C; k++) {
            out[k] = fcBias[k];
            for (int j = 0; j < 2 * H; j++) {
                out[k] += fcWeight[k * 2 * H + j] * features[j];
            }
        }
        return out;
    }

    @Test
    void a_pytorch_bidirectional_sentence_model_loads_and_predicts_the_hand_computed_forward_pass() throws Exception {
        SentenceModel model = SentenceModelFiles.read(stateDict().bytes(), MODEL, VOCABULARY, VOCAB);

        assertThat(model.lstm().isBidirectional()).isTrue();
        assertThat(model.embeddingSize()).isEqualTo(E);
        assertThat(model.classes()).isEqualTo(C);
        assertThat(model.predict(List.of("not", "very", "good", ".")))
                .containsExactly(handForward(new int[] {1, 2, 3, 4}), within(1e-12));
        // an unknown word is <unk> (id 0)
        assertThat(model.predict(List.of("not", "bad")))
                .containsExactly(handForward(new int[] {1, 0}), within(1e-12));
    }

    @Test
    void the_embedded_sentence_holds_each_words_embedding_row_so_occlusion_zeroes_a_word_and_deletion_drops_it()
            throws Exception {
        SentenceModel model = SentenceModelFiles.read(stateDict().bytes(), MODEL, VOCABULARY, VOCAB);

        Sequence x = model.embed(List.of("very", "good", "."));

        assertThat(x.length()).isEqualTo(3);
        assertThat(x.dim()).isEqualTo(E);
        for (int e = 0; e < E; e++) {
            assertThat(x.get(1, e)).isEqualTo((double) embedding[3 * E + e]);
        }
        assertThat(model.lstm().predict(x)).containsExactly(model.predict(List.of("very", "good", ".")));
        assertThat(model.embed(List.of("very", "."))).isEqualTo(Sequence.of(new double[][] {x.toArray()[0],
                x.toArray()[2]}));
    }

    @Test
    void a_model_written_and_read_back_predicts_the_same() throws Exception {
        SentenceModel model = SentenceModelFiles.read(stateDict().bytes(), MODEL, VOCABULARY, VOCAB);
        Path file = dir.resolve(MODEL);
        Path vocab = dir.resolve(VOCAB);

        SentenceModelFiles.write(model, file, vocab);
        SentenceModel back = SentenceModelFiles.read(file, vocab);

        assertThat(back.vocabulary().tokens()).isEqualTo(VOCABULARY.tokens());
        List<String> sentence = List.of("good", "not", "very", ".");
        assertThat(back.predict(sentence)).containsExactly(model.predict(sentence));
    }

    @Test
    void a_vocabulary_of_another_size_than_the_embedding_is_refused_naming_both_files() {
        Vocabulary four = Vocabulary.of(List.of("<unk>", "not", "very", "good"));

        assertThatThrownBy(() -> SentenceModelFiles.read(stateDict().bytes(), MODEL, four, VOCAB))
                .isInstanceOf(MalformedModelException.class)
                .hasMessage(MODEL + ": tensor 'embedding.weight' has 5 rows but " + VOCAB
                        + " holds 4 tokens; a row per token");
    }

    @Test
    void an_embedding_width_other_than_the_lstm_input_size_is_refused() {
        byte[] bytes = stateDict().put("embedding.weight", floats(V * 4), V, 4).bytes();

        assertThatThrownBy(() -> SentenceModelFiles.read(bytes, MODEL, VOCABULARY, VOCAB))
                .isInstanceOf(MalformedModelException.class)
                .hasMessageStartingWith(MODEL + ": tensor 'embedding.weight' has width E = 4 but the recurrent layers"
                        + " read D = 3 values per step");
    }

    @Test
    void a_non_finite_embedding_value_is_refused_naming_the_tensor_and_index() {
        embedding[7] = Float.NaN;

        assertThatThrownBy(() -> SentenceModelFiles.read(stateDict().bytes(), MODEL, VOCABULARY, VOCAB))
                .isInstanceOf(MalformedModelException.class)
                .hasMessage(MODEL + ": tensor 'embedding.weight' holds a non-finite value (NaN) at flat index 7");
    }

    @Test
    void a_file_without_embedding_is_refused_as_a_sentence_model() {
        byte[] lstmOnly = ModelFiles.toBytes(RandomNetworks.lstm(random, E, H, C, true, 1),
                TensorType.F32);

        assertThatThrownBy(() -> SentenceModelFiles.read(lstmOnly, MODEL, VOCABULARY, VOCAB))
                .isInstanceOf(MalformedModelException.class)
                .hasMessage(MODEL + ": tensor 'embedding.weight' is missing");
    }

    @Test
    void the_lstm_reader_tells_that_a_sentence_model_needs_its_vocabulary() {
        assertThatThrownBy(() -> ModelFiles.read(stateDict().bytes(), MODEL))
                .isInstanceOf(MalformedModelException.class)
                .hasMessageStartingWith(MODEL + ": is a sentence model (it holds 'embedding.weight'); load it together"
                        + " with its vocab.txt");
    }

    @Test
    void malformed_lstm_tensors_are_refused_with_the_message_a_toy_model_gets() {
        List<java.util.function.Supplier<PyTorchStateDict>> broken = List.of(
                () -> stateDict().put("lstm.weight_ih_l1", floats(4 * H * 2 * H), 4 * H, 2 * H),
                () -> stateDict().put("fc.weight", floats(C * H), C, H),
                () -> stateDict().put("lstm.bias_hh_l0_reverse", floats(3), 3),
                () -> stateDict().remove("lstm.weight_hh_l0"));
        for (var file : broken) {
            String asSentenceModel = message(() -> SentenceModelFiles.read(file.get().bytes(), MODEL, VOCABULARY, VOCAB));
            String asToyModel = message(() -> ModelFiles.read(file.get().remove("embedding.weight").bytes(), MODEL));
            assertThat(asSentenceModel).isEqualTo(asToyModel);
        }
        assertThat(message(() -> SentenceModelFiles.read(broken.get(0).get().bytes(), MODEL, VOCABULARY, VOCAB)))
                .isEqualTo(MODEL + ": tensor 'lstm.weight_hh_l1' is missing");
    }

    @Test
    void every_truncation_is_refused_with_the_container_message_a_toy_model_gets() {
        byte[] file = stateDict().bytes();
        for (int length = 0; length < file.length; length++) {
            byte[] cut = Arrays.copyOf(file, length);
            assertThat(message(() -> SentenceModelFiles.read(cut, MODEL, VOCABULARY, VOCAB)))
                    .isEqualTo(message(() -> ModelFiles.read(cut, MODEL)));
        }
    }

    @Test
    void mutated_files_give_a_model_or_a_malformed_model_exception_naming_the_file_only() {
        byte[] valid = stateDict().bytes();
        Random mutations = new Random(20190801L);
        int refused = 0;
        for (int c = 0; c < 3_000; c++) {
            byte[] b = valid.clone();
            if (mutations.nextBoolean()) {
                b = Arrays.copyOf(b, mutations.nextInt(b.length + 1));
            } else {
                for (int k = 0; k < 1 + mutations.nextInt(4); k++) {
                    b[mutations.nextInt(b.length)] = (byte) mutations.nextInt(256);
                }
            }
            try {
                SentenceModel model = SentenceModelFiles.read(b, MODEL, VOCABULARY, VOCAB);
                assertThat(model.vocabulary().size()).isEqualTo(V);
            } catch (MalformedModelException e) {
                assertThat(e.getMessage()).startsWith(MODEL + ": ");
                refused++;
            } catch (Throwable t) {
                throw new AssertionError("case " + c + " threw " + t, t);
            }
        }
        assertThat(refused).isGreaterThan(1_000);
    }

    @Test
    void a_broken_vocabulary_file_is_refused_before_the_model_is_read() throws Exception {
        Path model = dir.resolve(MODEL);
        Path vocab = dir.resolve(VOCAB);
        Files.write(model, stateDict().bytes());
        Files.writeString(vocab, "<unk>\nnot\nnot\n");

        assertThatThrownBy(() -> SentenceModelFiles.read(model, vocab))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage(vocab + ":3: duplicate token 'not' (also on line 2)");
    }

    @Test
    void an_unknown_word_without_unk_is_refused_naming_the_word() throws Exception {
        Vocabulary noUnk = Vocabulary.of(List.of("bad", "not", "very", "good", "."));
        SentenceModel model = SentenceModelFiles.read(stateDict().bytes(), MODEL, noUnk, VOCAB);

        assertThatThrownBy(() -> model.embed(List.of("not", "great")))
                .isInstanceOf(UnknownWordException.class)
                .hasMessageContaining("'great'");
    }

    private interface Read {
        Object run() throws Exception;
    }

    private static String message(Read read) {
        try {
            read.run();
            throw new AssertionError("accepted");
        } catch (MalformedModelException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError("threw " + e, e);
        }
    }
}
