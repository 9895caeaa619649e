package dev.explainunit.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Up-front checks of the commands' output options: a directory or file that cannot be written is
 * refused with a {@link UsageException} naming the option and the path, before any work rather than
 * after it.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Refuses {@code dir} (given as {@code option}, e.g. "--out") when it is a file or cannot be
     * created and written. Creates the directory if it is missing.
     */
    static void requireWritableDirectory(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + dir + " is a file, not a directory");
        }
        probe(option + " " + dir, dir);
    }

    /**
     * Refuses {@code file} (given as {@code option}, e.g. "--json") when it is a directory, its
     * directory cannot be created and written, or it exists read-only. Creates the parent directory
     * if it is missing.
     */
    static void requireWritableFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + " is a directory, not a file");
        }
        probe(option + " " + file, file.toAbsolutePath().getParent());
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UsageException(option + " " + file + ": cannot be written (permission denied: " + file + ")");
        }
    }

    /** What went wrong with a file, in words: "permission denied: /x", "no such file or directory: /x". */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + e.getMessage();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + ": " + fs.getFile();
        }
        return String.valueOf(e.getMessage());
    }

    /** Creates {@code dir} if missing and writes and deletes a probe file in it. */
    private static void probe(String culprit, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".explainunit", ".probe"));
        } catch (IOException e) {
            throw new UsageException(culprit + ": cannot be written (" + describe(e) + ")", e);
        }
    }
}
