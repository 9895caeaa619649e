package dev.explainunit.safetensors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decoding and encoding of the safetensors container
 * (<a href="https://github.com/huggingface/safetensors">huggingface/safetensors</a>):
 *
 * <pre>
 *   [8 bytes: N, unsigned little-endian] [N bytes: UTF-8 JSON header] [data]
 *   header = { "name": {"dtype": "F64", "shape": [r, c], "data_offsets": [begin, end]}, ...,
 *              "__metadata__": {"key": "value"} }
 * </pre>
 *
 * Offsets are relative to the start of the data. The tensors must cover the data exactly: no
 * overlap, no gap, nothing after the last one. Every check here turns a defect into a
 * {@link MalformedModelException} before any buffer is sized from an unchecked number.
 */
final class SafetensorsFormat {

    /** Largest header accepted, as in the reference implementation. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    static final String METADATA = "__metadata__";

    /** dtypes of the safetensors specification that ExplainUnit does not read. */
    private static final Set<String> OTHER_DTYPES = Set.of("BOOL", "U8", "I8", "I16", "U16", "I32", "U32", "I64",
            "U64", "F16", "BF16", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2", "C64");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SafetensorsFormat() {
    }

    /**
     * Checks the declared header length N of a file of {@code fileSize} bytes whose first eight
     * bytes are {@code prefix}; called before the rest of the file is read.
     *
     * @return N
     */
    static int headerLength(String file, byte[] prefix, long fileSize) throws MalformedModelException {
        if (fileSize < 8) {
            throw new MalformedModelException(file, "not a safetensors file: only " + fileSize
                    + " bytes, fewer than the 8-byte header length a safetensors file starts with");
        }
        long n = ByteBuffer.wrap(prefix, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 0 || n > MAX_HEADER_BYTES) {
            // A text file, a JSON file or a torch.save archive lands here: say what it is instead.
            throw new MalformedModelException(file, "not a safetensors file: it starts with "
                    + FileStart.describe(Arrays.copyOf(prefix, 8)) + ", not with a header length (read as one: "
                    + Long.toUnsignedString(n) + " bytes, above the limit of " + MAX_HEADER_BYTES + ")");
        }
        if (n > fileSize - 8) {
            throw new MalformedModelException(file, "declared header length " + n + " exceeds the "
                    + (fileSize - 8) + " bytes after the length field");
        }
        if (n < 2) {
            throw new MalformedModelException(file, "declared header length " + n
                    + " is too short for a JSON object");
        }
        return (int) n;
    }

    /** Decodes every tensor of {@code bytes}, in header order. */
    static Map<String, Tensor> decode(byte[] bytes, String file) throws MalformedModelException {
        int n = headerLength(file, bytes, bytes.length);
        int dataStart = 8 + n;
        long dataLength = bytes.length - (long) dataStart;
        JsonNode header = parseHeader(bytes, n, file);

        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            if (field.getKey().equals(METADATA)) {
                requireMetadata(field.getValue(), file);
            } else {
                entries.add(entry(field.getKey(), field.getValue(), dataLength, file));
            }
        }
        requireExactCover(entries, dataLength, file);

        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            double[] values = new double[Math.toIntExact(e.elements)];
            int at = dataStart + (int) e.begin;
            for (int k = 0; k < values.length; k++) {
                values[k] = e.type == TensorType.F64
                        ? data.getDouble(at + 8 * k)
                        : data.getFloat(at + 4 * k);
            }
            tensors.put(e.name, new Tensor(e.name, e.type, e.shape, values));
        }
        return tensors;
    }

    private static JsonNode parseHeader(byte[] bytes, int n, String file) throws MalformedModelException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 8, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedModelException(file, "header is not valid UTF-8");
        }
        if (!text.startsWith("{")) {
            throw new MalformedModelException(file, "header does not start with '{'");
        }
        JsonNode header;
        try {
            header = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new MalformedModelException(file, "header is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (header == null || !header.isObject()) {
            throw new MalformedModelException(file, "header is not a JSON object");
        }
        return header;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static void requireMetadata(JsonNode metadata, String file) throws MalformedModelException {
        if (!metadata.isObject()) {
            throw new MalformedModelException(file, METADATA + " is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : metadata.properties()) {
            if (!field.getValue().isTextual()) {
                throw new MalformedModelException(file, METADATA + " entry '" + clip(field.getKey())
                        + "' is not a string");
            }
        }
    }

    /** A validated header entry. */
    private record Entry(String name, TensorType type, int[] shape, long elements, long begin, long end) {
    }

    private static Entry entry(String name, JsonNode node, long dataLength, String file)
            throws MalformedModelException {
        String culprit = "tensor '" + clip(name) + "'";
        if (!node.isObject()) {
            throw new MalformedModelException(file, culprit + " is not described by a JSON object");
        }
        JsonNode dtype = node.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw new MalformedModelException(file, culprit + " has no dtype string");
        }
        TensorType type = type(dtype.asText(), culprit, file);

        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw new MalformedModelException(file, culprit + " has no shape array");
        }
        int[] shape = new int[shapeNode.size()];
        long elements = 1;
        for (int k = 0; k < shape.length; k++) {
            JsonNode dim = shapeNode.get(k);
            if (!dim.isIntegralNumber() || !dim.canConvertToInt() || dim.asInt() < 0) {
                throw new MalformedModelException(file, culprit + " has an invalid shape " + clip(shapeNode.toString())
                        + "; dimensions are non-negative integers");
            }
            shape[k] = dim.asInt();
            // Bounded by the data length below; cap early so the product cannot overflow.
            elements = Math.min(elements * shape[k], Long.MAX_VALUE / Integer.MAX_VALUE);
        }

        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2
                || !isOffset(offsets.get(0)) || !isOffset(offsets.get(1))) {
            throw new MalformedModelException(file, culprit + " has invalid data_offsets "
                    + (offsets == null ? "(missing)" : clip(offsets.toString())) + "; expected [begin, end]");
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin > end) {
            throw new MalformedModelException(file, culprit + " has data_offsets [" + begin + ", " + end
                    + "] with begin after end");
        }
        if (end > dataLength) {
            throw new MalformedModelException(file, culprit + " has data_offsets [" + begin + ", " + end
                    + "] beyond the " + dataLength + " data bytes");
        }
        long expected = elements * type.bytes();
        if (end - begin != expected) {
            throw new MalformedModelException(file, culprit + " has shape " + Arrays.toString(shape) + " of "
                    + type + " (" + expected + " bytes) but data_offsets [" + begin + ", " + end + "] span "
                    + (end - begin) + " bytes");
        }
        return new Entry(name, type, shape, elements, begin, end);
    }

    private static boolean isOffset(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0;
    }

    private static TensorType type(String dtype, String culprit, String file) throws MalformedModelException {
        for (TensorType t : TensorType.values()) {
            if (t.name().equals(dtype)) {
                return t;
            }
        }
        if (OTHER_DTYPES.contains(dtype)) {
            throw new MalformedModelException(file, culprit + " has dtype " + dtype + "; ExplainUnit reads F32 and F64");
        }
        throw new MalformedModelException(file, culprit + " has unknown dtype '" + clip(dtype) + "'");
    }

    /** The tensors must tile the data: sorted by offset, each starts where the previous ended. */
    private static void requireExactCover(List<Entry> entries, long dataLength, String file)
            throws MalformedModelException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        String previous = null;
        for (Entry e : sorted) {
            if (e.begin < covered) {
                throw new MalformedModelException(file, "tensor '" + clip(e.name) + "' [" + e.begin + ", " + e.end
                        + "] overlaps tensor '" + clip(previous) + "' ending at " + covered);
            }
            if (e.begin > covered) {
                throw new MalformedModelException(file, "data bytes [" + covered + ", " + e.begin
                        + ") belong to no tensor (missing byte range before tensor '" + clip(e.name) + "')");
            }
            covered = e.end;
            previous = e.name;
        }
        if (covered != dataLength) {
            throw new MalformedModelException(file, "data bytes [" + covered + ", " + dataLength
                    + ") belong to no tensor (the tensors cover " + covered + " of " + dataLength + " bytes)");
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /**
     * Encodes tensors (name, shape, values) in the given order; the header is padded with spaces
     * to a multiple of 8 bytes so that the data is aligned, as the reference writer does.
     */
    static byte[] encode(List<Tensor> tensors, TensorType type, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Tensor t : tensors) {
            ObjectNode node = header.putObject(t.name());
            node.put("dtype", type.name());
            var shape = node.putArray("shape");
            for (int dim : t.shape()) {
                shape.add(dim);
            }
            long end = offset + (long) t.values().length * type.bytes();
            node.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int k = json.length; k < padded; k++) {
            out.put((byte) ' ');
        }
        for (Tensor t : tensors) {
            for (double v : t.values()) {
                if (type == TensorType.F64) {
                    out.putDouble(v);
                } else {
                    out.putFloat((float) v);
                }
            }
        }
        return out.array();
    }
}
