package dev.explainunit.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.model.RandomNetworks;
import dev.explainunit.model.RecurrentNetwork;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every defect the design lists is refused with a message naming the file and the defect. */
class MalformedModelFilesTest {

    private static final String NAME = "broken.safetensors";

    @TempDir
    Path dir;

    @Test
    void a_file_shorter_than_the_length_field_is_refused() {
        assertRefused(new byte[5], "only 5 bytes");
    }

    @Test
    void a_header_length_beyond_the_file_is_refused() {
        assertRefused(withLength(1000, "{}".getBytes(StandardCharsets.UTF_8)), "header length 1000 exceeds the 2 bytes");
    }

    @Test
    void a_header_length_over_100_mb_is_refused_before_reading_the_file() throws Exception {
        Path file = dir.resolve("huge-header.safetensors");
        Files.write(file, withLength(200L * 1024 * 1024, new byte[16]));
        assertThatThrownBy(() -> ModelFiles.read(file))
                .isInstanceOf(MalformedModelException.class)
                .hasMessageStartingWith(file.toString() + ": ")
                .hasMessageContaining("read as one: 209715200 bytes, above the limit of 104857600");
    }

    @Test
    void a_header_length_with_the_sign_bit_set_is_refused_as_too_large() {
        assertRefused(withLength(-8, new byte[8]), "read as one: 18446744073709551608 bytes, above the limit");
    }

    @Test
    void a_json_file_is_refused_as_not_a_safetensors_file_showing_how_it_starts() throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"tokens\": [\"not\", \"good\"], \"label\": 1}\n");
        assertThatThrownBy(() -> ModelFiles.read(file))
                .isInstanceOf(MalformedModelException.class)
                .hasMessage(file + ": not a safetensors file: it starts with the text '{\"tokens', not with a"
                        + " header length (read as one: 8317697073905672827 bytes, above the limit of 104857600)");
    }

    @Test
    void a_text_file_and_a_zip_archive_are_refused_as_not_safetensors_files() {
        assertRefused("weights\n1.0 2.0\n".getBytes(StandardCharsets.US_ASCII),
                "not a safetensors file: it starts with the text 'weights\\n', not with a header length");
        assertRefused(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0},
                "not a safetensors file: it starts with the bytes 50 4b 03 04 14 00 00 00 (a zip archive,"
                        + " as torch.save writes)");
        assertRefused(new byte[5], "not a safetensors file: only 5 bytes");
    }

    @Test
    void a_header_that_is_not_json_is_refused() {
        assertRefused(file("{\"fc.weight\": {\"dtype\": ", new byte[0]), "header is not valid JSON");
    }

    @Test
    void a_header_that_is_not_utf8_is_refused() {
        assertRefused(withLength(4, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'}), "not valid UTF-8");
    }

    @Test
    void a_header_with_a_duplicate_tensor_name_is_refused() {
        String entry = "{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}";
        assertRefused(file("{\"fc.bias\":" + entry + ",\"fc.bias\":" + entry + "}", new byte[8]),
                "not valid JSON", "Duplicate field 'fc.bias'");
    }

    @Test
    void overlapping_byte_ranges_are_refused() {
        Model m = Model.toy();
        m.offsets.put("fc.weight", new long[] {0, 8});
        assertRefused(m.bytes(), "overlaps");
    }

    @Test
    void a_gap_between_byte_ranges_is_refused() {
        Model m = Model.toy();
        m.extraData = 8;
        m.offsets.put("fc.weight", new long[] {136, 144});
        assertRefused(m.bytes(), "belong to no tensor (missing byte range before tensor 'fc.weight')");
    }

    @Test
    void bytes_after_the_last_tensor_are_refused() {
        Model m = Model.toy();
        m.extraData = 16;
        assertRefused(m.bytes(), "belong to no tensor (the tensors cover");
    }

    @Test
    void a_byte_range_beyond_the_data_is_refused() {
        Model m = Model.toy();
        m.offsets.put("fc.weight", new long[] {928, 936});
        assertRefused(m.bytes(), "tensor 'fc.weight' has data_offsets", "beyond the");
    }

    @Test
    void a_byte_range_that_does_not_match_the_shape_is_refused() {
        Model m = Model.toy();
        m.shapes.put("fc.weight", new int[] {1, 2});
        assertRefused(m.bytes(), "tensor 'fc.weight' has shape [1, 2] of F64 (16 bytes) but data_offsets");
    }

    @Test
    void an_unknown_dtype_is_refused() {
        assertRefused(file("{\"fc.weight\":{\"dtype\":\"F65\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'fc.weight' has unknown dtype 'F65'");
    }

    @Test
    void a_known_dtype_other_than_f32_or_f64_is_refused() {
        assertRefused(file("{\"fc.weight\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'fc.weight' has dtype F16; ExplainUnit reads F32 and F64");
    }

    @Test
    void a_negative_or_fractional_dimension_is_refused() {
        assertRefused(file("{\"fc.weight\":{\"dtype\":\"F64\",\"shape\":[-1],\"data_offsets\":[0,8]}}", new byte[8]),
                "invalid shape [-1]");
        assertRefused(file("{\"fc.weight\":{\"dtype\":\"F64\",\"shape\":[1.0],\"data_offsets\":[0,8]}}", new byte[8]),
                "invalid shape [1.0]");
    }

    @Test
    void a_missing_tensor_is_refused() {
        Model m = Model.toy();
        m.remove("fc.weight");
        assertRefused(m.bytes(), "tensor 'fc.weight' is missing");
        Model n = Model.toy();
        n.remove("lstm.weight_hh_l0");
        assertRefused(n.bytes(), "tensor 'lstm.weight_hh_l0' is missing");
    }

    @Test
    void a_half_present_reverse_direction_is_refused() {
        Model m = Model.toy();
        m.add("lstm.bias_ih_l0_reverse", new int[] {4});
        assertRefused(m.bytes(), "tensor 'lstm.weight_ih_l0_reverse' is missing");
    }

    @Test
    void a_gap_between_layers_is_refused_naming_a_tensor_of_the_layer_above_and_the_missing_one() {
        Model m = Model.toy();
        m.addLayer("lstm", 2, 4, 1, 1, "");
        assertRefused(m.bytes(), "tensor 'lstm.weight_ih_l2' belongs to layer 2 but layer 1 is missing (tensor"
                + " 'lstm.weight_ih_l1')");
    }

    @Test
    void a_layer_of_another_cell_kind_is_refused_naming_its_tensor() {
        Model m = Model.toy();
        m.addLayer("lstm", 1, 3, 1, 1, "");
        assertRefused(m.bytes(), "tensor 'lstm.weight_hh_l1' has shape [3, 1], the shape of GRU cells in a model of"
                + " LSTM cells; the layers of a model are of one kind");
        Model gru = Model.toy("gru", 3, 1);
        gru.addLayer("gru", 1, 4, 1, 1, "");
        assertRefused(gru.bytes(), "tensor 'gru.weight_hh_l1' has shape [4, 1], the shape of LSTM cells in a model of GRU cells");
    }

    @Test
    void a_layer_of_another_size_is_refused_naming_its_tensor() {
        Model m = Model.toy();
        m.addLayer("lstm", 1, 8, 2, 1, "");
        assertRefused(m.bytes(), "tensor 'lstm.weight_hh_l1' has shape [8, 2], expected [4, 1]");
        Model reads = Model.toy();
        reads.addLayer("lstm", 1, 4, 1, 3, "");
        assertRefused(reads.bytes(), "tensor 'lstm.weight_ih_l1' has shape [4, 3], expected [4, 1]");
    }

    @Test
    void a_missing_reverse_half_of_a_layer_is_refused_naming_the_tensor() {
        Model m = new Model();
        m.addLayer("lstm", 0, 4, 1, 1, "");
        m.addLayer("lstm", 0, 4, 1, 1, "_reverse");
        m.addLayer("lstm", 1, 4, 1, 2, "");
        m.add("fc.weight", new int[] {1, 2});
        assertRefused(m.bytes(), "tensor 'lstm.weight_ih_l1_reverse' is missing (the model is bidirectional:"
                + " every layer needs its reverse direction)");
    }

    @Test
    void an_incomplete_second_layer_is_refused_naming_the_missing_tensor() {
        Model m = Model.toy();
        m.add("lstm.weight_ih_l1", new int[] {4, 1});
        assertRefused(m.bytes(), "tensor 'lstm.weight_hh_l1' is missing");
        Model biasOnly = Model.toy();
        biasOnly.add("lstm.bias_hh_l1", new int[] {4});
        assertRefused(biasOnly.bytes(), "tensor 'lstm.weight_ih_l1' is missing");
    }

    @Test
    void two_recurrent_members_are_refused_naming_both() {
        Model m = Model.toy();
        m.add("gru.weight_ih_l0", new int[] {3, 1});
        assertRefused(m.bytes(), "holds tensors of two recurrent members, 'lstm.' and 'gru.' (tensor"
                + " 'gru.weight_ih_l0'); a model has one");
    }

    @Test
    void a_recurrent_weight_of_no_cells_shape_is_refused_naming_it() {
        Model m = Model.toy("rnn", 5, 1);
        assertRefused(m.bytes(), "tensor 'rnn.weight_hh_l0' has shape [5, 1], expected [4H, H] (an LSTM) or [3H, H]"
                + " (a GRU) with H >= 1");
    }

    @Test
    void a_file_without_a_recurrent_member_is_refused() {
        Model m = new Model();
        m.add("fc.weight", new int[] {1, 1});
        assertRefused(m.bytes(), "tensor 'lstm.weight_hh_l0' is missing (nor is there a 'gru.' or 'rnn.' member)");
    }

    @Test
    void stacked_bidirectional_grus_and_lstms_under_each_member_name_are_read() throws Exception {
        for (String member : new String[] {"lstm", "gru", "rnn"}) {
            int gates = member.equals("lstm") ? 4 : 3;
            Model m = new Model();
            for (int k = 0; k < 3; k++) {
                for (String suffix : new String[] {"", "_reverse"}) {
                    m.addLayer(member, k, gates * 2, 2, k == 0 ? 3 : 4, suffix);
                }
            }
            m.add("fc.weight", new int[] {2, 4});
            RecurrentNetwork model = ModelFiles.read(m.bytes(), NAME);
            assertThat(model.cellKind().gates()).as(member).isEqualTo(gates);
            assertThat(model.layerCount()).isEqualTo(3);
            assertThat(model.isBidirectional()).isTrue();
            assertThat(model.inputSize()).isEqualTo(3);
            assertThat(model.hiddenSize()).isEqualTo(2);
            assertThat(model.layer(2).inputSize()).isEqualTo(4);
        }
    }

    @Test
    void an_unrelated_tensor_is_refused() {
        Model m = Model.toy();
        m.add("decoder.weight", new int[] {3, 2});
        assertRefused(m.bytes(), "unexpected tensor 'decoder.weight'");
    }

    @Test
    void an_embedding_is_refused_as_a_sentence_model_that_needs_its_vocabulary() {
        Model m = Model.toy();
        m.add("embedding.weight", new int[] {3, 2});
        assertRefused(m.bytes(), "is a sentence model (it holds 'embedding.weight'); load it together with its"
                + " vocab.txt (SentenceModelFiles.read(model, vocab))");
    }

    @Test
    void wrong_shapes_are_refused_naming_the_tensor_and_the_expected_shape() {
        Model hh = Model.toy();
        hh.shapes.put("lstm.weight_hh_l0", new int[] {1, 4});
        assertRefused(hh.bytes(), "tensor 'lstm.weight_hh_l0' has shape [1, 4], expected [4H, H]");
        Model ih = Model.toy();
        ih.shapes.put("lstm.weight_ih_l0", new int[] {2, 2});
        assertRefused(ih.bytes(), "tensor 'lstm.weight_ih_l0' has shape [2, 2], expected [4, D]");
        Model bias = Model.toy();
        bias.shapes.put("lstm.bias_hh_l0", new int[] {2, 2});
        assertRefused(bias.bytes(), "tensor 'lstm.bias_hh_l0' has shape [2, 2], expected [4]");
        Model fc = Model.toy();
        fc.shapes.put("fc.weight", new int[] {1});
        assertRefused(fc.bytes(), "tensor 'fc.weight' has shape [1], expected [C, 1]");
    }

    @Test
    void non_finite_weights_are_refused_in_f64_and_f32() {
        RecurrentNetwork model = RandomNetworks.lstm(new Random(1), 2, 1, 1, false, 1);
        for (TensorType type : TensorType.values()) {
            byte[] bytes = ModelFiles.toBytes(model, type);
            int dataStart = 8 + (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            // element 3 of lstm.weight_ih_l0 (4 x 2): row 1, column 1
            if (type == TensorType.F64) {
                data.putDouble(dataStart + 3 * 8, Double.NaN);
            } else {
                data.putFloat(dataStart + 3 * 4, Float.POSITIVE_INFINITY);
            }
            assertRefused(bytes, "tensor 'lstm.weight_ih_l0' holds a non-finite value");
        }
    }

    @Test
    void metadata_must_map_strings_to_strings() {
        assertRefused(file("{\"__metadata__\":{\"format\":1}}", new byte[0]), "__metadata__ entry 'format' is not a string");
    }

    @Test
    void a_missing_file_is_an_io_error_naming_the_file() {
        Path file = dir.resolve("absent.safetensors");
        assertThatThrownBy(() -> ModelFiles.read(file)).isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("absent.safetensors");
    }

    private static void assertRefused(byte[] bytes, String... defects) {
        assertThatThrownBy(() -> ModelFiles.read(bytes, NAME))
                .isInstanceOf(MalformedModelException.class)
                .hasMessageStartingWith(NAME + ": ")
                .hasMessageContainingAll(defects);
    }

    static byte[] withLength(long n, byte[] rest) {
        ByteBuffer b = ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(n).put(rest);
        return b.array();
    }

    static byte[] file(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(withLength(json.length, json));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A hand-written F64 model file (D = 1, H = 1, C = 1) whose header can be damaged entry by entry. */
    private static final class Model {
        final Map<String, int[]> shapes = new LinkedHashMap<>();
        final Map<String, long[]> offsets = new LinkedHashMap<>();
        int extraData;

        static Model toy() {
            return toy("lstm", 4, 1);
        }

        /** Layer 0 of {@code member} with a recurrent weight of {@code rows} x 1 and fc.weight 1 x 1. */
        static Model toy(String member, int rows, int inputs) {
            Model m = new Model();
            m.add(member + ".weight_ih_l0", new int[] {rows, inputs});
            m.add(member + ".weight_hh_l0", new int[] {rows, 1});
            m.add(member + ".bias_ih_l0", new int[] {rows});
            m.add(member + ".bias_hh_l0", new int[] {rows});
            m.add("fc.weight", new int[] {1, 1});
            return m;
        }

        /** The four tensors of layer {@code k}'s direction ({@code suffix} "" or "_reverse"): GH x D, GH x H, GH, GH. */
        void addLayer(String member, int k, int rows, int hidden, int inputs, String suffix) {
            add(member + ".weight_ih_l" + k + suffix, new int[] {rows, inputs});
            add(member + ".weight_hh_l" + k + suffix, new int[] {rows, hidden});
            add(member + ".bias_ih_l" + k + suffix, new int[] {rows});
            add(member + ".bias_hh_l" + k + suffix, new int[] {rows});
        }

        long end() {
            return offsets.values().stream().mapToLong(o -> o[1]).max().orElse(0);
        }

        void add(String name, int[] shape) {
            long elements = 1;
            for (int d : shape) {
                elements *= d;
            }
            long begin = end();
            shapes.put(name, shape);
            offsets.put(name, new long[] {begin, begin + 8 * elements});
        }

        void remove(String name) {
            long[] gone = offsets.remove(name);
            shapes.remove(name);
            long size = gone[1] - gone[0];
            for (long[] o : offsets.values()) {
                if (o[0] >= gone[1]) {
                    o[0] -= size;
                    o[1] -= size;
                }
            }
        }

        byte[] bytes() {
            StringBuilder json = new StringBuilder("{");
            for (String name : shapes.keySet()) {
                if (json.length() > 1) {
                    json.append(',');
                }
                int[] s = shapes.get(name);
                long[] o = offsets.get(name);
                json.append('"').append(name).append("\":{\"dtype\":\"F64\",\"shape\":")
                        .append(java.util.Arrays.toString(s).replace(" ", ""))
                        .append(",\"data_offsets\":[").append(o[0]).append(',').append(o[1]).append("]}");
            }
            json.append('}');
            long dataBytes = offsets.values().stream().mapToLong(o -> o[1] - o[0]).sum() + extraData;
            byte[] data = new byte[(int) dataBytes];
            ByteBuffer values = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k + 8 <= data.length; k += 8) {
                values.putDouble(k, 0.25);
            }
            return file(json.toString(), data);
        }
    }
}
