package dev.explainunit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Explainer processes and model files a JVM left open are gone when it exits or is terminated. */
class ShutdownHookTest {

    @BeforeEach
    void needsPython() {
        PythonExplainers.assumePythonWithNumpy();
    }

    @ParameterizedTest(name = "the JVM {0}s")
    @ValueSource(strings = {"exit", "wait"})
    void explainer_processes_die_and_model_files_go_with_the_jvm_that_started_them(String ending, @TempDir Path temp)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(java, "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                ExplainerLeftOpen.class.getName(), ending).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> children;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the child JVM printed its explainer's process id").isNotBlank();
            children = Arrays.stream(line.trim().split(" ")).map(Long::valueOf).toList();
            assertThat(children).isNotEmpty();
            if (ending.equals("wait")) {
                jvm.destroy();  // SIGTERM: the JVM runs its shutdown hooks
            }
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (Stream<Path> left = Files.list(temp)) {
                assertThat(left).as("model folders left in the temporary directory").isEmpty();
            }
        } finally {
            jvm.destroyForcibly();
        }
        for (long pid : children) {
            Optional<ProcessHandle> child = ProcessHandle.of(pid);
            if (child.isPresent()) {
                child.get().onExit().get(10, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("process %d", pid).isNotEqualTo(Optional.of(true));
        }
    }
}
