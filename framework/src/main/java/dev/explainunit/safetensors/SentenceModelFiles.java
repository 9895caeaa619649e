package dev.explainunit.safetensors;

import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.model.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads and writes {@link SentenceModel}s: a safetensors file saved from a PyTorch module with an
 * {@code embedding} ({@code nn.Embedding}), an {@code lstm}, {@code gru} or {@code rnn} and an {@code fc} member, together
 * with its {@code vocab.txt}:
 *
 * <pre>
 *   embedding.weight   V x E       row i embeds token i of vocab.txt
 *   lstm.* (gru.*, rnn.*), fc.*    as in {@link ModelFiles}, with D = E
 * </pre>
 *
 * The container is parsed and the recurrent layers checked by the same code as {@link ModelFiles}, so every
 * defect a toy model is refused for is refused here with the same message; in addition a
 * vocabulary whose size differs from V, an embedding width other than layer 0's input size and
 * non-finite embedding values are refused, naming the file and the defect.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentenceModelFiles {

    /** The embedding's tensor name, PyTorch's for an {@code nn.Embedding} member {@code embedding}. */
    public static final String EMBEDDING = "embedding.weight";

    private SentenceModelFiles() {
    }

    /**
     * Reads a sentence model and its vocabulary.
     *
     * @throws MalformedModelException                         naming the model file and the defect
     * @throws dev.explainunit.model.MalformedDataException naming the vocabulary file, line and defect
     * @throws IOException                                     if a file cannot be read
     */
    public static SentenceModel read(Path model, Path vocabulary) throws IOException {
        Vocabulary vocab = Vocabulary.read(vocabulary);
        return read(ModelFiles.readBytes(model), model.toString(), vocab, vocabulary.toString());
    }

    /**
     * Reads a sentence model from the bytes of a safetensors file.
     *
     * @param name           the model file's name, for messages
     * @param vocabularyName the vocabulary file's name, for messages
     * @throws MalformedModelException naming {@code name} and the defect
     */
    public static SentenceModel read(byte[] bytes, String name, Vocabulary vocabulary, String vocabularyName)
            throws MalformedModelException {
        Map<String, Tensor> tensors = SafetensorsFormat.decode(bytes, name);
        Tensor embedding = RecurrentTensors.require(tensors, EMBEDDING, name);
        RecurrentNetwork lstm = RecurrentTensors.network(tensors, name, List.of(EMBEDDING));
        int[] shape = embedding.shape();
        if (shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
            throw new MalformedModelException(name, "tensor '" + EMBEDDING + "' has shape " + Arrays.toString(shape)
                    + ", expected [V, E] with V, E >= 1");
        }
        if (shape[1] != lstm.inputSize()) {
            throw new MalformedModelException(name, "tensor '" + EMBEDDING + "' has width E = " + shape[1]
                    + " but the recurrent layers read D = " + lstm.inputSize() + " values per step (weight_ih_l0 is ["
                    + lstm.cellKind().gates() * lstm.hiddenSize() + ", " + lstm.inputSize() + "]); they must be equal");
        }
        if (shape[0] != vocabulary.size()) {
            throw new MalformedModelException(name, "tensor '" + EMBEDDING + "' has " + shape[0] + " rows but "
                    + vocabularyName + " holds " + vocabulary.size() + " tokens; a row per token");
        }
        try {
            return new SentenceModel(RecurrentTensors.matrix(embedding), lstm, vocabulary);
        } catch (IllegalArgumentException e) {
            throw new MalformedModelException(name, e.getMessage());
        }
    }

    /**
     * Writes the model (F64) and its vocabulary, each atomically (temporary file, then move).
     */
    public static void write(SentenceModel model, Path modelFile, Path vocabularyFile) throws IOException {
        write(model, modelFile, vocabularyFile, TensorType.F64);
    }

    /**
     * Writes the model with elements of {@code type} and its vocabulary, each atomically.
     *
     * @throws IllegalArgumentException if a weight does not fit in F32
     */
    public static void write(SentenceModel model, Path modelFile, Path vocabularyFile, TensorType type)
            throws IOException {
        byte[] bytes = toBytes(model, type);
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
        AtomicFiles.write(modelFile, bytes);
        model.vocabulary().write(vocabularyFile);
    }

    /**
     * The safetensors bytes of {@code model}: {@code embedding.weight}, then the tensors
     * {@link ModelFiles#toBytes} writes.
     *
     * @throws IllegalArgumentException if a weight does not fit in F32
     */
    public static byte[] toBytes(SentenceModel model, TensorType type) {
        List<Tensor> tensors = new ArrayList<>();
        DMatrixRMaj embedding = model.embeddingWeight();
        tensors.add(RecurrentTensors.tensor(EMBEDDING, embedding, true));
        tensors.addAll(RecurrentTensors.tensors(model.lstm()));
        ModelFiles.requireFits(tensors, type);
        return SafetensorsFormat.encode(tensors, type, Map.of("format", "pt"));
    }
}
