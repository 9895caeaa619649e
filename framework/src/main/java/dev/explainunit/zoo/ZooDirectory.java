package dev.explainunit.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.safetensors.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A directory of trained models: {@code <id>.safetensors} per model and an {@code index.json}
 * ({@link ZooIndex}). Written model by model, each file atomically (temporary file, then move),
 * and the index last, also atomically: an interrupted write leaves complete model files and either
 * the old index or none, never a half-written file.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ZooDirectory {

    /** Name of the index file. */
    public static final String INDEX = "index.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ZooDirectory() {
    }

    /** The model id of the k-th kept model (0-based) of a task: {@code addition-01}, {@code addition-gru-01}, ... */
    public static String modelId(String task, int k) {
        return String.format(java.util.Locale.ROOT, "%s-%02d", task, k + 1);
    }

    /**
     * Writes {@code models} as {@code <id>.safetensors} (F64) and then {@code index.json}: the
     * run-level facts of {@code index} with one entry per model, creating the directory if needed.
     */
    public static void write(Path directory, ZooIndex index, List<ZooModel> models) throws IOException {
        Files.createDirectories(directory);
        for (ZooModel model : models) {
            ModelFiles.write(model.model(), directory.resolve(fileName(model.id())));
        }
        AtomicFiles.write(directory.resolve(INDEX), JSON.writeValueAsBytes(index.withModels(entries(models))));
    }

    /** The index entries describing {@code models}, files named {@code <id>.safetensors}. */
    public static List<ZooIndex.Entry> entries(List<ZooModel> models) {
        List<ZooIndex.Entry> entries = new ArrayList<>();
        for (ZooModel m : models) {
            entries.add(new ZooIndex.Entry(m.id(), m.task(), fileName(m.id()), m.seed(), m.trainMse(),
                    m.validationMse(), m.testMse(), m.evaluations(), m.seconds()));
        }
        return entries;
    }

    static String fileName(String id) {
        return id + ".safetensors";
    }

    /**
     * Reads the index of a directory written by {@link #write}.
     *
     * @throws IOException naming the directory or file and the defect
     */
    public static ZooIndex readIndex(Path directory) throws IOException {
        Path indexFile = directory.resolve(INDEX);
        try {
            return parseIndex(Files.readAllBytes(indexFile), indexFile.toString());
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " holds no " + INDEX
                    + "; is it a directory written by 'train' or 'zoo export'?", e);
        }
    }

    /**
     * Reads every model listed by the directory's index.
     *
     * @throws IOException naming the directory or file and the defect
     */
    public static List<ZooModel> read(Path directory) throws IOException {
        return read(directory, readIndex(directory));
    }

    static List<ZooModel> read(Path directory, ZooIndex index) throws IOException {
        List<ZooModel> models = new ArrayList<>();
        for (ZooIndex.Entry entry : index.models()) {
            Path file = directory.resolve(entry.file());
            models.add(toModel(index, entry, ModelFiles.read(file), file.toString()));
        }
        return models;
    }

    /** Parses and validates an index; {@code name} names it in messages. */
    static ZooIndex parseIndex(byte[] bytes, String name) throws IOException {
        ZooIndex index;
        try {
            index = JSON.readValue(bytes, ZooIndex.class);
        } catch (JsonProcessingException e) {
            throw new IOException(name + " is not a valid model index: " + e.getOriginalMessage(), e);
        }
        if (index == null || !ZooIndex.FORMAT.equals(index.format())) {
            throw new IOException(name + " has format [" + (index == null ? null : index.format()) + "], expected ["
                    + ZooIndex.FORMAT + "]");
        }
        if (index.task() == null || index.task().isBlank() || !index.task().equals(index.task().strip())) {
            throw new IOException(name + " has task [" + index.task() + "], expected a task id");
        }
        for (ZooIndex.Entry entry : index.models()) {
            if (entry == null || entry.id() == null || entry.file() == null) {
                throw new IOException(name + " has a model entry without id or file");
            }
            if (entry.task() != null && !entry.task().equals(index.task())) {
                throw new IOException(name + ": model " + entry.id() + " is of task [" + entry.task()
                        + "], the index of task [" + index.task() + "]");
            }
            if (entry.file().contains("/") || entry.file().contains("\\") || entry.file().startsWith(".")) {
                throw new IOException(name + ": model file [" + entry.file() + "] must be a plain file name in the directory");
            }
        }
        return index;
    }

    /**
     * The zoo model of {@code entry}, its network read from {@code file}.
     *
     * @throws IOException naming the file if the network does not have the index's architecture
     */
    static ZooModel toModel(ZooIndex index, ZooIndex.Entry entry, RecurrentNetwork network, String file)
            throws IOException {
        Architecture architecture = index.architecture();
        if (!architecture.matches(network)) {
            throw new IOException(file + " holds a " + network + (network.hasFcBias() ? " with fc.bias" : "")
                    + "; the index describes a " + architecture.describe() + " with one output and no fc.bias");
        }
        return new ZooModel(entry.id(), index.task(), entry.seed(), network, entry.trainMse(), entry.validationMse(),
                entry.testMse(), entry.evaluations(), entry.seconds());
    }
}
