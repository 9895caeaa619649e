package dev.explainunit.safetensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.model.RecurrentNetwork;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A file assembled byte by byte from the safetensors specification, the way the reference
 * writer lays it out (tensors sorted by name, metadata first, header padded with spaces), not by
 * {@link ModelFiles}: pins the little-endian, row-major reading of PyTorch's layout.
 */
class HandWrittenModelFileTest {

    @Test
    void a_file_laid_out_like_the_reference_writer_loads_with_each_element_in_place() throws Exception {
        // D = 2, H = 1, C = 2, F32, no LSTM biases: fc.bias, fc.weight, lstm.weight_hh_l0, lstm.weight_ih_l0
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"fc.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"fc.weight\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[8,16]},"
                + "\"lstm.weight_hh_l0\":{\"dtype\":\"F32\",\"shape\":[4,1],\"data_offsets\":[16,32]},"
                + "\"lstm.weight_ih_l0\":{\"dtype\":\"F32\",\"shape\":[4,2],\"data_offsets\":[32,64]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8 + 8;
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {0.5f, -0.25f, 2f, -3f, 0.1f, 0.2f, 0.3f, 0.4f,
                1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f}) {
            data.putFloat(v);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        file.writeBytes(json);
        file.writeBytes(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(data.array());

        RecurrentNetwork model = ModelFiles.read(file.toByteArray(), "hand.safetensors");

        assertThat(model.inputSize()).isEqualTo(2);
        assertThat(model.hiddenSize()).isEqualTo(1);
        assertThat(model.outputSize()).isEqualTo(2);
        assertThat(model.isBidirectional()).isFalse();
        assertThat(model.fcBias(0)).isEqualTo(0.5);
        assertThat(model.fcBias(1)).isEqualTo(-0.25);
        assertThat(model.fcWeight(0, 0)).isEqualTo(2.0);
        assertThat(model.fcWeight(1, 0)).isEqualTo(-3.0);
        // gate rows i, f, g, o of W_hh
        assertThat(model.layer(0).forward().weightHh(2, 0)).isEqualTo((double) 0.3f);
        // W_ih row-major: row 1 (f) = [3, 4], row 3 (o) = [7, 8]
        assertThat(model.layer(0).forward().weightIh(1, 0)).isEqualTo(3.0);
        assertThat(model.layer(0).forward().weightIh(1, 1)).isEqualTo(4.0);
        assertThat(model.layer(0).forward().weightIh(3, 1)).isEqualTo(8.0);
        assertThat(model.layer(0).forward().bias(0)).isZero();
    }
}
