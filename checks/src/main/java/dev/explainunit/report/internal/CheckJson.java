package dev.explainunit.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Counterexample;
import dev.explainunit.checks.Example;
import java.io.IOException;

/**
 * How a {@link CheckResult} reads in {@code report.json}: the stable keys {@code check} (its id),
 * {@code explainer}, {@code task}, {@code statistic} (the decisive value), {@code threshold},
 * {@code statistics}, {@code verdict} ("pass"/"fail"), {@code seed}, {@code model_ids},
 * {@code counterexample} ({@code model_id}, {@code seed}, {@code original} and {@code shrunk}, each
 * {@code inputs}, {@code relevance}, {@code a}, {@code b}, {@code target}, {@code prediction}) and
 * {@code message}. Reading is tolerant ({@link PublishedResults}), as a report of another test JVM
 * is merged.
 */
public final class CheckJson {

    private CheckJson() {
    }

    /** The module that teaches a mapper this layout. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("explainunit-report-checks");
        module.addSerializer(CheckResult.class, new Writer());
        module.addDeserializer(CheckResult.class, new Reader());
        return module;
    }

    private static final class Writer extends StdSerializer<CheckResult> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(CheckResult.class);
        }

        @Override
        public void serialize(CheckResult r, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("check", r.check().id());
            gen.writeStringField("explainer", r.explainerId());
            gen.writeStringField("task", r.task());
            gen.writeNumberField("statistic", r.statisticValue());
            gen.writeNumberField("threshold", r.threshold());
            provider.defaultSerializeField("statistics", r.statistics(), gen);
            gen.writeStringField("verdict", r.verdict().word());
            gen.writeNumberField("seed", r.seed());
            provider.defaultSerializeField("model_ids", r.modelIds(), gen);
            Counterexample ce = r.counterexample();
            if (ce != null) {
                gen.writeObjectFieldStart("counterexample");
                gen.writeStringField("model_id", ce.modelId());
                gen.writeNumberField("seed", r.seed());
                example(gen, provider, "original", ce.original());
                example(gen, provider, "shrunk", ce.shrunk());
                gen.writeEndObject();
            }
            if (r.message() != null) {
                gen.writeStringField("message", r.message());
            }
            gen.writeEndObject();
        }

        private static void example(JsonGenerator gen, SerializerProvider provider, String name, Example e)
                throws IOException {
            gen.writeObjectFieldStart(name);
            provider.defaultSerializeField("inputs", e.inputs(), gen);
            provider.defaultSerializeField("relevance", e.relevance(), gen);
            if (e.randomised() != null) {
                provider.defaultSerializeField("randomised_relevance", e.randomised(), gen);
            }
            if (e.isSentence()) {
                provider.defaultSerializeField("words", e.words(), gen);
            }
            gen.writeNumberField("a", e.a());
            gen.writeNumberField("b", e.b());
            if (e.truth() != null) {
                provider.defaultSerializeField("truth", e.truth(), gen);
            }
            gen.writeNumberField("target", e.y());
            gen.writeNumberField("prediction", e.prediction());
            if (e.thrown() != null) {
                gen.writeStringField("thrown", e.thrown());
            }
            gen.writeEndObject();
        }
    }

    private static final class Reader extends StdDeserializer<CheckResult> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(CheckResult.class);
        }

        @Override
        public CheckResult deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            return PublishedResults.parse(node);
        }
    }
}
