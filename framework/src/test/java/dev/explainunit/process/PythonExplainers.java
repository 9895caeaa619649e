package dev.explainunit.process;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python test explainers of src/test/python and the check that python3 with numpy is there.
 * Without it the tests are skipped with a loud line on stderr, never passed silently.
 */
final class PythonExplainers {

    static final Path FOLDER = Path.of("src", "test", "python").toAbsolutePath();

    private static final String PYTHON = "python3";
    private static Boolean available;
    private static String missing = "";

    private PythonExplainers() {
    }

    /** Skips the calling test, loudly, when python3 with numpy cannot be run. */
    static synchronized void assumePythonWithNumpy() {
        if (available == null) {
            available = probe();
            if (!available) {
                System.err.println("*** PROCESS BRIDGE TESTS SKIPPED: " + missing
                        + " (install python3 and numpy, e.g. apt-get install python3-numpy) ***");
            }
        }
        assumeTrue(available, () -> "SKIPPED: " + missing);
    }

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import numpy").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                missing = "python3 cannot import numpy: " + lastLine(output);
                return false;
            }
            return true;
        } catch (Exception e) {
            missing = "python3 cannot be run: " + e.getMessage();
            return false;
        }
    }

    /** The command running {@code script} of src/test/python with {@code arguments}. */
    static String[] command(String script, String... arguments) {
        List<String> words = new ArrayList<>(List.of(PYTHON, FOLDER.resolve(script).toString()));
        words.addAll(List.of(arguments));
        return words.toArray(String[]::new);
    }

    /** The command line as messages show it. */
    static String commandLine(String script, String... arguments) {
        return String.join(" ", command(script, arguments));
    }

    /** Processes started by this JVM (children and their descendants) whose command line contains {@code text}. */
    static List<ProcessHandle> descendants(String text) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(text))
                .toList();
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
