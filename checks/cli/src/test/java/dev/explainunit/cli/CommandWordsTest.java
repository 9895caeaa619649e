package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandWordsTest {

    private static java.util.List<String> split(String line) {
        return CommandWords.split(line, "--explainer-command");
    }

    @Test
    void words_are_separated_by_any_whitespace() {
        assertThat(split("  python3\tmy_explainer.py   --fast ")).containsExactly("python3", "my_explainer.py", "--fast");
    }

    @Test
    void quotes_keep_spaces_and_are_removed_as_a_shell_removes_them() {
        assertThat(split("python3 'my explainer.py' \"--name=a b\" x'y z'")).containsExactly("python3",
                "my explainer.py", "--name=a b", "xy z");
    }

    @Test
    void single_quotes_are_literal_and_double_quotes_escape_only_quote_and_backslash() {
        assertThat(split("'a\\b' \"c\\\"d\\\\e\\f\" g\\ h ''")).containsExactly("a\\b", "c\"d\\e\\f", "g h", "");
    }

    @Test
    void no_shell_expansion_happens() {
        assertThat(split("echo $HOME * | cat > out")).containsExactly("echo", "$HOME", "*", "|", "cat", ">", "out");
    }

    @Test
    void an_unclosed_quote_a_trailing_backslash_and_an_empty_command_are_usage_errors_naming_the_option() {
        assertThatThrownBy(() -> split("python3 'my explainer.py")).isInstanceOf(UsageException.class)
                .hasMessage("--explainer-command [python3 'my explainer.py] has an unclosed ' quote");
        assertThatThrownBy(() -> split("python3 x.py \\")).isInstanceOf(UsageException.class)
                .hasMessageContaining("ends in a backslash");
        assertThatThrownBy(() -> split("   ")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--explainer-command needs a command");
    }
}
