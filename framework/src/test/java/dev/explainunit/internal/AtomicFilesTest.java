package dev.explainunit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_new_file_gets_the_permissions_a_plain_write_gives() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX file system");
        Path plain = Files.write(dir.resolve("plain"), new byte[] {1});

        AtomicFiles.write(dir.resolve("atomic"), new byte[] {1});

        assertThat(Files.getPosixFilePermissions(dir.resolve("atomic")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void a_replaced_file_keeps_its_permissions() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX file system");
        Path target = Files.writeString(dir.resolve("shared.json"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    }

    @Test
    void no_temporary_file_remains() throws Exception {
        AtomicFiles.write(dir.resolve("a.bin"), new byte[] {1, 2, 3});
        AtomicFiles.write(dir.resolve("a.bin"), new byte[] {4});

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.bin");
        }
        assertThat(Files.readAllBytes(dir.resolve("a.bin"))).containsExactly(4);
    }
}
