package dev.explainunit.cli;

import dev.explainunit.zoo.ZooDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An earlier run in the folder that {@code train} or {@code zoo export} writes to. The index lists
 * only the models of the run that wrote it, so a new run into a folder with an older one would
 * leave models that no index describes: a non-empty folder is refused, unless {@code --force},
 * which removes the files these commands write ({@code *.safetensors} and {@code index.json}) and
 * nothing else.
 */
final class PreviousRun {

    private static final int NAMES_SHOWN = 3;

    private PreviousRun() {
    }

    /**
     * Refuses {@code dir} (given as {@code option}) when it holds anything and {@code force} is
     * not set; a missing folder is fine.
     */
    static void requireEmptyUnlessForced(String option, Path dir, boolean force) {
        if (force || !Files.isDirectory(dir)) {
            return;
        }
        List<String> names = names(dir);
        if (!names.isEmpty()) {
            throw new UsageException(option + " " + dir + " is not empty (it holds " + shortList(names)
                    + "); choose an empty folder, or add --force to replace the earlier run (its *.safetensors and "
                    + ZooDirectory.INDEX + " are removed, nothing else)");
        }
    }

    /**
     * Removes the {@code *.safetensors} files and the {@code index.json} in {@code dir}, nothing
     * else, and says what it removed and what it kept (null when there was nothing to remove).
     */
    static String clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String name : names(dir)) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file) && (name.equals(ZooDirectory.INDEX) || name.endsWith(".safetensors"))) {
                Files.delete(file);
                removed.add(name.equals(ZooDirectory.INDEX) ? 0 : removed.size(), name);
            } else {
                kept.add(name);
            }
        }
        if (removed.isEmpty()) {
            return null;
        }
        return "--force: removed the earlier run's " + count(removed.size()) + " from " + dir + " ("
                + shortList(removed) + ")" + (kept.isEmpty() ? "" : "; kept " + shortList(kept));
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UsageException(dir + ": cannot be listed (" + OutputPaths.describe(e) + ")", e);
        }
    }

    /** "a, b, c and 48 more". */
    private static String shortList(List<String> names) {
        if (names.size() <= NAMES_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
    }

    private static String count(int files) {
        return files == 1 ? "1 file" : files + " files";
    }
}
