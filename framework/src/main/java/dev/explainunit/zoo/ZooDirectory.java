package dev.explainunit.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.safetensors.ModelFiles;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.train.TrainingRun;
import dev.explainunit.train.TrainingSettings;
import dev.explainunit.train.TrainingSummary;
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
@API(status = API.Status.STABLE, since = "0.1")
public final class ZooDirectory {

    /** Name of the index file. */
    public static final String INDEX = "index.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ZooDirectory() {
    }

    /** The model id of the k-th kept model (0-based) of a task: {@code addition-01}, ... */
    public static String modelId(ToyTask task, int k) {
        return String.format("%s-%02d", task.id(), k + 1);
    }

    /** The optimiser and stopping rules of {@link dev.explainunit.train.ToyTrainer}, as recorded in the index. */
    public static String describe(TrainingSettings s) {
        return "full-batch L-BFGS (memory " + s.memory() + ") with a strong Wolfe line search; stop at validation MSE < "
                + s.successValidationMse() + "; keep at validation MSE < " + s.keepValidationMse() + "; abandon a seed"
                + " whose best training MSE is above " + s.abandonTrainMse() + " after " + s.abandonAfterEvaluations()
                + " evaluations; at most " + s.maxEvaluations() + " evaluations";
    }

    /** The models of a training summary with ids in seed order, and their index. */
    public static ZooIndex write(Path directory, TrainingSummary summary, String optimizer) throws IOException {
        List<ZooModel> models = new ArrayList<>();
        for (int k = 0; k < summary.kept().size(); k++) {
            TrainingRun run = summary.kept().get(k);
            models.add(new ZooModel(modelId(summary.task(), k), run.task(), run.seed(), run.model(), run.trainMse(),
                    run.validationMse(), run.testMse(), run.evaluations(), run.seconds()));
        }
        ZooIndex index = new ZooIndex(ZooIndex.FORMAT, summary.task().id(), summary.dataSeed(), summary.seedsTried(),
                models.size(), summary.convergenceRate(), summary.totalEvaluations(), summary.wallSeconds(),
                summary.cpuSeconds(), summary.threads(), optimizer, entries(models));
        write(directory, index, models);
        return index;
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
            entries.add(new ZooIndex.Entry(m.id(), m.task().id(), fileName(m.id()), m.seed(), m.trainMse(), m.validationMse(),
                    m.testMse(), m.evaluations(), m.seconds()));
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
            Lstm lstm = ModelFiles.read(directory.resolve(entry.file()));
            models.add(toModel(index, entry, lstm));
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
        try {
            ToyTask.fromId(index.task());
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
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

    static ZooModel toModel(ZooIndex index, ZooIndex.Entry entry, Lstm lstm) {
        return new ZooModel(entry.id(), ToyTask.fromId(index.task()), entry.seed(), lstm, entry.trainMse(),
                entry.validationMse(), entry.testMse(), entry.evaluations(), entry.seconds());
    }
}
