package dev.explainunit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/** Writing a file so that readers see either the old or the complete new content, never a part. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code target}: to a temporary file in the same directory (which
     * must exist) first, which then replaces {@code target}, atomically where the file system
     * supports it. The temporary file never remains.
     *
     * <p>The file gets the permissions a plain {@link Files#write} would leave: those of the file it
     * replaces, or the default for a new file (the process umask). {@link Files#createTempFile}
     * is not used because it makes the file readable by its owner only (0600), and the move keeps
     * that mode.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = createTemporary(absolute);
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            keepPermissionsOf(absolute, temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A new empty file beside {@code target}, with the default permissions of a new file. */
    private static Path createTemporary(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = target.resolveSibling("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissionsOf(Path target, Path temporary) throws IOException {
        PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (existing != null && Files.isRegularFile(target)) {
            Files.getFileAttributeView(temporary, PosixFileAttributeView.class)
                    .setPermissions(existing.readAttributes().permissions());
        }
    }
}
