package dev.explainunit.sentiment;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.model.SentenceModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * Explains sentences with one explainer: each gets the embedded sentence ({@link
 * SentenceModel#embed}, T × E) and the model's LSTM, so a word's relevance is its step's.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SentenceExplanations {

    private SentenceExplanations() {
    }

    /**
     * The relevance of sentence i for output {@code targets[i]}, at index i.
     *
     * @param threads   how many sentences are explained at once
     * @param callLimit the longest a single call of {@code explain} may take before the run is
     *                  abandoned as hung
     * @throws ExplanationException naming the explainer and the sentence when a call throws,
     *                              returns null or a relevance of the wrong length, or hangs
     */
    public static List<Relevance> explain(Explainer explainer, SentenceModel model, List<List<String>> sentences,
                                          int[] targets, int threads, Duration callLimit) {
        if (targets.length != sentences.size()) {
            throw new IllegalArgumentException(targets.length + " targets for [" + sentences.size() + "] sentences");
        }
        Relevance[] relevances = new Relevance[sentences.size()];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, sentences.size()));
        String id = explainer.id();
        try {
            GuardedParallel.run(workers, workers, callLimit, (job, clock) -> {
                for (int i = next.getAndIncrement(); i < sentences.size(); i = next.getAndIncrement()) {
                    List<String> tokens = sentences.get(i);
                    var input = model.embed(tokens);
                    Relevance r;
                    clock.start("sentence " + i + " " + shown(tokens));
                    try {
                        r = explainer.explain(model.lstm(), input, targets[i]);
                    } catch (RuntimeException e) {
                        throw new ExplanationException(id, "threw " + e + " on sentence " + i + " " + shown(tokens), e);
                    } finally {
                        clock.stop();
                    }
                    if (r == null || r.length() != tokens.size()) {
                        throw new ExplanationException(id, "returned " + (r == null ? "null" : r.length() + " values")
                                + " for the " + tokens.size() + " words of sentence " + i + " " + shown(tokens), null);
                    }
                    relevances[i] = r;
                }
            });
        } catch (GuardedParallel.HangException e) {
            throw new ExplanationException(id, e.getMessage(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExplanationException known) {
                throw known;
            }
            throw new ExplanationException(id, "failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExplanationException(id, "interrupted", e);
        }
        return Arrays.asList(relevances);
    }

    /** The first words of a sentence in brackets, for messages. */
    static String shown(List<String> tokens) {
        String text = String.join(" ", tokens.subList(0, Math.min(8, tokens.size())));
        return "[" + text + (tokens.size() > 8 ? " ..." : "") + "]";
    }

    /** An explainer failed on a sentence; the message names the explainer and the sentence. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static final class ExplanationException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String explainerId;

        ExplanationException(String explainerId, String message, Throwable cause) {
            super("explainer " + explainerId + " " + message, cause);
            this.explainerId = explainerId;
        }

        /** The id of the explainer that failed. */
        public String explainerId() {
            return explainerId;
        }
    }
}
