package dev.explainunit.zoo;

import dev.explainunit.lstm.Lstm;
import dev.explainunit.safetensors.ModelFiles;
import dev.explainunit.toy.ToyTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Trained single-unit LSTMs for the toy tasks with their training metrics. {@link #bundled()} are
 * the 50 models per task shipped in the framework jar (trained by {@code explainunit train}, see
 * src/docs/training.md); {@link #load} reads directories written by {@code train} or
 * {@code zoo export}. Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelZoo {

    /** Classpath folder of the bundled zoo; one sub-folder per task id. */
    public static final String RESOURCES = "/dev/explainunit/zoo/";

    private final Map<ToyTask, List<ZooModel>> models;
    private final Map<ToyTask, ZooIndex> indexes;

    private ModelZoo(Map<ToyTask, List<ZooModel>> models, Map<ToyTask, ZooIndex> indexes) {
        this.models = models;
        this.indexes = indexes;
    }

    /**
     * The models bundled in the framework jar, loaded on first use and cached.
     *
     * @throws UncheckedIOException if a bundled resource is missing or malformed (a broken build)
     */
    public static ModelZoo bundled() {
        return Bundled.ZOO;
    }

    private static final class Bundled {
        static final ModelZoo ZOO = loadBundled();
    }

    private static ModelZoo loadBundled() {
        Map<ToyTask, List<ZooModel>> models = new EnumMap<>(ToyTask.class);
        Map<ToyTask, ZooIndex> indexes = new EnumMap<>(ToyTask.class);
        for (ToyTask task : ToyTask.values()) {
            String folder = RESOURCES + task.id() + "/";
            try {
                ZooIndex index = ZooDirectory.parseIndex(resource(folder + ZooDirectory.INDEX), folder + ZooDirectory.INDEX);
                List<ZooModel> list = new ArrayList<>();
                for (ZooIndex.Entry entry : index.models()) {
                    String name = folder + entry.file();
                    Lstm lstm = ModelFiles.read(resource(name), name);
                    list.add(ZooDirectory.toModel(index, entry, lstm));
                }
                models.put(task, Collections.unmodifiableList(list));
                indexes.put(task, index);
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled model zoo is broken: " + e.getMessage(), e);
            }
        }
        return new ModelZoo(models, indexes);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelZoo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("classpath resource " + name + " is missing");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The models of directories written by {@code explainunit train} or {@code zoo export}
     * (one task per directory; a later directory of the same task adds its models).
     *
     * @throws IOException naming the directory or file and the defect
     */
    public static ModelZoo load(Path... directories) throws IOException {
        Map<ToyTask, List<ZooModel>> models = new EnumMap<>(ToyTask.class);
        Map<ToyTask, ZooIndex> indexes = new EnumMap<>(ToyTask.class);
        for (Path directory : directories) {
            ZooIndex index = ZooDirectory.readIndex(directory);
            ToyTask task = ToyTask.fromId(index.task());
            models.computeIfAbsent(task, t -> new ArrayList<>()).addAll(ZooDirectory.read(directory, index));
            indexes.putIfAbsent(task, index);
        }
        models.replaceAll((task, list) -> List.copyOf(list));
        return new ModelZoo(models, indexes);
    }

    /**
     * The bundled five-class sentiment classifier (bidirectional LSTM, E = H = 60, trained on the
     * generated corpus; see src/docs/training.md), loaded on first use and cached. The same for
     * every zoo: it is part of the framework jar.
     *
     * @throws UncheckedIOException if the bundled resource is missing or malformed (a broken build)
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public SentimentZooModel sentiment() {
        return BundledSentiment.MODEL;
    }

    private static final class BundledSentiment {
        static final SentimentZooModel MODEL = loadSentiment();

        private static SentimentZooModel loadSentiment() {
            try {
                return SentimentZooModel.readResources(RESOURCES + SentimentZooIndex.TASK + "/");
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled sentiment model is broken: " + e.getMessage(), e);
            }
        }
    }

    /** The models of {@code task} in id order (empty if the zoo has none). */
    public List<ZooModel> models(ToyTask task) {
        return models.getOrDefault(task, List.of());
    }

    /** All models, addition first. */
    public List<ZooModel> models() {
        List<ZooModel> all = new ArrayList<>();
        for (ToyTask task : ToyTask.values()) {
            all.addAll(models(task));
        }
        return all;
    }

    /** The model with {@code id}, if present. */
    public Optional<ZooModel> model(String id) {
        return models().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The run-level facts of the training that made the models of {@code task}. */
    public Optional<ZooIndex> index(ToyTask task) {
        return Optional.ofNullable(indexes.get(task));
    }
}
