package dev.explainunit.safetensors;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A safetensors file assembled the way {@code safetensors.torch.save_file(model.state_dict())}
 * lays it out (F32, tensors sorted by name, metadata first, header padded with spaces), from raw
 * arrays and without {@link SafetensorsFormat}.
 */
final class PyTorchStateDict {

    private record Entry(int[] shape, float[] values) {
    }

    private final Map<String, Entry> tensors = new TreeMap<>();

    PyTorchStateDict put(String name, float[] values, int... shape) {
        tensors.put(name, new Entry(shape, values));
        return this;
    }

    PyTorchStateDict remove(String name) {
        tensors.remove(name);
        return this;
    }

    byte[] bytes() {
        StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (Map.Entry<String, Entry> e : tensors.entrySet()) {
            long end = offset + 4L * e.getValue().values().length;
            StringBuilder shape = new StringBuilder();
            for (int d : e.getValue().shape()) {
                shape.append(shape.length() == 0 ? "" : ",").append(d);
            }
            header.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":[").append(shape)
                    .append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        header.append('}');
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer data = ByteBuffer.allocate((int) offset).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry e : tensors.values()) {
            for (float v : e.values()) {
                data.putFloat(v);
            }
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        file.writeBytes(json);
        file.writeBytes(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(data.array());
        return file.toByteArray();
    }
}
