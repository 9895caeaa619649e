package dev.explainunit.sentence;

/**
 * Where {@link SentimentTask} finds the bundled model {@code sentiment}: the zoo's sentiment model
 * once the framework bundles it; until then a clear refusal.
 */
final class BundledSentiment {

    private BundledSentiment() {
    }

    /** The bundled sentiment classifier. */
    static SentenceModel model() {
        throw new IllegalStateException("the bundled sentiment model is not part of this build; use "
                + "SentimentTask.of(model, vocab, data) or the parameters explainunit.sentiment.model, .vocab, .data");
    }
}
