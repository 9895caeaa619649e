package dev.explainunit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An explainer process notices that the JVM that started it is gone (SIGKILL: a CI timeout, the OOM
 * killer, a killed surefire fork, where no shutdown hook runs) by the end of its standard input,
 * also while the user's code is busy, and exits together with the processes it started.
 */
class KilledJvmTest {

    @BeforeEach
    void needsPython() {
        PythonExplainers.assumePythonWithNumpy();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @ParameterizedTest(name = "explainer {0} when the JVM is killed")
    @ValueSource(strings = {"idle", "busy"})
    void an_explainer_process_and_its_child_exit_when_the_jvm_that_started_them_is_killed(String state)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JvmKilledWithExplainer.class.getName(), state).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> descendants;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the JVM printed the process ids of its explainer and its child").isNotBlank();
            descendants = Arrays.stream(line.trim().split(" ")).map(Long::valueOf).toList();
            assertThat(descendants).as("the explainer process and the child it started").hasSizeGreaterThanOrEqualTo(2);
        } finally {
            jvm.destroyForcibly();  // SIGKILL
        }
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (descendants.stream().anyMatch(KilledJvmTest::alive) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(descendants).as("processes still alive 10 s after the JVM was killed")
                    .filteredOn(KilledJvmTest::alive).isEmpty();
        } finally {
            descendants.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }
}
