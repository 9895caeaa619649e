package dev.explainunit.sentence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentenceReaderTest {

    private static final String NAME = "data.jsonl";
    private static final Vocabulary NO_UNK = Vocabulary.of(List.of("not", "very", "good", "."));

    @TempDir
    Path dir;

    private static List<SentenceRecord> read(String text, int classes, Vocabulary vocabulary) throws Exception {
        return read(text.getBytes(StandardCharsets.UTF_8), classes, vocabulary);
    }

    private static List<SentenceRecord> read(byte[] bytes, int classes, Vocabulary vocabulary) throws Exception {
        List<SentenceRecord> all = new ArrayList<>();
        try (SentenceReader in = SentenceReader.of(new ByteArrayInputStream(bytes), NAME).withClasses(classes)
                .withVocabulary(vocabulary)) {
            for (SentenceRecord s = in.next(); s != null; s = in.next()) {
                all.add(s);
            }
        }
        return all;
    }

    @Test
    void tokens_or_text_split_on_whitespace_give_the_words_label_and_line() throws Exception {
        List<SentenceRecord> s = read("{\"tokens\": [\"not\", \"very\", \"good\", \".\"], \"label\": 1}\n"
                + "\n"
                + "{\"label\": 3, \"id\": {\"x\": [1]}, \"text\": \" very\\tgood\\u00a0. \"}\n", 5, null);

        assertThat(s).containsExactly(new SentenceRecord(List.of("not", "very", "good", "."), 1, 1),
                new SentenceRecord(List.of("very", "good", "."), 3, 3));
    }

    @Test
    void an_unknown_word_maps_to_unk_where_the_vocabulary_has_it() throws Exception {
        assertThat(read("{\"text\": \"not great\", \"label\": 0}", 5, SentimentCorpus.vocabulary()).get(0).tokens())
                .containsExactly("not", "great");
    }

    @Test
    void each_defect_is_refused_as_file_line_defect() {
        assertRefused("{\"text\": \"good\", \"label\": 1}\n{\"text\": \"good\" \"label\": 1}",
                NAME + ":2: not valid JSON at column 17: Unexpected character ('\"' (code 34)): was expecting comma"
                        + " to separate Object entries");
        assertRefused("{\"label\": 1}", NAME + ":1: has neither \"tokens\" nor \"text\"");
        assertRefused("{\"text\": \"good\", \"tokens\": [\"good\"], \"label\": 1}",
                NAME + ":1: has both \"tokens\" and \"text\"; give one");
        assertRefused("{\"text\": \"  \", \"label\": 1}", NAME + ":1: empty sentence");
        assertRefused("{\"tokens\": [], \"label\": 1}", NAME + ":1: empty sentence");
        assertRefused("{\"tokens\": [\"good\", \"\"], \"label\": 1}", NAME + ":1: token 1 is empty");
        assertRefused("{\"tokens\": [\"very good\"], \"label\": 1}",
                NAME + ":1: token 0 'very good' holds whitespace; a token is one word");
        assertRefused("{\"text\": \"good\", \"label\": 1.5}", NAME + ":1: label 1.5 is not an integer");
        assertRefused("{\"text\": \"good\", \"label\": \"1\"}", NAME + ":1: label \"1\" is a string; write the"
                + " number without quotes: \"label\": 1");
        assertRefused("{\"text\": \"good\", \"label\": \"positive\"}", NAME + ":1: label \"positive\" is a string;"
                + " a label is the class number 0..4");
        assertRefused("{\"text\": \"good\", \"label\": 5}", NAME + ":1: label 5 outside 0..4");
        assertRefused("{\"text\": \"good\", \"label\": -1}", NAME + ":1: label -1 outside 0..4");
        assertRefused("{\"text\": \"good\", \"label\": 99999999999}", NAME + ":1: label 99999999999 is out of range;"
                + " expected 0..4");
        assertRefused("{\"text\": \"good\"}", NAME + ":1: has no \"label\"");
        assertRefused("[1]", NAME + ":1: not a JSON object; a line holds {\"tokens\": [...], \"label\": n}");
        assertRefused("{\"text\": \"good\", \"label\": 1} {}", NAME + ":1: more after the JSON object, at column 31;"
                + " one object a line");
        assertRefused("{\"text\": \"good\", \"label\": 1, \"label\": 2}",
                NAME + ":1: not valid JSON at column 37: Duplicate field 'label'");
        assertRefused("{\"text\": \"not bad\", \"label\": 1}", NAME + ":1: unknown word 'bad': not in the vocabulary,"
                + " which has no <unk> token (token 1)");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> read(text, 5, NO_UNK)).isInstanceOf(MalformedDataException.class)
                .hasMessage(message);
    }

    @Test
    void invalid_utf8_is_refused_on_its_line() {
        byte[] bytes = "{\"text\": \"good\", \"label\": 1}\n{\"text\": \"go\u00e9d\", \"label\": 1}\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(bytes, bytes.length);
        broken[bytes.length - 18] = (byte) 0xFF;
        assertThatThrownBy(() -> read(broken, 5, null)).isInstanceOf(MalformedDataException.class)
                .hasMessage(NAME + ":2: not valid UTF-8");
    }

    @Test
    void labels_may_be_left_out_where_they_are_optional() throws Exception {
        try (SentenceReader in = SentenceReader.of(new ByteArrayInputStream("{\"text\": \"good\"}".getBytes(
                StandardCharsets.UTF_8)), NAME).labelsOptional()) {
            SentenceRecord s = in.next();
            assertThat(s.hasLabel()).isFalse();
            assertThat(in.next()).isNull();
        }
    }

    @Test
    void the_corpus_written_as_json_lines_reads_back_the_same() throws Exception {
        SentimentCorpus corpus = SentimentCorpus.generate(3);
        List<SentenceRecord> written = corpus.validation().stream().map(CorpusSentence::toRecord).toList();
        Path file = dir.resolve("validation.jsonl");

        SentenceWriter.write(file, written);
        List<SentenceRecord> back = SentenceReader.readAll(file, SentimentCorpus.CLASSES, SentimentCorpus.vocabulary());

        assertThat(back).hasSize(written.size());
        for (int k = 0; k < back.size(); k++) {
            assertThat(back.get(k).tokens()).isEqualTo(written.get(k).tokens());
            assertThat(back.get(k).label()).isEqualTo(written.get(k).label());
            assertThat(back.get(k).line()).isEqualTo(k + 1);
        }
    }

    @Test
    void words_with_quotes_backslashes_and_other_scripts_survive_the_round_trip() throws Exception {
        List<SentenceRecord> written = List.of(SentenceRecord.of(List.of("\"quoted\"", "back\\slash", "\u00e9t\u00e9",
                "\uD83D\uDE00", "{"), 4), new SentenceRecord(List.of("unlabelled"), SentenceRecord.NO_LABEL, 0));
        Path file = dir.resolve("odd.jsonl");

        SentenceWriter.write(file, written);

        try (SentenceReader in = SentenceReader.open(file).labelsOptional()) {
            assertThat(in.next().tokens()).isEqualTo(written.get(0).tokens());
            assertThat(in.next().hasLabel()).isFalse();
        }
    }

    /** An endless stream of one line: reading it record by record must not hold it whole. */
    @Test
    void the_reader_streams_one_line_at_a_time() throws Exception {
        byte[] line = "{\"text\": \"not very good .\", \"label\": 1}\n".getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            private long position;

            @Override
            public int read() {
                return line[(int) (position++ % line.length)];
            }
        };
        try (SentenceReader in = SentenceReader.of(endless, "endless.jsonl").withClasses(5)) {
            SentenceRecord s = null;
            for (int k = 0; k < 200_000; k++) {
                s = in.next();
            }
            assertThat(s.line()).isEqualTo(200_000);
        }
    }

    @Test
    void mutated_and_truncated_files_give_sentences_or_a_file_line_message_only() throws Exception {
        SentimentCorpus corpus = SentimentCorpus.generate(5);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 6; k++) {
            CorpusSentence s = corpus.test().get(k);
            text.append(k % 2 == 0 ? SentenceWriter.line(s.toRecord())
                    : "{\"text\": \"" + String.join(" ", s.tokens()) + "\", \"label\": " + s.label() + "}").append('\n');
        }
        byte[] valid = text.toString().getBytes(StandardCharsets.UTF_8);
        Vocabulary vocabulary = Vocabulary.of(SentimentCorpus.vocabulary().tokens().subList(1,
                SentimentCorpus.vocabulary().size()));
        Pattern message = Pattern.compile(Pattern.quote(NAME) + ":[1-9][0-9]*: [^\n]+");
        Random random = new Random(11);
        int refused = 0;
        for (int c = 0; c < 5_000; c++) {
            byte[] b = valid.clone();
            switch (random.nextInt(4)) {
                case 0 -> b = Arrays.copyOf(b, random.nextInt(b.length));
                case 1 -> {
                    for (int k = 0; k < 1 + random.nextInt(3); k++) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> {
                    String printable = "{}[]\":,-.0123456789eE tnfalsrux\\";
                    for (int k = 0; k < 1 + random.nextInt(3); k++) {
                        b[random.nextInt(b.length)] = (byte) printable.charAt(random.nextInt(printable.length()));
                    }
                }
                default -> {
                    byte[] noise = new byte[random.nextInt(300)];
                    random.nextBytes(noise);
                    b = noise;
                }
            }
            try {
                for (SentenceRecord s : read(b, 5, vocabulary)) {
                    assertThat(s.tokens()).isNotEmpty();
                    assertThat(s.label()).isBetween(0, 4);
                }
            } catch (MalformedDataException e) {
                assertThat(e.getMessage()).matches(message);
                refused++;
            } catch (Throwable t) {
                fail("case " + c + " threw " + t + " on " + new String(b, StandardCharsets.ISO_8859_1), t);
            }
        }
        assertThat(refused).isGreaterThan(2_000);
    }

    @Test
    void a_file_read_from_disk_names_its_path() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\": \"good\", \"label\": 1}\n{\"label\": 1}\n");

        assertThatThrownBy(() -> SentenceReader.readAll(file, 5, null)).isInstanceOf(MalformedDataException.class)
                .hasMessage(file + ":2: has neither \"tokens\" nor \"text\"")
                .satisfies(e -> assertThat(((MalformedDataException) e).line()).isEqualTo(2));
    }
}
