package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {

    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ExplainUnitCommand.commandLine();
        cl.setOut(new PrintWriter(stdout));
        cl.setErr(new PrintWriter(stderr));
        return cl.execute(args);
    }

    @Test
    void a_passing_explainer_exits_0_prints_its_verdict_and_writes_the_report() {
        int code = run("check", "--explainer", "gradient-x-input", "--task", "subtraction", "--models", "3",
                "--samples", "200", "--out", out.toString());
        assertThat(code).as(stdout + "\n" + stderr).isZero();
        assertThat(stdout.toString()).contains("verdict of [gradient-x-input] on subtraction: PASS");
        assertThat(Files.exists(out.resolve("report.json"))).isTrue();
    }

    @Test
    void a_failing_explainer_exits_1_with_the_failed_checks_named() {
        int code = run("check", "--explainer", "gradient", "--task", "addition", "--models", "2", "--samples",
                "100", "--out", out.toString());
        assertThat(code).isEqualTo(1);
        assertThat(stdout.toString()).contains("FAIL").contains("ground-truth correlation")
                .contains("verdict of [gradient] on addition: FAIL");
    }

    @Test
    void an_unknown_explainer_is_a_one_line_usage_error() {
        assertThat(run("check", "--explainer", "no.such.Explainer")).isEqualTo(2);
        assertThat(stderr.toString().strip()).startsWith("explainunit: unknown explainer [no.such.Explainer]")
                .doesNotContain("\n");
    }

    @Test
    void a_class_that_is_not_an_explainer_is_a_usage_error() {
        assertThat(run("check", "--explainer", "java.lang.String")).isEqualTo(2);
        assertThat(stderr.toString()).contains("does not implement dev.explainunit.Explainer");
    }

    @Test
    void a_missing_class_path_entry_is_a_usage_error() {
        assertThat(run("check", "--explainer", "x.Y", "--classpath", out.resolve("missing.jar").toString()))
                .isEqualTo(2);
        assertThat(stderr.toString()).contains("does not exist");
    }

    @Test
    void an_unknown_task_is_a_usage_error_naming_the_known_ones() {
        assertThat(run("check", "--explainer", "lrp-all", "--task", "division")).isEqualTo(2);
        assertThat(stderr.toString()).contains("unknown task [division]");
    }
}
