package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExplainUnitCommandTest {

    @Test
    void an_unknown_subcommand_points_to_the_top_level_help() {
        CommandRun r = CommandRun.of("nosuch");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("nosuch", "(see 'explainunit --help')");
    }

    @Test
    void a_missing_option_of_a_nested_subcommand_points_to_that_subcommands_help() {
        CommandRun r = CommandRun.of("zoo", "export", "--task", "addition");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("--dir", "(see 'explainunit zoo export --help')");
    }

    @Test
    void no_subcommand_prints_the_usage_on_stderr_and_exits_2() {
        CommandRun r = CommandRun.of();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Usage: explainunit", "reproduce");
    }

    @Test
    void version_is_the_project_version_from_the_build() throws Exception {
        Properties build = new Properties();
        try (var in = ExplainUnitCommandTest.class.getResourceAsStream("/dev/explainunit/report/version.properties")) {
            build.load(in);
        }
        String version = build.getProperty("version");

        CommandRun r = CommandRun.of("--version");

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("explainunit " + version);
    }

    @Test
    void a_mistyped_required_option_is_named_as_unknown_with_its_correction_not_reported_as_missing() {
        CommandRun r = CommandRun.of("explain", "--modle", "m.safetensors", "--method", "cd", "--input", "in.json");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("explainunit: unknown option --modle; did you mean --model?" + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "reproduce --sampels 10                              | --sampels  | --samples",
            "check --explainer cd --clsspath x.jar               | --clsspath | --classpath",
            "explain --model m --mthod cd --input i              | --mthod    | --method",
            "train --tsk addition --models 1 --out x             | --tsk      | --task",
            "train --task addition --modles 1 --out x            | --modles   | --models",
            "zoo list --tsk addition                             | --tsk      | --task",
            "zoo export --task addition --dri x                  | --dri      | --dir",
            "bench --sconds 1                                    | --sconds   | --seconds",
            "bench --sed 1                                       | --sed      | --seed"})
    void every_command_names_a_mistyped_option_and_the_option_it_stands_for(String line, String typed, String meant) {
        CommandRun r = CommandRun.of(line.split(" "));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("explainunit: unknown option " + typed + "; did you mean " + meant + "?"
                + System.lineSeparator());
    }

    @Test
    void an_unknown_option_that_resembles_none_points_to_the_help_and_several_are_all_named() {
        CommandRun one = CommandRun.of("bench", "--xyz");
        CommandRun two = CommandRun.of("bench", "--sconds", "1", "--xyz=3");

        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(one.err().strip()).isEqualTo("explainunit: unknown option --xyz (see 'explainunit bench --help')");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err().strip()).isEqualTo("explainunit: unknown options --sconds (did you mean --seconds?), --xyz"
                + " (see 'explainunit bench --help')");
    }

    @Test
    void a_mistyped_command_or_subcommand_is_named_with_its_correction() {
        CommandRun command = CommandRun.of("reproduc", "--task", "addition");
        CommandRun subcommand = CommandRun.of("zoo", "lst");

        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err().strip()).isEqualTo("explainunit: unknown command 'reproduc'; did you mean reproduce?");
        assertThat(subcommand.exitCode()).isEqualTo(2);
        assertThat(subcommand.err().strip())
                .isEqualTo("explainunit: unknown subcommand 'lst' of 'explainunit zoo'; did you mean list?");
    }

    @Test
    void suggestions_are_the_names_at_the_smallest_edit_distance_or_those_extending_what_was_typed() {
        List<String> names = List.of("--model", "--models", "--method", "--seed", "--seconds", "-h");

        assertThat(UnmatchedArguments.closest("--modle", names)).containsExactly("--model");
        assertThat(UnmatchedArguments.closest("--sed", names)).containsExactly("--seed");
        assertThat(UnmatchedArguments.closest("--sec", names)).containsExactly("--seconds");
        assertThat(UnmatchedArguments.closest("-x", names)).isEmpty();
        assertThat(UnmatchedArguments.closest("--zzzzzz", names)).isEmpty();
        assertThat(dev.explainunit.checks.Suggestions.distance("modle", "model")).isEqualTo(1);
        assertThat(dev.explainunit.checks.Suggestions.distance("abc", "")).isEqualTo(3);
        assertThat(dev.explainunit.checks.Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
