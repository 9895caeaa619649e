package dev.explainunit.sentence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.explainunit.internal.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Writes sentences as JSON Lines that {@link SentenceReader} reads back:
 * {@code {"tokens":["not","very","good","."],"label":1}}, one sentence a line, each ended by
 * {@code \n}; a sentence without a label is written without {@code "label"}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentenceWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private SentenceWriter() {
    }

    /** Writes {@code sentences} to {@code file}, atomically (temporary file, then move). */
    public static void write(Path file, Iterable<SentenceRecord> sentences) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (SentenceRecord s : sentences) {
            bytes.writeBytes(line(s).getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /** The JSON object of one sentence, without the line end. */
    public static String line(SentenceRecord sentence) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("tokens");
            for (String token : sentence.tokens()) {
                g.writeString(token);
            }
            g.writeEndArray();
            if (sentence.hasLabel()) {
                g.writeNumberField("label", sentence.label());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
