package dev.explainunit.zoo;

import dev.explainunit.safetensors.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Trained toy-task models with their training metrics, by task id. {@link #bundled()} are the 50
 * models per task shipped in the framework jar ({@link #BUNDLED_TASKS}: the paper's single-unit
 * LSTMs for {@code addition} and {@code subtraction}, GRUs and two-layer LSTMs for the tasks of the
 * same data named {@code -gru} and {@code -lstm2}; trained by {@code explainunit train}, see
 * src/docs/training.md); {@link #load} reads directories written by {@code train} or
 * {@code zoo export}. Each task's {@link ZooIndex} records the models' {@link Architecture}.
 * Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelZoo {

    /** Classpath folder of the bundled zoo; one sub-folder per task id. */
    public static final String RESOURCES = "/dev/explainunit/zoo/";

    /** The tasks whose models are bundled, in this order (each a folder under {@link #RESOURCES}). */
    public static final List<String> BUNDLED_TASKS = List.of("addition", "subtraction", "addition-gru",
            "subtraction-gru", "addition-lstm2", "subtraction-lstm2");

    /** Per task id, in order: its models and index. */
    private final Map<String, List<ZooModel>> models;
    private final Map<String, ZooIndex> indexes;

    private ModelZoo(Map<String, List<ZooModel>> models, Map<String, ZooIndex> indexes) {
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
        Map<String, List<ZooModel>> models = new LinkedHashMap<>();
        Map<String, ZooIndex> indexes = new LinkedHashMap<>();
        for (String task : BUNDLED_TASKS) {
            String folder = RESOURCES + task + "/";
            try {
                String indexName = folder + ZooDirectory.INDEX;
                ZooIndex index = ZooDirectory.parseIndex(resource(indexName), indexName);
                if (!index.task().equals(task)) {
                    throw new IOException(indexName + " is the index of task [" + index.task() + "]");
                }
                List<ZooModel> list = new ArrayList<>();
                for (ZooIndex.Entry entry : index.models()) {
                    String name = folder + entry.file();
                    list.add(ZooDirectory.toModel(index, entry, ModelFiles.read(resource(name), name), name));
                }
                models.put(task, Collections.unmodifiableList(list));
                indexes.put(task, index);
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled model zoo is broken: " + e.getMessage(), e);
            }
        }
        return new ModelZoo(Collections.unmodifiableMap(models), Collections.unmodifiableMap(indexes));
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
     * (one task per directory; a later directory of the same task adds its models, and must
     * have the same architecture).
     *
     * @throws IOException naming the directory or file and the defect
     */
    public static ModelZoo load(Path... directories) throws IOException {
        Map<String, List<ZooModel>> models = new LinkedHashMap<>();
        Map<String, ZooIndex> indexes = new LinkedHashMap<>();
        for (Path directory : directories) {
            ZooIndex index = ZooDirectory.readIndex(directory);
            ZooIndex first = indexes.putIfAbsent(index.task(), index);
            if (first != null && !first.architecture().equals(index.architecture())) {
                throw new IOException(directory + " holds " + index.architecture().describe() + " models of task ["
                        + index.task() + "], an earlier directory " + first.architecture().describe() + " ones");
            }
            models.computeIfAbsent(index.task(), t -> new ArrayList<>()).addAll(ZooDirectory.read(directory, index));
        }
        models.replaceAll((task, list) -> List.copyOf(list));
        return new ModelZoo(Collections.unmodifiableMap(models), Collections.unmodifiableMap(indexes));
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

    /** The ids of the tasks this zoo has models of, in order (the bundled zoo: {@link #BUNDLED_TASKS}). */
    public List<String> tasks() {
        return List.copyOf(models.keySet());
    }

    /** The models of the task with id {@code task} in id order (empty if the zoo has none). */
    public List<ZooModel> models(String task) {
        return models.getOrDefault(task, List.of());
    }

    /** All models, task after task in {@link #tasks()} order. */
    public List<ZooModel> models() {
        List<ZooModel> all = new ArrayList<>();
        for (List<ZooModel> list : models.values()) {
            all.addAll(list);
        }
        return all;
    }

    /** The model with {@code id}, if present. */
    public Optional<ZooModel> model(String id) {
        return models().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The run-level facts of the training that made the models of the task with id {@code task}. */
    public Optional<ZooIndex> index(String task) {
        return Optional.ofNullable(indexes.get(task));
    }

    /** The architecture of the models of the task with id {@code task}, if the zoo has them. */
    public Optional<Architecture> architecture(String task) {
        return index(task).map(ZooIndex::architecture);
    }
}
