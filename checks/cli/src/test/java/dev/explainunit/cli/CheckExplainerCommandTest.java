package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code check --explainer-command}: an explainer in another process, started from the command
 * line, run through the batch path and gone when the command returns. Needs python3 with numpy;
 * without it the tests are skipped with a loud line on stderr.
 */
class CheckExplainerCommandTest {

    /** The repository root, from the module folder surefire runs in. */
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final String NUMPY_GXI = "python3 " + ROOT.resolve("examples/python/gradient_x_input.py");
    private static final String FAULTS = "python3 " + ROOT.resolve("framework/src/test/python/faults.py");

    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @BeforeAll
    static void needsPythonWithNumpy() throws Exception {
        String why;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes()).strip();
            why = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "python3 cannot import numpy: " + output;
        } catch (java.io.IOException e) {
            why = "python3 cannot be run: " + e.getMessage();
        }
        if (why != null) {
            System.err.println("*** CHECK --explainer-command TESTS SKIPPED: " + why + " ***");
        }
        assumeTrue(why == null, why);
    }

    private int run(String... args) {
        CommandLine cl = ExplainUnitCommand.commandLine();
        cl.setOut(new PrintWriter(stdout));
        cl.setErr(new PrintWriter(stderr));
        return cl.execute(args);
    }

    /** Processes this JVM started that are still running and run {@code script}. */
    private static long runningChildren(String script) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(script)).count();
    }

    @Test
    void a_numpy_explainer_passes_through_the_process_bridge_and_its_process_is_gone_afterwards() {
        int code = run("check", "--explainer-command", NUMPY_GXI, "--task", "subtraction", "--models", "3",
                "--samples", "200", "--out", out.toString());
        assertThat(code).as(stdout + "\n" + stderr).isZero();
        assertThat(stdout.toString()).contains("verdict of [numpy-gradient-x-input] on subtraction: PASS");
        assertThat(Files.exists(out.resolve("report.json"))).isTrue();
        assertThat(runningChildren("gradient_x_input.py")).isZero();
    }

    @Test
    void a_command_that_cannot_be_started_is_a_one_line_usage_error() {
        assertThat(run("check", "--explainer-command", "no-such-program-8b1f explain.py", "--models", "1",
                "--samples", "10", "--out", out.toString())).isEqualTo(2);
        assertThat(stderr.toString().strip()).startsWith("explainunit: --explainer-command: explainer process "
                + "[no-such-program-8b1f explain.py] could not be started").doesNotContain("\n");
        assertThat(stdout.toString()).isEmpty();
    }

    @Test
    void a_command_that_dies_before_the_handshake_is_a_one_line_usage_error_quoting_its_last_stderr_line() {
        assertThat(run("check", "--explainer-command", FAULTS + " crash-on-start", "--models", "1", "--samples", "10",
                "--out", out.toString())).isEqualTo(2);
        assertThat(stderr.toString().strip()).contains("exited with code 4")
                .endsWith("its stderr ends: cannot load the weights of my method").doesNotContain("\n");
        assertThat(runningChildren("faults.py")).isZero();
    }

    @Test
    void an_explainer_that_reports_errors_fails_the_contract_with_its_message_and_stderr_tail() {
        int code = run("check", "--explainer-command", FAULTS + " error", "--task", "addition", "--models", "1",
                "--samples", "10", "--out", out.toString());
        assertThat(code).as(stdout + "\n" + stderr).isEqualTo(1);
        assertThat(stdout.toString()).contains("FAIL  addition     contract")
                .contains("SKIP  addition     ground-truth correlation   [")
                .contains("ValueError: relevance undefined for target 0")
                .contains("| about to fail")
                .contains("rerun: explainunit check --explainer-command '" + FAULTS + " error' --task addition")
                .doesNotContain("\tat dev.explainunit.").doesNotContain("explainunit_bridge.py");
        assertThat(runningChildren("faults.py")).isZero();
    }

    @Test
    void an_explainer_that_hangs_mid_run_is_stopped_after_about_twice_the_time_limit_not_a_chunk_times_it()
            throws Exception {
        // it hangs at its 51st input, in the chunk of 32 inputs that starts at the 32nd: the time limit
        // per input would give that chunk 32 s; the bound of this test is far below it
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> run("check", "--explainer-command",
                FAULTS + " hang-after 50", "--time-limit", "1s", "--task", "addition", "--models", "1", "--samples",
                "200", "--out", out.toString()));

        assertThat(code.get(25, TimeUnit.SECONDS)).as(stdout + "\n" + stderr).isEqualTo(1);
        assertThat(stdout.toString()).contains("FAIL  addition     contract")
                .contains("(twice the limit of 1 s per call, plus 32 inputs at the ")
                .contains("--time-limit 1s");
        assertThat(runningChildren("faults.py")).isZero();
    }

    @Test
    void explainer_and_explainer_command_together_or_neither_are_usage_errors() {
        assertThat(run("check", "--explainer", "gradient", "--explainer-command", NUMPY_GXI)).isEqualTo(2);
        assertThat(stderr.toString()).contains("give --explainer or --explainer-command, not both");
        assertThat(run("check", "--models", "1")).isEqualTo(2);
        assertThat(stderr.toString()).contains("check needs --explainer ID-or-CLASS or --explainer-command CMD");
    }

    @Test
    void an_unclosed_quote_in_the_command_is_a_usage_error() {
        assertThat(run("check", "--explainer-command", "python3 'my explainer.py", "--out", out.toString()))
                .isEqualTo(2);
        assertThat(stderr.toString().strip()).isEqualTo("explainunit: --explainer-command [python3 'my explainer.py]"
                + " has an unclosed ' quote");
    }
}
