package dev.explainunit.safetensors;

import dev.explainunit.internal.ReadableFiles;
import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmDirection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads and writes {@link Lstm} models as safetensors files with PyTorch {@code nn.LSTM} names, so
 * that {@code save_file(model.state_dict(), "m.safetensors")} of a model with an {@code lstm} and
 * an {@code fc} member loads as is:
 *
 * <pre>
 *   lstm.weight_ih_l0  4H x D     lstm.weight_hh_l0  4H x H     gate row blocks i, f, g, o
 *   lstm.bias_ih_l0    4H         lstm.bias_hh_l0    4H         absent = zeros
 *   lstm.*_l0_reverse             the same four for the reverse direction (bidirectional)
 *   fc.weight          C x H (C x 2H bidirectional)
 *   fc.bias            C          optional
 * </pre>
 *
 * Elements may be F32 or F64; arithmetic is in double. Anything else (other tensors, further
 * layers, wrong shapes, non-finite weights, a broken container) is refused with a
 * {@link MalformedModelException} naming the file and the defect. A file that also holds
 * {@code embedding.weight} is a sentence model, read with its vocabulary by
 * {@link SentenceModelFiles}, which shares this parser and these checks.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelFiles {

    /** Tensor names, PyTorch {@code nn.LSTM} ({@code lstm.}) and {@code nn.Linear} ({@code fc.}). */
    public static final String WEIGHT_IH = "lstm.weight_ih_l0", WEIGHT_HH = "lstm.weight_hh_l0",
            BIAS_IH = "lstm.bias_ih_l0", BIAS_HH = "lstm.bias_hh_l0", REVERSE = "_reverse",
            FC_WEIGHT = "fc.weight", FC_BIAS = "fc.bias";

    static final List<String> KNOWN = List.of(WEIGHT_IH, WEIGHT_HH, BIAS_IH, BIAS_HH,
            WEIGHT_IH + REVERSE, WEIGHT_HH + REVERSE, BIAS_IH + REVERSE, BIAS_HH + REVERSE, FC_WEIGHT, FC_BIAS);

    private static final Pattern LAYER = Pattern.compile("lstm\\.\\w+_l(\\d+)(_reverse)?");

    private ModelFiles() {
    }

    /**
     * Reads a model file. The declared header length is checked against the file size and the
     * 100 MB limit before the file is read.
     *
     * @throws MalformedModelException if the file is not a valid model, naming the file and the defect
     * @throws IOException             if the file cannot be read
     */
    public static Lstm read(Path path) throws IOException {
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
    public static Lstm read(byte[] bytes, String name) throws MalformedModelException {
        Map<String, Tensor> tensors = SafetensorsFormat.decode(bytes, name);
        if (tensors.containsKey(SentenceModelFiles.EMBEDDING)) {
            throw new MalformedModelException(name, "is a sentence model (it holds '" + SentenceModelFiles.EMBEDDING
                    + "'); load it together with its vocab.txt (SentenceModelFiles.read(model, vocab))");
        }
        return lstm(tensors, name, KNOWN);
    }

    /**
     * The LSTM and fc layer of decoded {@code tensors}, every tensor checked; {@code known} are
     * the tensor names the file may hold (the LSTM's and fc's, plus those of the caller's kind).
     */
    static Lstm lstm(Map<String, Tensor> tensors, String name, List<String> known) throws MalformedModelException {
        for (String tensor : tensors.keySet()) {
            if (!known.contains(tensor)) {
                throw new MalformedModelException(name, unexpected(tensor, known));
            }
        }
        for (Tensor t : tensors.values()) {
            double[] v = t.values();
            for (int k = 0; k < v.length; k++) {
                if (!Double.isFinite(v[k])) {
                    throw new MalformedModelException(name, "tensor '" + t.name() + "' holds a non-finite value ("
                            + v[k] + ") at flat index " + k);
                }
            }
        }
        Tensor weightHh = require(tensors, WEIGHT_HH, name);
        int hidden = hiddenSize(weightHh, name);
        int inputs = inputSize(require(tensors, WEIGHT_IH, name), hidden, name);
        boolean bidirectional = tensors.containsKey(WEIGHT_IH + REVERSE) || tensors.containsKey(WEIGHT_HH + REVERSE)
                || tensors.containsKey(BIAS_IH + REVERSE) || tensors.containsKey(BIAS_HH + REVERSE);

        LstmDirection forward = direction(tensors, "", hidden, inputs, name);
        LstmDirection reverse = bidirectional ? direction(tensors, REVERSE, hidden, inputs, name) : null;
        int features = bidirectional ? 2 * hidden : hidden;

        Tensor fcWeight = require(tensors, FC_WEIGHT, name);
        if (fcWeight.shape().length != 2 || fcWeight.shape()[0] < 1 || fcWeight.shape()[1] != features) {
            throw new MalformedModelException(name, "tensor '" + FC_WEIGHT + "' has shape "
                    + Arrays.toString(fcWeight.shape()) + ", expected [C, " + features + "] (C >= 1"
                    + (bidirectional ? ", 2H for a bidirectional model)" : ")"));
        }
        int outputs = fcWeight.shape()[0];
        Tensor fcBias = tensors.get(FC_BIAS);
        if (fcBias != null) {
            requireShape(fcBias, name, outputs);
        }
        try {
            return new Lstm(forward, reverse, matrix(fcWeight), fcBias == null ? null : column(fcBias));
        } catch (IllegalArgumentException e) {
            throw new MalformedModelException(name, e.getMessage());
        }
    }

    private static String unexpected(String tensor, List<String> known) {
        Matcher layer = LAYER.matcher(tensor);
        if (layer.matches() && !layer.group(1).equals("0")) {
            return "tensor '" + tensor + "' belongs to LSTM layer " + layer.group(1)
                    + "; ExplainUnit reads single-layer LSTMs (num_layers = 1)";
        }
        String shown = tensor.length() > 80 ? tensor.substring(0, 80) + "..." : tensor;
        return "unexpected tensor '" + shown + "'; a model holds only " + String.join(", ", known);
    }

    static Tensor require(Map<String, Tensor> tensors, String tensor, String name)
            throws MalformedModelException {
        Tensor t = tensors.get(tensor);
        if (t == null) {
            throw new MalformedModelException(name, "tensor '" + tensor + "' is missing");
        }
        return t;
    }

    private static int hiddenSize(Tensor weightHh, String name) throws MalformedModelException {
        int[] s = weightHh.shape();
        if (s.length != 2 || s[0] < 4 || s[0] != 4 * s[1]) {
            throw new MalformedModelException(name, "tensor '" + weightHh.name() + "' has shape "
                    + Arrays.toString(s) + ", expected [4H, H] with H >= 1");
        }
        return s[1];
    }

    private static int inputSize(Tensor weightIh, int hidden, String name) throws MalformedModelException {
        int[] s = weightIh.shape();
        if (s.length != 2 || s[0] != 4 * hidden || s[1] < 1) {
            throw new MalformedModelException(name, "tensor '" + weightIh.name() + "' has shape "
                    + Arrays.toString(s) + ", expected [" + 4 * hidden + ", D] with D >= 1");
        }
        return s[1];
    }

    private static LstmDirection direction(Map<String, Tensor> tensors, String suffix, int hidden, int inputs,
                                           String name) throws MalformedModelException {
        Tensor ih = require(tensors, WEIGHT_IH + suffix, name);
        Tensor hh = require(tensors, WEIGHT_HH + suffix, name);
        requireShape(ih, name, 4 * hidden, inputs);
        requireShape(hh, name, 4 * hidden, hidden);
        Tensor bih = tensors.get(BIAS_IH + suffix);
        Tensor bhh = tensors.get(BIAS_HH + suffix);
        if (bih != null) {
            requireShape(bih, name, 4 * hidden);
        }
        if (bhh != null) {
            requireShape(bhh, name, 4 * hidden);
        }
        try {
            return new LstmDirection(matrix(ih), matrix(hh), bih == null ? null : column(bih),
                    bhh == null ? null : column(bhh));
        } catch (IllegalArgumentException e) {
            throw new MalformedModelException(name, e.getMessage());
        }
    }

    private static void requireShape(Tensor t, String name, int... expected) throws MalformedModelException {
        if (!Arrays.equals(t.shape(), expected)) {
            throw new MalformedModelException(name, "tensor '" + t.name() + "' has shape "
                    + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(expected));
        }
    }

    static DMatrixRMaj matrix(Tensor t) {
        return new DMatrixRMaj(t.shape()[0], t.shape()[1], true, t.values());
    }

    private static DMatrixRMaj column(Tensor t) {
        return new DMatrixRMaj(t.values().length, 1, true, t.values());
    }

    /** Writes {@code model} to {@code path} in F64, atomically (temporary file, then move). */
    public static void write(Lstm model, Path path) throws IOException {
        write(model, path, TensorType.F64);
    }

    /**
     * Writes {@code model} to {@code path} with elements of {@code type}, atomically: the bytes go
     * to a temporary file in the same directory, which then replaces {@code path}, so readers
     * never see a half-written model.
     *
     * @throws IllegalArgumentException if a weight does not fit in F32
     */
    public static void write(Lstm model, Path path, TensorType type) throws IOException {
        byte[] bytes = toBytes(model, type);
        Files.createDirectories(path.toAbsolutePath().getParent());
        AtomicFiles.write(path, bytes);
    }

    /**
     * The safetensors bytes of {@code model}: the four tensors of each direction (biases always
     * written), {@code fc.weight}, and {@code fc.bias} if the model has one.
     *
     * @throws IllegalArgumentException if a weight does not fit in F32
     */
    public static byte[] toBytes(Lstm model, TensorType type) {
        List<Tensor> tensors = tensors(model);
        requireFits(tensors, type);
        return SafetensorsFormat.encode(tensors, type, Map.of("format", "pt"));
    }

    /** The tensors of {@code model} under their PyTorch names, in writing order. */
    static List<Tensor> tensors(Lstm model) {
        List<Tensor> tensors = new ArrayList<>();
        addDirection(tensors, model.forwardDirection(), "");
        if (model.isBidirectional()) {
            addDirection(tensors, model.reverseDirection(), REVERSE);
        }
        tensors.add(tensor(FC_WEIGHT, model.fcWeight(), true));
        if (model.hasFcBias()) {
            tensors.add(tensor(FC_BIAS, model.fcBias(), false));
        }
        return tensors;
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

    private static void addDirection(List<Tensor> tensors, LstmDirection d, String suffix) {
        tensors.add(tensor(WEIGHT_IH + suffix, d.weightIh(), true));
        tensors.add(tensor(WEIGHT_HH + suffix, d.weightHh(), true));
        tensors.add(tensor(BIAS_IH + suffix, d.biasIh(), false));
        tensors.add(tensor(BIAS_HH + suffix, d.biasHh(), false));
    }

    static Tensor tensor(String name, DMatrixRMaj m, boolean matrix) {
        int[] shape = matrix ? new int[] {m.numRows, m.numCols} : new int[] {m.getNumElements()};
        return new Tensor(name, TensorType.F64, shape, Arrays.copyOf(m.data, m.getNumElements()));
    }
}
