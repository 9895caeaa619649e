package dev.explainunit.safetensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.RandomNetworks;
import dev.explainunit.model.RecurrentNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelFilesRoundTripTest {

    @TempDir
    Path dir;

    static List<NetworkShape> shapes() {
        return List.of(NetworkShape.lstm(2, 1, 1, false), NetworkShape.lstm(3, 4, 2, false), NetworkShape.lstm(1, 2, 3, true),
                NetworkShape.lstm(5, 3, 1, true), NetworkShape.lstm(2, 3, 2, true).withLayers(3),
                new NetworkShape(CellKind.GRU, 1, 2, 3, 2, false, true, true),
                new NetworkShape(CellKind.GRU, 2, 3, 2, 1, true, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void f64_round_trip_preserves_every_weight_bit_for_bit(NetworkShape shape) throws Exception {
        RecurrentNetwork model = RandomNetworks.network(shape, shape.seed(), 2);
        Path file = dir.resolve("m.safetensors");
        ModelFiles.write(model, file);
        RecurrentNetwork back = ModelFiles.read(file);

        assertSameWeights(back, model);
        assertThat(back.cellKind()).isEqualTo(shape.kind());
        assertThat(back.layerCount()).isEqualTo(shape.layers());
        assertThat(back.hasFcBias()).isEqualTo(shape.fcBias());
        Sequence x = RandomNetworks.sequence(new Random(7), 6, shape.inputs());
        assertThat(back.predict(x)).containsExactly(model.predict(x));
    }

    @Test
    void f32_round_trip_rounds_each_weight_to_float() throws Exception {
        RecurrentNetwork model = RandomNetworks.lstm(new Random(3), 2, 3, 2, true, 1);
        Path file = dir.resolve("m32.safetensors");
        ModelFiles.write(model, file, TensorType.F32);
        RecurrentNetwork back = ModelFiles.read(file);

        assertThat(Files.size(file)).isLessThan(ModelFiles.toBytes(model, TensorType.F64).length);
        assertThat(back.layer(0).forward().weightIh().data).containsExactly(
                floatRounded(model.layer(0).forward().weightIh().data));
        assertThat(back.layer(0).reverse().biasHh().data).containsExactly(
                floatRounded(model.layer(0).reverse().biasHh().data));
        assertThat(back.fcWeight().data).containsExactly(floatRounded(model.fcWeight().data));
    }

    @Test
    void absent_output_bias_stays_absent_and_absent_lstm_biases_read_as_zeros() throws Exception {
        Random random = new Random(11);
        DirectionWeights noBias = DirectionWeights.lstm(RandomNetworks.matrix(random, 4, 2, 1),
                RandomNetworks.matrix(random, 4, 1, 1), null, null);
        RecurrentNetwork model = RecurrentNetwork.singleLayer(noBias, null, RandomNetworks.matrix(random, 1, 1, 1), null);
        byte[] bytes = ModelFiles.toBytes(model, TensorType.F64);
        RecurrentNetwork back = ModelFiles.read(bytes, "toy");

        assertThat(back.hasFcBias()).isFalse();
        assertThat(back.parameterCount()).isEqualTo(model.parameterCount());
        assertThat(back.layer(0).forward().biasIh().data).containsOnly(0.0);
    }

    @Test
    void writing_replaces_an_existing_file_and_leaves_no_temporary_file() throws Exception {
        Path file = dir.resolve("replace.safetensors");
        Files.writeString(file, "old content");
        RecurrentNetwork model = RandomNetworks.lstm(new Random(5), 2, 1, 1, false, 1);
        ModelFiles.write(model, file);

        assertSameWeights(ModelFiles.read(file), model);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void written_header_is_padded_to_eight_bytes_and_uses_pytorch_names() throws Exception {
        RecurrentNetwork model = RandomNetworks.lstm(new Random(9), 2, 1, 1, true, 1);
        byte[] bytes = ModelFiles.toBytes(model, TensorType.F64);
        long n = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) n, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(n % 8).isZero();
        assertThat(header).contains("\"lstm.weight_ih_l0\"", "\"lstm.weight_hh_l0\"", "\"lstm.bias_ih_l0\"",
                "\"lstm.bias_hh_l0\"", "\"lstm.weight_ih_l0_reverse\"", "\"fc.weight\"", "\"fc.bias\"",
                "\"dtype\":\"F64\"", "\"shape\":[4,2]");

        RecurrentNetwork gru = RandomNetworks.network(new NetworkShape(CellKind.GRU, 2, 2, 3, 1, true, true, false),
                9, 1);
        byte[] gruBytes = ModelFiles.toBytes(gru, TensorType.F64);
        long m = java.nio.ByteBuffer.wrap(gruBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        String gruHeader = new String(gruBytes, 8, (int) m, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(gruHeader).contains("\"gru.weight_ih_l0\"", "\"gru.weight_hh_l1_reverse\"",
                "\"gru.bias_hh_l1\"", "\"shape\":[9,6]").doesNotContain("lstm.", "fc.bias");
    }

    static double[] floatRounded(double[] values) {
        double[] out = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (float) values[k];
        }
        return out;
    }

    static void assertSameWeights(RecurrentNetwork actual, RecurrentNetwork expected) {
        assertThat(actual.isBidirectional()).isEqualTo(expected.isBidirectional());
        assertThat(actual.layerCount()).isEqualTo(expected.layerCount());
        for (int k = 0; k < expected.layerCount(); k++) {
            assertDirection(actual.layer(k).forward(), expected.layer(k).forward());
            if (expected.isBidirectional()) {
                assertDirection(actual.layer(k).reverse(), expected.layer(k).reverse());
            }
        }
        assertThat(actual.fcWeight().data).containsExactly(expected.fcWeight().data);
        DMatrixRMaj bias = expected.fcBias();
        if (bias != null) {
            assertThat(actual.fcBias().data).containsExactly(bias.data);
        }
    }

    private static void assertDirection(DirectionWeights actual, DirectionWeights expected) {
        assertThat(actual.kind()).isEqualTo(expected.kind());
        assertThat(actual.weightIh().data).containsExactly(expected.weightIh().data);
        assertThat(actual.weightHh().data).containsExactly(expected.weightHh().data);
        assertThat(actual.biasIh().data).containsExactly(expected.biasIh().data);
        assertThat(actual.biasHh().data).containsExactly(expected.biasHh().data);
    }
}
