package dev.explainunit.process.internal;

import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.safetensors.ModelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The models handed to explainer processes, each written once per model instance as a safetensors
 * file into one temporary folder and numbered; the folder is deleted by {@link #delete}. Models are
 * held weakly ({@link RecurrentNetwork} compares by identity), so a run that creates many models (randomized
 * ones) does not keep them alive. A JVM shutdown hook deletes the folders still there when the JVM
 * ends (an explainer that was never closed). Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ModelFolder {

    /** A model's number in the protocol and its file. */
    public record Entry(int number, Path file) {
    }

    private static final Set<ModelFolder> UNDELETED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private final Map<RecurrentNetwork, Entry> entries = new WeakHashMap<>();
    private Path folder;
    private int written;
    private boolean deleted;

    /** The file and number of {@code model}, written on first use. */
    public synchronized Entry entry(RecurrentNetwork model) {
        if (deleted) {
            throw new IllegalStateException("the model folder was deleted (the explainer was closed)");
        }
        Entry entry = entries.get(model);
        if (entry == null) {
            try {
                if (folder == null) {
                    folder = Files.createTempDirectory("explainunit-models-");
                    if (HOOKED.compareAndSet(false, true)) {
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(UNDELETED).forEach(ModelFolder::delete),
                                "explainunit-model-files"));
                    }
                    UNDELETED.add(this);
                }
                int number = ++written;
                Path file = folder.resolve("model-" + number + ".safetensors");
                ModelFiles.write(model, file);
                entry = new Entry(number, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a model for an explainer process into the temporary folder ["
                        + folder + "]: " + e.getMessage(), e);
            }
            entries.put(model, entry);
        }
        return entry;
    }

    /** Deletes the folder and its files; later {@link #entry} calls fail. */
    public synchronized void delete() {
        deleted = true;
        entries.clear();
        UNDELETED.remove(this);
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is in the system's temporary directory
        }
    }
}
