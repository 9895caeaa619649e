package dev.explainunit.model;

import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.internal.ReadableFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The tokens a sentence model knows, each with its id: the row of the model's embedding.
 *
 * <p>File format ({@code vocab.txt}): UTF-8, one token a line, line i (from 0) is id i, lines
 * ended by {@code \n}. A token is non-empty, holds no whitespace and occurs once. An unknown word
 * maps to {@value #UNKNOWN} where the vocabulary has it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Vocabulary {

    /** The token unknown words map to, where the vocabulary has it. */
    public static final String UNKNOWN = "<unk>";

    /** Longest token accepted, in bytes; a longer line is not a token but a wrong file. */
    static final int MAX_TOKEN_BYTES = 1_000;

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final int unknownId;

    private Vocabulary(List<String> tokens, Map<String, Integer> ids) {
        this.tokens = tokens;
        this.ids = ids;
        this.unknownId = ids.getOrDefault(UNKNOWN, -1);
    }

    /**
     * The vocabulary whose token i is {@code tokens.get(i)}.
     *
     * @throws IllegalArgumentException naming the first defect: no tokens, an empty or duplicate
     *                                  token, a token with whitespace
     */
    public static Vocabulary of(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs at least one token");
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String defect = defect(tokens.get(i), i, ids);
            if (defect != null) {
                throw new IllegalArgumentException("token " + i + ": " + defect);
            }
            ids.put(tokens.get(i), i);
        }
        return new Vocabulary(List.copyOf(tokens), ids);
    }

    /**
     * Reads a {@code vocab.txt}, streaming. Lines may end with {@code \n} or {@code \r\n} (as Windows
     * editors save them), and empty lines at the end of the file (as {@code echo >>} leaves) are no
     * tokens; an empty line before a token is refused, since it would shift the ids after it.
     *
     * @throws MalformedDataException naming {@code file:line} and the defect: an empty file, an
     *                                empty token, a duplicate token (with the line of its first
     *                                occurrence), a token with whitespace, invalid UTF-8
     * @throws IOException            if the file cannot be read, naming it and why ({@link ReadableFiles})
     */
    public static Vocabulary read(Path path) throws IOException {
        String file = path.toString();
        ReadableFiles.require(path, "vocabulary file", "vocab.txt");
        List<String> tokens = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        long emptyLine = 0; // the first empty line not yet followed by a token, refused if one follows
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean more = true;
            while (more) {
                line.reset();
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    if (line.size() >= MAX_TOKEN_BYTES) {
                        throw new MalformedDataException(file, tokens.size() + 1L, "line longer than "
                                + MAX_TOKEN_BYTES + " bytes; a vocabulary holds one token a line");
                    }
                    line.write(b);
                }
                more = b >= 0;
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                long lineNumber = tokens.size() + 1L;
                if (length == 0) {
                    if (emptyLine == 0 && (more || bytes.length > 0)) {
                        emptyLine = tokens.size() + 1L;
                    }
                    continue; // an empty line at the end (or the end of the last line) is no token
                }
                if (emptyLine > 0) {
                    throw new MalformedDataException(file, emptyLine, "empty token");
                }
                String token = decode(Arrays.copyOf(bytes, length), file, lineNumber);
                String defect = defect(token, tokens.size(), ids);
                if (defect != null) {
                    throw new MalformedDataException(file, lineNumber, defect);
                }
                ids.put(token, tokens.size());
                tokens.add(token);
            }
        }
        if (tokens.isEmpty()) {
            throw new MalformedDataException(file, 0, "empty; a vocabulary holds one token a line");
        }
        return new Vocabulary(List.copyOf(tokens), ids);
    }

    private static String decode(byte[] bytes, String file, long line) throws MalformedDataException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(file, line, "not valid UTF-8");
        }
    }

    /** What is wrong with {@code token} as id {@code id}, or null; lines are ids + 1. */
    private static String defect(String token, int id, Map<String, Integer> ids) {
        if (token == null || token.isEmpty()) {
            return "empty token";
        }
        if (id == 0 && token.charAt(0) == '\uFEFF') {
            return "starts with a byte order mark; save the file as UTF-8 without BOM";
        }
        int space = firstWhitespace(token);
        if (space >= 0) {
            return "token " + shown(token) + " holds whitespace (U+" + String.format("%04X", (int) token.charAt(space))
                    + " at " + space + "); one token a line, ended by \\n";
        }
        Integer first = ids.get(token);
        if (first != null) {
            return "duplicate token " + shown(token) + " (also on line " + (first + 1) + ")";
        }
        return null;
    }

    /** Where the first whitespace of {@code s} is, or −1: the token rule {@code SentenceReader} shares. */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public static int firstWhitespace(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (isWhitespace(s.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    /** Whitespace separates tokens: Java's whitespace and Unicode's space separators (no-break space). */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** {@code token} quoted for a message, at most 60 characters, {@link #printable}. */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public static String shown(String token) {
        return "'" + printable(token.length() > 60 ? token.substring(0, 60) + "..." : token) + "'";
    }

    /** {@code text} with control, format, separator and lone surrogate characters as {@code \}{@code uXXXX}, so a message stays one readable line. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            int type = Character.getType(c);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && k + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(k + 1))
                    || Character.isLowSurrogate(c) && k > 0 && Character.isHighSurrogate(text.charAt(k - 1));
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE && !pairedSurrogate;
            if (hidden && out == null) {
                out = new StringBuilder(text.substring(0, k));
            }
            if (out != null) {
                out.append(hidden ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Writes the vocabulary, one token a line, atomically (temporary file, then move). */
    public void write(Path path) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            text.append(token).append('\n');
        }
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        AtomicFiles.write(path, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Number of tokens V. */
    public int size() {
        return tokens.size();
    }

    /** The token with id {@code id}. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** The tokens in id order, unmodifiable. */
    public List<String> tokens() {
        return tokens;
    }

    /** Whether {@code word} is a token of this vocabulary. */
    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    /** Whether the vocabulary has {@value #UNKNOWN}, so that every word has an id. */
    public boolean hasUnknown() {
        return unknownId >= 0;
    }

    /**
     * The id of {@code word}; {@value #UNKNOWN}'s id for a word not in the vocabulary.
     *
     * @throws UnknownWordException if the word is not in the vocabulary and it has no {@value #UNKNOWN}
     */
    public int id(String word) {
        Integer id = ids.get(word);
        if (id != null) {
            return id;
        }
        if (unknownId >= 0) {
            return unknownId;
        }
        throw new UnknownWordException(word);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + tokens.size() + " tokens" + (hasUnknown() ? ", with " + UNKNOWN : "") + "]";
    }
}
