package dev.explainunit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.safetensors.MalformedModelException;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.sentence.SentenceModel;
import dev.explainunit.sentence.SentenceReader;
import dev.explainunit.sentence.SentenceRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code explain --model M --vocab V --input S.jsonl}: each sentence embedded and explained, printed
 * as it is explained (one sentence in memory at a time):
 *
 * <pre>
 *   {"method": ID, "results": [{"tokens": [...], "label": n, "prediction": [...], "target": c,
 *     "relevance": [R_1..R_T], "relevancePerInput": [[R_t,1..R_t,E], ...] or null}, ...]}
 * </pre>
 *
 * A word's relevance is its step's (DESIGN, "Sentence models"); {@code relevancePerInput} is per
 * embedding dimension where the method gives it. {@code label} only where the line has one. The
 * file is read twice: once to refuse a bad line before anything is printed, once to explain.
 */
final class ExplainSentences {

    private ExplainSentences() {
    }

    static int print(CommandSpec spec, Explainer explainer, Path modelFile, Path vocabFile, Path input, Integer target) {
        SentenceModel model = read(modelFile, vocabFile);
        if (target != null && (target < 0 || target >= model.classes())) {
            throw new UsageException("--target " + target + " is outside [0, " + model.classes()
                    + "), the classes of " + modelFile);
        }
        int sentences = validate(input, model);
        if (sentences == 0) {
            throw new UsageException(input + ": no sentence; a line holds {\"tokens\": [...]} or {\"text\": \"...\"}");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SentenceReader in = reader(input, model);
             JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                     .createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("method", explainer.id());
            json.writeArrayFieldStart("results");
            for (SentenceRecord s = in.next(); s != null; s = in.next()) {
                write(json, s, model, explainer, target, input);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
        out.println();
        out.flush();
        return 0;
    }

    private static void write(JsonGenerator json, SentenceRecord s, SentenceModel model, Explainer explainer,
                              Integer target, Path input) throws IOException {
        Sequence x = model.embed(s.tokens());
        double[] prediction = model.lstm().predict(x);
        int c = target != null ? target : ExplainCommand.argmax(prediction);
        Relevance r;
        try {
            r = explainer.explain(model.lstm(), x, c);
        } catch (IllegalArgumentException e) {
            throw new UsageException(input + ":" + s.line() + ": " + e.getMessage());
        }
        json.writeStartObject();
        json.writeArrayFieldStart("tokens");
        for (String token : s.tokens()) {
            json.writeString(token);
        }
        json.writeEndArray();
        if (s.hasLabel()) {
            json.writeNumberField("label", s.label());
        }
        json.writeFieldName("prediction");
        numbers(json, prediction);
        json.writeNumberField("target", c);
        json.writeFieldName("relevance");
        numbers(json, r.toArray());
        json.writeFieldName("relevancePerInput");
        if (r.hasPerInput()) {
            json.writeStartArray();
            for (double[] row : r.toPerInputArray()) {
                numbers(json, row);
            }
            json.writeEndArray();
        } else {
            json.writeNull();
        }
        json.writeEndObject();
    }

    private static SentenceModel read(Path modelFile, Path vocabFile) {
        try {
            return SentenceModelFiles.read(modelFile, vocabFile);
        } catch (MalformedModelException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static SentenceReader reader(Path input, SentenceModel model) throws IOException {
        return SentenceReader.open(input).labelsOptional().withClasses(model.classes())
                .withVocabulary(model.vocabulary());
    }

    /** The number of sentences, or a usage error naming the first bad line. */
    private static int validate(Path input, SentenceModel model) {
        int count = 0;
        try (SentenceReader in = reader(input, model)) {
            while (in.next() != null) {
                count++;
            }
        } catch (NoSuchFileException e) {
            throw new UsageException(input + ": no such input file");
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException(e.getMessage());
        }
        return count;
    }

    private static void numbers(JsonGenerator json, double[] values) throws IOException {
        json.writeStartArray();
        for (double v : values) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }
}
