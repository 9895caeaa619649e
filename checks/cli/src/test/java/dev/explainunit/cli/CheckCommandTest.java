package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.report.Report;
import dev.explainunit.report.SentimentSection;
import dev.explainunit.report.Table2Section;
import dev.explainunit.report.ReportJson;
import dev.explainunit.report.ScatterSeries;
import dev.explainunit.report.SelectivityCurve;
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
    void the_report_of_check_has_the_explainers_table2_row_scatter_heatmap_and_curves_beside_the_references()
            throws Exception {
        int code = run("check", "--explainer", "gradient-x-input", "--task", "subtraction", "--models", "2",
                "--samples", "60", "--out", out.toString());
        assertThat(code).as(stdout + "\n" + stderr).isZero();

        Report report = ReportJson.read(out.resolve("report.json"));
        assertThat(Table2Section.in(report).table2().get("subtraction")).containsOnlyKeys("gradient-x-input");
        assertThat(Table2Section.in(report).scatter()).extracting(ScatterSeries::method).containsExactly("gradient-x-input", "lrp-all");
        assertThat(Table2Section.in(report).examples()).singleElement()
                .satisfies(e -> assertThat(e.relevance()).containsOnlyKeys("gradient-x-input", "lrp-all"));
        assertThat(Table2Section.in(report).selectivity()).extracting(SelectivityCurve::method).startsWith("gradient-x-input")
                .contains("lrp-all", "cd", "operands first", "random").doesNotHaveDuplicates();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("gradient-x-input · subtraction", "cd (reference) · subtraction",
                "lrp-all (paper)");
        // the checks decide the headline, not the paper's verdicts of methods that were not checked
        assertThat(Files.readString(out.resolve("report.md"))).contains("All 6 checks passed")
                .doesNotContain("verdicts agree with the paper");
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
    void a_failure_prints_its_counterexample_table_and_the_command_line_that_reruns_it() {
        int code = run("check", "--explainer", "gradient", "--task", "addition", "--models", "2", "--samples",
                "100", "--seed", "7", "--out", out.toString());
        assertThat(code).isEqualTo(1);
        assertThat(stdout.toString()).contains("Counterexample on model").contains("<- a").contains("<- b")
                .contains("rerun: explainunit check --explainer gradient --task addition --models 2 --samples 100"
                        + " --seed 7");
    }

    @Test
    void an_explainer_that_does_not_apply_to_the_toy_models_is_a_one_line_usage_error_saying_why() throws Exception {
        assertThat(run("check", "--explainer", "occlusion-p-diff", "--models", "2", "--samples", "20", "--out",
                out.toString())).isEqualTo(2);
        assertThat(stderr.toString().strip()).contains("occlusion-p-diff does not apply to the addition task's models")
                .contains("a regression model").doesNotContain("\n");
        assertThat(stderr.toString().strip().lines()).hasSize(1);
        // the report says what happened, as the test engine's does, instead of keeping an earlier run's
        assertThat(Files.readString(out.resolve("report.md"))).contains("No check applied, 12 not applicable")
                .contains("occlusion-p-diff · addition · relevant-mass (not applicable)");
    }

    @Test
    void more_models_than_the_zoo_bundles_is_a_usage_error_naming_the_available_count() {
        assertThat(run("check", "--explainer", "gradient", "--task", "addition", "--models", "51", "--samples", "20",
                "--out", out.toString())).isEqualTo(2);
        assertThat(stderr.toString().strip()).contains("--models 51: the addition task has only 50 models");
        assertThat(stdout.toString()).isEmpty();
    }

    @Test
    void a_negative_or_undefined_eps_or_bias_factor_is_a_usage_error() {
        for (String[] bad : new String[][] {{"--eps", "-1"}, {"--eps", "NaN"}, {"--eps", "Infinity"},
                {"--bias-factor", "NaN"}}) {
            StringWriter err = new StringWriter();
            CommandLine cl = ExplainUnitCommand.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            assertThat(cl.execute("check", "--explainer", "lrp-all", bad[0], bad[1])).as(bad[0] + " " + bad[1])
                    .isEqualTo(2);
            assertThat(err.toString()).as(bad[0] + " " + bad[1]).contains(bad[0] + " must be a finite number");
        }
    }

    @Test
    void a_time_limit_without_a_unit_or_not_positive_is_a_one_line_usage_error() {
        for (String[] bad : new String[][] {{"10", "--time-limit [10] needs a unit: 10s or 10ms"},
                {"soon", "--time-limit [soon] is not a duration such as 30s, 500ms or 2m"},
                {"0s", "--time-limit: the time limit of one explain call must be positive, is 0 ms"}}) {
            StringWriter err = new StringWriter();
            CommandLine cl = ExplainUnitCommand.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            assertThat(cl.execute("check", "--explainer", "lrp-all", "--time-limit", bad[0])).as(bad[0]).isEqualTo(2);
            assertThat(err.toString().strip()).isEqualTo("explainunit: " + bad[1]);
        }
    }

    @Test
    void a_time_limit_is_read_with_its_unit() {
        assertThat(CheckCommand.millis("30s")).isEqualTo(30_000);
        assertThat(CheckCommand.millis("500ms")).isEqualTo(500);
        assertThat(CheckCommand.millis("1.5s")).isEqualTo(1500);
        assertThat(CheckCommand.millis("2m")).isEqualTo(120_000);
    }

    @Test
    void a_sample_count_whose_relevances_do_not_fit_in_memory_is_a_usage_error_naming_the_limit() {
        assertThat(run("check", "--explainer", "lrp-all", "--task", "addition", "--samples", "999999999"))
                .isEqualTo(2);
        assertThat(stderr.toString()).contains("--samples 999999999").contains("more than half of the maximum heap")
                .contains("samples fit");
    }

    @Test
    void an_output_directory_that_cannot_be_written_is_a_usage_error_before_any_work() throws Exception {
        Path below = Files.writeString(out.resolve("taken"), "x").resolve("report");
        assertThat(run("check", "--explainer", "lrp-all", "--task", "addition", "--models", "2", "--samples", "20",
                "--out", below.toString())).isEqualTo(2);
        assertThat(stderr.toString().strip()).contains("--out " + below, "cannot be written").doesNotContain("\n");
        assertThat(stdout.toString()).isEmpty();
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
    void a_missing_class_path_entry_is_refused_by_name_even_when_a_built_in_explainer_is_named() {
        Path missing = out.resolve("nonexistent.jar");

        assertThat(run("check", "--explainer", "cd", "--classpath", missing.toString(), "--out", out.toString()))
                .isEqualTo(2);
        assertThat(stderr.toString()).isEqualTo("explainunit: --classpath entry " + missing + " does not exist"
                + System.lineSeparator());
        assertThat(stdout.toString()).isEmpty();
    }

    @Test
    void lrp_options_given_for_a_method_that_does_not_read_them_are_named_in_one_warning_line() {
        int code = run("check", "--explainer", "cd", "--eps", "0.1", "--bias-factor", "1", "--task", "subtraction",
                "--models", "1", "--samples", "20", "--out", out.toString());

        assertThat(code).as(stderr.toString()).isIn(0, 1);
        assertThat(stderr.toString()).isEqualTo("explainunit: warning: --eps and --bias-factor are ignored: only the"
                + " built-in LRP methods (lrp-all, lrp-prop, lrp-abs, lrp-half) read them, not cd"
                + System.lineSeparator());
        assertThat(stdout.toString()).contains("verdict of [cd] on subtraction");
    }

    @Test
    void a_class_path_given_with_a_built_in_explainer_is_a_one_line_warning_because_it_is_not_searched() {
        int code = run("check", "--explainer", "cd", "--classpath", out.toString(), "--task", "subtraction",
                "--models", "1", "--samples", "20", "--out", out.toString());

        assertThat(code).as(stderr.toString()).isIn(0, 1);
        assertThat(stderr.toString()).isEqualTo("explainunit: warning: --classpath is not searched: cd is a built-in"
                + " explainer, which comes first" + System.lineSeparator());
    }

    @Test
    void an_unknown_task_is_a_usage_error_naming_the_known_ones() {
        assertThat(run("check", "--explainer", "lrp-all", "--task", "division")).isEqualTo(2);
        assertThat(stderr.toString()).contains("unknown task [division]");
    }

    @Test
    void checks_and_thresholds_are_chosen_as_the_annotation_and_the_properties_choose_them() throws Exception {
        int code = run("check", "--explainer", "lrp-prop", "--task", "addition", "--models", "2", "--samples", "50",
                "--checks", "relevant-mass,contract", "--threshold", "mass=0.1", "--out", out.toString());

        assertThat(code).as(stdout + "\n" + stderr).isZero();
        assertThat(stdout.toString().lines().filter(l -> l.startsWith("PASS") || l.startsWith("FAIL")).toList())
                .hasSize(2).anySatisfy(l -> assertThat(l).contains("relevant mass"))
                .anySatisfy(l -> assertThat(l).contains("contract"));
        com.fasterxml.jackson.databind.JsonNode mass = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("report.json").toFile()).get("checks").findParents("check").stream()
                .filter(c -> c.get("check").asText().equals("relevant-mass")).findFirst().orElseThrow();
        assertThat(mass.get("threshold").asDouble()).isEqualTo(0.1);
    }

    @Test
    void a_bad_check_or_threshold_is_a_one_line_usage_error_naming_the_option() {
        for (String[] bad : new String[][] {
                {"--checks", "relevant-mas", "explainunit: --checks: unknown check [relevant-mas]; did you mean"
                        + " relevant-mass? The checks: contract, ground-truth-correlation, relevance-conservation,"
                        + " relevant-mass, perturbation-selectivity, model-randomization, composition"},
                {"--threshold", "masss=0.5", "explainunit: --threshold masss: unknown threshold; did you mean mass?"},
                {"--threshold", "mass=most", "explainunit: --threshold mass = [most] is not a number"},
                {"--threshold", "mass=NaN", "explainunit: --threshold mass = [NaN] is not a finite number"},
                {"--checks", "composition", "explainunit: --checks: no check chosen exists on the addition task"}}) {
            StringWriter err = new StringWriter();
            CommandLine cl = ExplainUnitCommand.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            assertThat(cl.execute("check", "--explainer", "lrp-all", "--task", "addition", bad[0], bad[1]))
                    .as(bad[1]).isEqualTo(2);
            assertThat(err.toString().strip()).as(bad[1]).startsWith(bad[2]).doesNotContain("\n");
        }
    }
}
