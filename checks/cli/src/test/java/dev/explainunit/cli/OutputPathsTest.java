package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class OutputPathsTest {

    @Test
    void file_errors_are_described_in_words_naming_the_file() {
        assertThat(OutputPaths.describe(new NoSuchFileException("/nope/t.json")))
                .isEqualTo("no such file or directory: /nope/t.json");
        assertThat(OutputPaths.describe(new AccessDeniedException("/root/x")))
                .isEqualTo("permission denied: /root/x");
        assertThat(OutputPaths.describe(new FileSystemException("/a/b", null, "Not a directory")))
                .isEqualTo("Not a directory: /a/b");
    }
}
