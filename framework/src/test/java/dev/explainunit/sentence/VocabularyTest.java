package dev.explainunit.sentence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return file(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(byte[] bytes) throws Exception {
        Path path = dir.resolve("vocab.txt");
        Files.write(path, bytes);
        return path;
    }

    @Test
    void line_i_is_id_i_and_a_last_line_without_newline_counts() throws Exception {
        Vocabulary v = Vocabulary.read(file("<unk>\nnot\nbon\u00e9\ngood"));

        assertThat(v.size()).isEqualTo(4);
        assertThat(v.id("not")).isEqualTo(1);
        assertThat(v.id("bon\u00e9")).isEqualTo(2);
        assertThat(v.token(3)).isEqualTo("good");
    }

    @Test
    void an_unknown_word_maps_to_unk_where_the_vocabulary_has_it_and_is_refused_naming_it_otherwise() {
        assertThat(Vocabulary.of(List.of("a", "<unk>")).id("zebra")).isEqualTo(1);
        assertThatThrownBy(() -> Vocabulary.of(List.of("a", "b")).id("zebra"))
                .isInstanceOf(UnknownWordException.class)
                .hasMessage("unknown word 'zebra': not in the vocabulary, which has no <unk> token");
    }

    @Test
    void written_and_read_back_it_is_the_same() throws Exception {
        Vocabulary v = SentimentCorpus.vocabulary();
        Path path = dir.resolve("sub/vocab.txt");

        v.write(path);

        assertThat(Vocabulary.read(path).tokens()).isEqualTo(v.tokens());
    }

    @Test
    void each_defect_is_refused_naming_file_line_and_defect() throws Exception {
        String f = dir.resolve("vocab.txt").toString();
        assertRefused(file(""), f + ": empty; a vocabulary holds one token a line");
        assertRefused(file("a\n\nb\n"), f + ":2: empty token");
        assertRefused(file("a\nb\nc\nb\n"), f + ":4: duplicate token 'b' (also on line 2)");
        assertRefused(file("a\nb c\n"), f + ":2: token 'b c' holds whitespace (U+0020 at 1); one token a line,"
                + " ended by \\n");
        assertRefused(file(new byte[] {'a', '\n', (byte) 0xC3, '\n'}), f + ":2: not valid UTF-8");
        assertRefused(file("\uFEFFa\n"), f + ":1: starts with a byte order mark; save the file as UTF-8 without BOM");
    }

    @Test
    void crlf_line_ends_and_trailing_empty_lines_are_what_editors_and_echo_make_and_read_as_the_same_tokens()
            throws Exception {
        List<String> tokens = List.of("<unk>", "not", "good");
        for (String text : List.of("<unk>\r\nnot\r\ngood\r\n", "<unk>\r\nnot\r\ngood", "<unk>\nnot\ngood\n\n",
                "<unk>\nnot\ngood\n\n\n", "<unk>\r\nnot\r\ngood\r\n\r\n")) {
            assertThat(Vocabulary.read(file(text)).tokens()).as(text).isEqualTo(tokens);
        }
        String f = dir.resolve("vocab.txt").toString();
        assertRefused(file("a\n\nb\n\n"), f + ":2: empty token");
        assertRefused(file("a\r\n\r\nb\r\n"), f + ":2: empty token");
    }

    private static void assertRefused(Path path, String message) {
        assertThatThrownBy(() -> Vocabulary.read(path)).isInstanceOf(MalformedDataException.class).hasMessage(message);
    }

    @Test
    void mutated_and_truncated_files_give_a_vocabulary_or_a_file_line_message_only() throws Exception {
        byte[] valid = String.join("\n", SentimentCorpus.vocabulary().tokens().subList(0, 40))
                .concat("\n").getBytes(StandardCharsets.UTF_8);
        Random random = new Random(7);
        String name = dir.resolve("vocab.txt").toString();
        int refused = 0;
        for (int c = 0; c < 2_000; c++) {
            byte[] b = valid.clone();
            switch (random.nextInt(3)) {
                case 0 -> b = Arrays.copyOf(b, random.nextInt(b.length));
                case 1 -> {
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                }
                default -> {
                    byte[] noise = new byte[random.nextInt(200)];
                    random.nextBytes(noise);
                    b = noise;
                }
            }
            try {
                Vocabulary v = Vocabulary.read(file(b));
                assertThat(v.size()).isPositive();
            } catch (MalformedDataException e) {
                assertThat(e.getMessage()).matches(java.util.regex.Pattern.quote(name) + "(:[1-9][0-9]*)?: .+");
                refused++;
            } catch (Throwable t) {
                fail("case " + c + " threw " + t + " on " + Arrays.toString(b), t);
            }
        }
        assertThat(refused).isGreaterThan(500);
    }
}
