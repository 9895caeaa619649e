package dev.explainunit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line such as {@code python3 "my explainer.py" --fast} into its words without a
 * shell (no variables, globs, pipes or redirections): words are separated by whitespace; inside
 * single quotes every character is literal; inside double quotes a backslash escapes {@code "} and
 * {@code \}; outside quotes a backslash makes the next character literal. {@code ''} or {@code ""}
 * is an empty word.
 */
final class CommandWords {

    private CommandWords() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws UsageException naming {@code option} if a quote is not closed, the line ends in a
     *                        backslash, or there is no word at all
     */
    static List<String> split(String line, String option) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && k + 1 < line.length() && (line.charAt(k + 1) == '"' || line.charAt(k + 1) == '\\')) {
                    word.append(line.charAt(++k));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    if (k + 1 == line.length()) {
                        throw new UsageException(option + " [" + line + "] ends in a backslash");
                    }
                    word.append(line.charAt(++k));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new UsageException(option + " [" + line + "] has an unclosed " + quote + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new UsageException(option + " needs a command, e.g. \"python3 my_explainer.py\"");
        }
        return words;
    }
}
