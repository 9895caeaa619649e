package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReproduceCommandTest {

    @TempDir
    Path dir;

    @Test
    void unknown_task_is_one_line_naming_the_known_tasks_and_exit_code_2() {
        Result r = run("reproduce", "--task", "multiplication");

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("--task", "multiplication", "addition, subtraction");
    }

    @Test
    void fewer_than_two_samples_are_refused() {
        Result r = run("reproduce", "--samples", "1");

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("--samples must be at least 2");
    }

    @Test
    void a_non_numeric_seed_is_refused_by_the_parser_in_one_line() {
        Result r = run("reproduce", "--seed", "abc");

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("--seed");
    }

    @Test
    void an_output_directory_that_is_a_file_is_refused_before_any_work() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Result r = run("reproduce", "--out", file.toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--out", "is a file, not a directory");
    }

    private static Result run(String... args) {
        CommandLine cl = ExplainUnitCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
