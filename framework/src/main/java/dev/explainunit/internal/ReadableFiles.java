package dev.explainunit.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The one check that a file a user named can be read, with a message that names the file and what
 * is wrong, instead of the bare path or "Is a directory" the file system says: "m.safetensors: no
 * such model file", "sst: a folder, not a model file; did you mean sst/sentiment.safetensors?".
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReadableFiles {

    private ReadableFiles() {
    }

    /**
     * Refuses {@code path} unless it is a readable regular file.
     *
     * @param what    what the file is, for the message: "model file", "vocabulary file"
     * @param pattern a glob of the file a folder in its place may hold (e.g. "*.safetensors",
     *                "vocab.txt"), suggested when the folder holds exactly one
     * @throws NoSuchFileException "path: no such model file"
     * @throws FileSystemException "path: a folder, not a model file[; did you mean path/x?]", or
     *                             "path: the model file cannot be read (permission denied)"
     */
    public static void require(Path path, String what, String pattern) throws IOException {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            List<Path> inside = new ArrayList<>();
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(path, pattern)) {
                matches.forEach(p -> {
                    if (Files.isRegularFile(p)) {
                        inside.add(p);
                    }
                });
            } catch (IOException | RuntimeException unreadable) {
                inside.clear();
            }
            throw new FileSystemException(file, null, "a folder, not a " + what
                    + (inside.size() == 1 ? "; did you mean " + inside.get(0) + "?" : ""));
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(file, null, "no such " + what);
        }
        if (!Files.isReadable(path)) {
            throw new FileSystemException(file, null, "the " + what + " cannot be read (permission denied)");
        }
    }
}
