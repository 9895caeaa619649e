package dev.explainunit.safetensors;

import dev.explainunit.internal.ReadableFiles;
import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.model.RecurrentNetwork;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Reads and writes {@link RecurrentNetwork}s as safetensors files with PyTorch's names, so that
 * {@code save_file(model.state_dict(), "m.safetensors")} of a module with an {@code nn.LSTM} or
 * {@code nn.GRU} member named {@code lstm}, {@code gru} or {@code rnn} (any {@code num_layers},
 * uni- or bidirectional) and an {@code nn.Linear} member {@code fc} loads as is:
 *
 * <pre>
 *   lstm.weight_ih_l{k}  GH x D (layer 0) or GH x F (k &gt; 0; F = H, 2H bidirectional)
 *   lstm.weight_hh_l{k}  GH x H          G = 4 (LSTM: i, f, g, o) or 3 (GRU: r, z, n)
 *   lstm.bias_ih_l{k}, lstm.bias_hh_l{k}   GH, absent = zeros
 *   lstm.*_l{k}_reverse  the same four for the reverse direction (bidirectional)
 *   fc.weight            C x F           fc.bias  C, optional
 * </pre>
 *
 * The cell kind comes from {@code weight_hh_l0}'s shape. Elements may be F32 or F64; arithmetic is in
 * double. Anything else (other tensors, a gap between layers, mixed cells, a missing reverse half,
 * wrong shapes, non-finite weights, a broken container) is refused with a
 * {@link MalformedModelException} naming the file, the tensor and the defect. A file that also holds
 * {@code embedding.weight} is a sentence model, read with its vocabulary by
 * {@link SentenceModelFiles}, which shares this parser and these checks.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelFiles {

    /** Tensor names of a single-layer LSTM's first layer and of the output layer. */
    public static final String WEIGHT_IH = "lstm.weight_ih_l0", WEIGHT_HH = "lstm.weight_hh_l0",
            FC_WEIGHT = RecurrentTensors.FC_WEIGHT, FC_BIAS = RecurrentTensors.FC_BIAS;

    private ModelFiles() {
    }

    /**
     * Reads a model file. The declared header length is checked against the file size and the
     * 100 MB limit before the file is read.
     *
     * @throws MalformedModelException if the file is not a valid model, naming the file and the defect
     * @throws IOException             if the file cannot be read
     */
    public static RecurrentNetwork read(Path path) throws IOException {
        return read(readBytes(path), path.toString());
    }

    /**
     * The bytes of a safetensors file, its declared header length checked against the file size
     * and the 100 MB limit before the file is read; shared by every kind of model file.
     */
    static byte[] readBytes(Path path) throws IOException {
        String file = path.toString();
        ReadableFiles.require(path, "model file", "*.safetensors");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer prefix = ByteBuffer.allocate(8);
            while (prefix.hasRemaining() && channel.read(prefix) >= 0) {
                // read until 8 bytes or end of file
            }
            SafetensorsFormat.headerLength(file, prefix.array(), size);
            if (size > Integer.MAX_VALUE - 8) {
                throw new MalformedModelException(file, "file of " + size + " bytes is too large for a model");
            }
            ByteBuffer all = ByteBuffer.allocate((int) size);
            channel.position(0);
            while (all.hasRemaining() && channel.read(all) >= 0) {
                // read the whole file
            }
            if (all.hasRemaining()) {
                throw new MalformedModelException(file, "file shrank while being read");
            }
            return all.array();
        }
    }

    /**
     * Reads a model from the bytes of a safetensors file.
     *
     * @param name the file or resource name used in error messages
     * @throws MalformedModelException if the bytes are not a valid model, naming {@code name} and the defect
     */
    public static RecurrentNetwork read(byte[] bytes, String name) throws MalformedModelException {
        Map<String, Tensor> tensors = SafetensorsFormat.decode(bytes, name);
        if (tensors.containsKey(SentenceModelFiles.EMBEDDING)) {
            throw new MalformedModelException(name, "is a sentence model (it holds '" + SentenceModelFiles.EMBEDDING
                    + "'); load it together with its vocab.txt (SentenceModelFiles.read(model, vocab))");
        }
        return RecurrentTensors.network(tensors, name, List.of());
    }

    /** Writes {@code model} to {@code path} in F64, atomically (temporary file, then move). */
    public static void write(RecurrentNetwork model, Path path) throws IOException {
        write(model, path, TensorType.F64);
    }

    /**
     * Writes {@code model} to {@code path} with elements of {@code type}, atomically: the bytes go
     * to a temporary file in the same directory, which then replaces {@code path}, so readers
     * never see a half-written model.
     *
     * @throws IllegalArgumentException if a weight does not fit in F32
     */
    public static void write(RecurrentNetwork model, Path path, TensorType type) throws IOException {
        byte[] bytes = toBytes(model, type);
        Files.createDirectories(path.toAbsolutePath().getParent());
        AtomicFiles.write(path, bytes);
    }

    /**
     * The safetensors bytes of {@code model}: the four tensors of each layer's directions under
     * {@code lstm.} or {@code gru.} (biases always written), {@code fc.weight}, and {@code fc.bias}
     * if the model has one.
     *
     * @throws IllegalArgumentException if a weight does not fit in F32
     */
    public static byte[] toBytes(RecurrentNetwork model, TensorType type) {
        List<Tensor> tensors = RecurrentTensors.tensors(model);
        requireFits(tensors, type);
        return SafetensorsFormat.encode(tensors, type, Map.of("format", "pt"));
    }

    /** @throws IllegalArgumentException if {@code type} is F32 and a value does not fit in it */
    static void requireFits(List<Tensor> tensors, TensorType type) {
        if (type == TensorType.F32) {
            for (Tensor t : tensors) {
                for (double v : t.values()) {
                    if (!Float.isFinite((float) v)) {
                        throw new IllegalArgumentException("tensor '" + t.name() + "' holds " + v
                                + ", which does not fit in F32; write F64 instead");
                    }
                }
            }
        }
    }

}
