package dev.explainunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The user guide's setup works when copied verbatim: every code block of {@code user-guide.md}
 * headed by a line {@code File `PATH`:} is byte for byte the file PATH of {@code src/it/user-guide},
 * the project the invoker builds and verifies (explainer compiled, sanity tests run). The only
 * difference allowed is the version, which the invoker fills in for {@code @project.version@}.
 */
class UserGuideProjectTest {

    private static final Pattern FILE_LABEL = Pattern.compile("^File `([^`]+)`:$");
    private static final String VERSION_TOKEN = "@project.version@";
    /** Files of the project that belong to the invoker, not to the user. */
    private static final List<String> INVOKER_FILES = List.of("invoker.properties", "verify.bsh");

    private final Path root = Path.of(System.getProperty("userguide.root", ".."));
    private final Path guide = root.resolve("src/docs/user-guide.md");
    private final Path project = root.resolve("src/it/user-guide");
    private final String version = System.getProperty("userguide.version", "");

    @Test
    void the_guide_shows_every_file_of_the_verified_project_and_no_other() throws IOException {
        assertThat(snippets(guide).keySet()).containsExactlyElementsOf(projectFiles().keySet());
    }

    @Test
    void each_file_of_the_verified_project_is_its_snippet_in_the_guide_byte_for_byte() throws IOException {
        assertThat(version).as("the build's version (system property userguide.version)").isNotBlank();
        Map<String, String> snippets = snippets(guide);
        projectFiles().forEach((path, text) -> assertThat(snippets.get(path))
                .as("the guide's snippet of %s", path)
                .isEqualTo(text.replace(VERSION_TOKEN, version)));
    }

    @Test
    void the_snippet_reader_takes_the_block_under_a_label_verbatim_and_ignores_unlabelled_blocks()
            throws IOException {
        Path markdown = Files.createTempFile("guide", ".md");
        try {
            Files.writeString(markdown, String.join("\n",
                    "```java", "class Unlabelled {}", "```",
                    "File `src/A.java`:", "", "```java", "class A {", "  int x;", "}", "```", ""));
            assertThat(snippets(markdown)).containsExactly(Map.entry("src/A.java", "class A {\n  int x;\n}\n"));
        } finally {
            Files.delete(markdown);
        }
    }

    /** The labelled code blocks of a Markdown file: path to content, each line ending in \n. */
    private static Map<String, String> snippets(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        Map<String, String> snippets = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher label = FILE_LABEL.matcher(lines.get(i));
            if (!label.matches()) {
                continue;
            }
            int open = i + 1;
            while (open < lines.size() && lines.get(open).isBlank()) {
                open++;
            }
            assertThat(open < lines.size() && lines.get(open).startsWith("```"))
                    .as("%s line %d: a code block follows the label %s", markdown, i + 1, label.group(1))
                    .isTrue();
            StringBuilder block = new StringBuilder();
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).startsWith("```")) {
                block.append(lines.get(close)).append('\n');
                close++;
            }
            assertThat(snippets.put(label.group(1), block.toString()))
                    .as("%s: %s is shown once", markdown, label.group(1)).isNull();
            i = close;
        }
        return snippets;
    }

    /** The user's files of the verified project: relative path to content. */
    private Map<String, String> projectFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(project)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path path : paths) {
            String relative = project.relativize(path).toString().replace('\\', '/');
            if (!INVOKER_FILES.contains(relative) && !relative.startsWith("target/")) {
                files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
