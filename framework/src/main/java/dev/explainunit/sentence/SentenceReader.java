package dev.explainunit.sentence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.explainunit.model.MalformedDataException;
import dev.explainunit.model.UnknownWordException;
import dev.explainunit.model.Vocabulary;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads sentences from JSON Lines, one line in memory at a time:
 *
 * <pre>
 *   {"tokens": ["not", "very", "good", "."], "label": 1}
 *   {"text": "not very good .", "label": 1}          text split on whitespace only
 * </pre>
 *
 * Other members are ignored; blank lines are skipped. The first bad line ends the reading with a
 * {@link MalformedDataException} {@code file:line: defect}: invalid UTF-8, bad JSON (with the
 * parser's column), a line that is not one JSON object, neither or both of {@code tokens} and
 * {@code text}, an empty sentence or token, a token with whitespace, a label that is missing (when
 * {@linkplain #labelsOptional() required}), not an integer or outside 0..C−1 (when
 * {@linkplain #withClasses C is known}), and an unknown word where the
 * {@linkplain #withVocabulary vocabulary} has no {@value Vocabulary#UNKNOWN}.
 *
 * <pre>
 *   try (SentenceReader in = SentenceReader.open(path).withClasses(5).withVocabulary(vocab)) {
 *       for (SentenceRecord s = in.next(); s != null; s = in.next()) { ... }
 *   }
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentenceReader implements Closeable {

    /** Longest line accepted, in bytes. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final InputStream in;
    private final String file;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long lineNumber;
    private boolean ended;
    private int classes;
    private Vocabulary vocabulary;
    private boolean labelRequired = true;

    private SentenceReader(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    /** A reader of {@code file}; labels are required, of any number of classes, words not checked. */
    public static SentenceReader open(Path file) throws IOException {
        return new SentenceReader(new BufferedInputStream(Files.newInputStream(file)), file.toString());
    }

    /**
     * A reader of {@code in} (closed with the reader), named {@code name} in messages.
     */
    public static SentenceReader of(InputStream in, String name) {
        return new SentenceReader(new BufferedInputStream(in), name);
    }

    /** Refuses labels outside 0..classes−1. */
    public SentenceReader withClasses(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1 [" + classes + "]");
        }
        this.classes = classes;
        return this;
    }

    /** Refuses words not in {@code vocabulary} unless it has {@value Vocabulary#UNKNOWN}. */
    public SentenceReader withVocabulary(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        return this;
    }

    /** Accepts sentences without a label ({@link SentenceRecord#NO_LABEL}). */
    public SentenceReader labelsOptional() {
        this.labelRequired = false;
        return this;
    }

    /**
     * Every sentence of {@code file}.
     *
     * @throws MalformedDataException at the first bad line
     */
    public static List<SentenceRecord> readAll(Path file, int classes, Vocabulary vocabulary) throws IOException {
        List<SentenceRecord> all = new ArrayList<>();
        try (SentenceReader reader = open(file).withClasses(classes).withVocabulary(vocabulary)) {
            for (SentenceRecord s = reader.next(); s != null; s = reader.next()) {
                all.add(s);
            }
        }
        return all;
    }

    /**
     * Reads {@code file} through once, keeping no sentence, and returns how many it holds.
     *
     * @throws MalformedDataException at the first bad line, or when the file holds no sentence
     */
    public static long count(Path file, int classes, Vocabulary vocabulary) throws IOException {
        long count = 0;
        try (SentenceReader reader = open(file).withClasses(classes).withVocabulary(vocabulary)) {
            while (reader.next() != null) {
                count++;
            }
        }
        if (count == 0) {
            throw new MalformedDataException(file.toString(), 0,
                    "no sentence; a line holds {\"tokens\": [...], \"label\": n}");
        }
        return count;
    }

    /**
     * The next sentence, or {@code null} at the end of the file.
     *
     * @throws MalformedDataException naming {@code file:line} and the defect
     */
    public SentenceRecord next() throws IOException {
        while (!ended) {
            String text = nextLine();
            if (text == null) {
                ended = true;
            } else if (!text.isBlank()) {
                return parse(text);
            }
        }
        return null;
    }

    private String nextLine() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() >= MAX_LINE_BYTES) {
                throw new MalformedDataException(file, lineNumber + 1, "line longer than " + MAX_LINE_BYTES
                        + " bytes");
            }
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        lineNumber++;
        try {
            return utf8.decode(ByteBuffer.wrap(line.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw refuse("not valid UTF-8");
        }
    }

    private SentenceRecord parse(String text) throws MalformedDataException {
        List<String> tokens = null;
        String sentence = null;
        Integer label = null;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw refuse("not a JSON object; a line holds {\"tokens\": [...], \"label\": n}");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw refuse("not valid JSON at column " + p.currentLocation().getColumnNr()
                            + ": the object is not closed");
                }
                String member = p.currentName();
                JsonToken value = p.nextToken();
                switch (member) {
                    case "tokens" -> tokens = tokens(p, value);
                    case "text" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            throw refuse("\"text\" is not a string");
                        }
                        sentence = p.getText();
                    }
                    case "label" -> label = label(p, value);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw refuse("more after the JSON object, at column " + p.currentLocation().getColumnNr()
                        + "; one object a line");
            }
        } catch (MalformedDataException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw refuse("not valid JSON at column " + e.getLocation().getColumnNr() + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw refuse("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (tokens != null && sentence != null) {
            throw refuse("has both \"tokens\" and \"text\"; give one");
        }
        if (tokens == null && sentence == null) {
            throw refuse("has neither \"tokens\" nor \"text\"");
        }
        if (sentence != null) {
            tokens = split(sentence);
        }
        if (tokens.isEmpty()) {
            throw refuse("empty sentence");
        }
        if (label == null && labelRequired) {
            throw refuse("has no \"label\"");
        }
        if (vocabulary != null) {
            for (int k = 0; k < tokens.size(); k++) {
                try {
                    vocabulary.id(tokens.get(k));
                } catch (UnknownWordException e) {
                    throw refuse(e.getMessage() + " (token " + k + ")");
                }
            }
        }
        return new SentenceRecord(tokens, label == null ? SentenceRecord.NO_LABEL : label, lineNumber);
    }

    private List<String> tokens(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw refuse("\"tokens\" is not an array of strings");
        }
        List<String> tokens = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw refuse("token " + tokens.size() + " is not a string");
            }
            String token = p.getText();
            if (token.isEmpty()) {
                throw refuse("token " + tokens.size() + " is empty");
            }
            int space = Vocabulary.firstWhitespace(token);
            if (space >= 0) {
                throw refuse("token " + tokens.size() + " " + Vocabulary.shown(token)
                        + " holds whitespace; a token is one word");
            }
            tokens.add(token);
        }
        return tokens;
    }

    private Integer label(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            String text = p.getText();
            boolean number = text.strip().matches("-?[0-9]{1,9}");
            throw refuse("label \"" + clip(text) + "\" is a string; " + (number ? "write the number without quotes: "
                    + "\"label\": " + text.strip() : "a label is the class number " + (classes > 0
                    ? "0.." + (classes - 1) : "0..C-1")));
        }
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw refuse("label " + clip(value == null ? "" : p.getText()) + " is not an integer");
        }
        if (p.getNumberType() != JsonParser.NumberType.INT) {
            throw refuse("label " + clip(p.getText()) + " is out of range"
                    + (classes > 0 ? "; expected 0.." + (classes - 1) : ""));
        }
        int label = p.getIntValue();
        if (label < 0 || (classes > 0 && label >= classes)) {
            throw refuse("label " + label + " outside 0.." + (classes > 0 ? classes - 1 : "C-1"));
        }
        return label;
    }

    /** {@code text} split on whitespace, as {@link Vocabulary} defines it. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int k = 0; k <= text.length(); k++) {
            boolean space = k == text.length() || Vocabulary.isWhitespace(text.charAt(k));
            if (space && start >= 0) {
                words.add(text.substring(start, k));
                start = -1;
            } else if (!space && start < 0) {
                start = k;
            }
        }
        return words;
    }

    private MalformedDataException refuse(String defect) {
        return new MalformedDataException(file, lineNumber, defect);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String first = end < 0 ? message : message.substring(0, end);
        return first.length() > 160 ? first.substring(0, 160) + "..." : first;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
