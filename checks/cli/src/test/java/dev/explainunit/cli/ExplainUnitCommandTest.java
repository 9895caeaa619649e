package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

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
}
