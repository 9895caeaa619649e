package dev.explainunit.zoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.safetensors.ModelFiles;
import dev.explainunit.toy.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The bundled, trained single-unit LSTMs (paper 3.2): for each task a folder of safetensors files
 * with an {@code index.json} on the class path under {@code dev/explainunit/zoo/<task>/}.
 *
 * <p>{@code index.json} holds {@code {"models": [{"id", "file", "seed", "trainMse",
 * "validationMse", "testMse", "evaluations", "seconds"}, ...]}} plus run-level fields that the
 * zoo ignores.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ModelZoo {

    private static final String ROOT = "dev/explainunit/zoo/";

    private final Map<Task, List<ZooModel>> models;

    private ModelZoo(Map<Task, List<ZooModel>> models) {
        this.models = models;
    }

    /** The zoo shipped in the framework jar, loaded once. */
    public static ModelZoo bundled() {
        return Bundled.ZOO;
    }

    /** The models of {@code task} in index order (unmodifiable). */
    public List<ZooModel> models(Task task) {
        return models.get(task);
    }

    private static final class Bundled {
        static final ModelZoo ZOO = load();
    }

    private static ModelZoo load() {
        Map<Task, List<ZooModel>> byTask = new EnumMap<>(Task.class);
        for (Task task : Task.values()) {
            byTask.put(task, List.copyOf(loadTask(task)));
        }
        return new ModelZoo(byTask);
    }

    private static List<ZooModel> loadTask(Task task) {
        String folder = ROOT + task.id() + "/";
        JsonNode index;
        try {
            index = new ObjectMapper().readTree(resource(folder + "index.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled zoo index " + folder + "index.json", e);
        }
        List<ZooModel> list = new ArrayList<>();
        for (JsonNode entry : index.path("models")) {
            String file = folder + entry.path("file").asText();
            Lstm model;
            try {
                model = ModelFiles.read(resource(file), file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled model " + file, e);
            }
            list.add(new ZooModel(entry.path("id").asText(), task, entry.path("seed").asLong(), model,
                    entry.path("trainMse").asDouble(), entry.path("validationMse").asDouble(),
                    entry.path("testMse").asDouble(), entry.path("evaluations").asInt(),
                    entry.path("seconds").asDouble()));
        }
        return list;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelZoo.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }
}
