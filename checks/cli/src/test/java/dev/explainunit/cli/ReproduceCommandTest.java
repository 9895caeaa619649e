package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.reproduce.ReproduceSettings;
import dev.explainunit.reproduce.Table2Reproduction;
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
        assertThat(r.err).contains("--task", "multiplication", "known tasks: addition, subtraction, addition-gru", "sentiment");
    }

    @Test
    void samples_and_seed_given_with_the_sentiment_task_are_named_as_ignored_before_any_work() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Result r = run("reproduce", "--task", "sentiment", "--samples", "5", "--seed", "3", "--out", file.toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).first().isEqualTo("explainunit: warning: --samples and --seed are ignored with"
                + " --task sentiment: its experiments use every test sentence and a fixed seed");
        assertThat(r.err).contains("is a file, not a directory");
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

    @Test
    void samples_whose_relevances_would_not_fit_in_half_the_heap_are_refused_before_any_work() {
        Result r = run("reproduce", "--samples", "999999", "--out", dir.resolve("report").toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("--samples 999999", "half of the", "use at most --samples");
        assertThat(r.out).isEmpty();
        assertThat(dir.resolve("report").resolve("report.json")).doesNotExist();
    }

    @Test
    void the_suggested_sample_limit_is_the_largest_that_fits_in_half_the_heap() {
        ReproduceSettings paper = ReproduceSettings.paper(1);
        long heap = 2_000_000_000L;
        long max = Table2Reproduction.maxSamples(paper, 50, heap / 2);

        assertThat(Table2Reproduction.estimatedBytes(paper.withSamples((int) max), 50)).isLessThanOrEqualTo(heap / 2);
        assertThat(Table2Reproduction.estimatedBytes(paper.withSamples((int) max + 1), 50)).isGreaterThan(heap / 2);
        // both tasks at once, each with its sequences and two populations of 50 models
        assertThat(Table2Reproduction.estimatedBytes(paper.withSamples(1000), 50))
                .isEqualTo(2 * 1000 * (Table2Reproduction.memoryEstimate(paper).bytesPerSample()
                        + 2 * 50 * Table2Reproduction.memoryEstimate(paper).bytesPerExplanation()));
        // the estimate reads the toy samples' shape: T = 14 steps of 2 inputs, 2 relevant positions
        assertThat(Table2Reproduction.memoryEstimate(paper)).isEqualTo(
                dev.explainunit.checks.MemoryEstimate.of(14, 2, 2));
    }

    @Test
    void an_output_directory_below_a_file_is_refused_before_any_work() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Result r = run("reproduce", "--out", file.resolve("x").toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("--out " + file.resolve("x"), "cannot be written");
        assertThat(r.out).isEmpty();
    }

    @Test
    void a_json_file_below_a_file_is_refused_before_any_work() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Result r = run("reproduce", "--out", dir.resolve("report").toString(), "--json",
                file.resolve("t.json").toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("--json " + file.resolve("t.json"), "cannot be written");
        assertThat(r.out).isEmpty();
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
