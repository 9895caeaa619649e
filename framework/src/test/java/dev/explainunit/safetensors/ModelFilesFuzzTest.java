package dev.explainunit.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.explainunit.model.CellKind;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.RandomNetworks;
import dev.explainunit.model.RecurrentNetwork;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds random, truncated and mutated files to the reader: the only acceptable outcomes are a
 * model or a {@link MalformedModelException} naming the file; never another exception or an
 * out-of-memory error. Seeded, so a failure names the seed and the case to rerun.
 */
class ModelFilesFuzzTest {

    private static final String NAME = "fuzz.safetensors";
    private static final long SEED = 20190801L;
    private static final int CASES = 10_000;

    private final List<byte[]> valid = List.of(
            ModelFiles.toBytes(RandomNetworks.lstm(new Random(1), 2, 1, 1, false, 1), TensorType.F64),
            ModelFiles.toBytes(RandomNetworks.lstm(new Random(2), 3, 2, 2, true, 1), TensorType.F32),
            ModelFiles.toBytes(RandomNetworks.lstm(new Random(3), 1, 3, 1, true, 1), TensorType.F64),
            ModelFiles.toBytes(RandomNetworks.network(new Random(4),
                    new NetworkShape(CellKind.GRU, 2, 2, 2, 1, true, true, true), 1), TensorType.F64),
            ModelFiles.toBytes(RandomNetworks.network(new Random(5),
                    new NetworkShape(CellKind.LSTM, 3, 1, 1, 2, false, true, false), 1), TensorType.F32));

    @Test
    void random_truncated_and_mutated_bytes_give_a_model_or_a_malformed_model_exception_only() {
        Random random = new Random(SEED);
        int refused = 0;
        int accepted = 0;
        for (int c = 0; c < CASES; c++) {
            byte[] bytes = mutate(random, valid.get(random.nextInt(valid.size())));
            try {
                RecurrentNetwork model = ModelFiles.read(bytes, NAME);
                assertThat(model.hiddenSize()).isPositive();
                accepted++;
            } catch (MalformedModelException e) {
                assertThat(e.getMessage()).startsWith(NAME + ": ");
                refused++;
            } catch (Throwable t) {
                fail("case " + c + " (seed " + SEED + ") threw " + t + " on " + Arrays.toString(
                        Arrays.copyOf(bytes, Math.min(bytes.length, 400))), t);
            }
        }
        // Both outcomes must occur, or the mutations test nothing.
        assertThat(refused).isGreaterThan(CASES / 2);
        assertThat(accepted).isPositive();
    }

    @Test
    void every_truncation_of_a_valid_file_is_refused() {
        for (byte[] file : valid) {
            for (int length = 0; length < file.length; length++) {
                byte[] cut = Arrays.copyOf(file, length);
                try {
                    ModelFiles.read(cut, NAME);
                    fail("a file cut to " + length + " of " + file.length + " bytes was accepted");
                } catch (MalformedModelException e) {
                    assertThat(e.getMessage()).startsWith(NAME + ": ");
                }
            }
        }
    }

    private static byte[] mutate(Random random, byte[] original) {
        byte[] b = original.clone();
        int headerLength = (int) ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
        switch (random.nextInt(9)) {
            case 0 -> { // pure noise
                b = new byte[random.nextInt(300)];
                random.nextBytes(b);
            }
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length)); // truncation
            case 2 -> { // flip a few bits anywhere
                for (int k = random.nextInt(4); k >= 0; k--) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 3 -> { // random bytes in the header
                for (int k = random.nextInt(3); k >= 0; k--) {
                    b[8 + random.nextInt(headerLength)] = (byte) random.nextInt(256);
                }
            }
            case 4 -> { // a different header length, small or absurd
                long n = random.nextBoolean() ? random.nextInt(b.length + 16) : random.nextLong();
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, n);
            }
            case 5 -> b = mutateHeaderNumber(random, b, headerLength); // shapes and offsets off
            case 6 -> b = replaceInHeader(b, headerLength, random, // dtype and names
                    new String[] {"F64", "F32", "weight_ih", "weight_hh", "_l0", "fc.bias", "shape", "data_offsets", "_l1",
                        "gru.", "_reverse"},
                    new String[] {"F32", "F16", "weight_hh", "weight_ih", "_l1", "fc.bia", "shap", "data_offset", "_l2",
                        "lstm.", "_revers"});
            case 7 -> { // extra bytes after the data
                byte[] longer = Arrays.copyOf(b, b.length + 1 + random.nextInt(16));
                b = longer;
            }
            default -> { // non-finite values in the data
                int at = 8 + headerLength + random.nextInt(Math.max(1, b.length - 8 - headerLength - 8));
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(at, random.nextBoolean()
                        ? Double.doubleToRawLongBits(Double.NaN) : 0x7f800000_7f800000L);
            }
        }
        return b;
    }

    /** Replaces one digit run of the header by a random number, keeping the header length right. */
    private static byte[] mutateHeaderNumber(Random random, byte[] b, int headerLength) {
        String header = new String(b, 8, headerLength, StandardCharsets.UTF_8);
        int start = random.nextInt(header.length());
        while (start < header.length() && !Character.isDigit(header.charAt(start))) {
            start++;
        }
        if (start == header.length()) {
            return b;
        }
        int end = start;
        while (end < header.length() && Character.isDigit(header.charAt(end))) {
            end++;
        }
        String[] numbers = {"0", "1", "7", "8", "4294967296", "9223372036854775807", "99999999999999999999",
                "-1", "1.5", "1e3", String.valueOf(random.nextInt(10_000))};
        String changed = header.substring(0, start) + numbers[random.nextInt(numbers.length)] + header.substring(end);
        return withHeader(b, headerLength, changed);
    }

    private static byte[] replaceInHeader(byte[] b, int headerLength, Random random, String[] from, String[] to) {
        String header = new String(b, 8, headerLength, StandardCharsets.UTF_8);
        int k = random.nextInt(from.length);
        return withHeader(b, headerLength, header.replaceFirst(java.util.regex.Pattern.quote(from[k]), to[k]));
    }

    private static byte[] withHeader(byte[] b, int headerLength, String header) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + b.length - 8 - headerLength).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json).put(b, 8 + headerLength, b.length - 8 - headerLength);
        return out.array();
    }
}
