package dev.explainunit.deletion;

import java.util.function.IntConsumer;
import org.apiguardian.api.API;

/**
 * How {@link WordDeletion} runs the model over its sentences: one after another, or in parallel
 * (the checks and the experiments pass {@code (n, pass) -> ModelPasses.forEach(n, threads, pass)}).
 * Each pass writes its own sentence's slot, so the result does not depend on the order.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface SentencePasses {

    /** Runs {@code pass(i)} for every sentence i in [0, sentences), each once, and returns when all have run. */
    void forEach(int sentences, IntConsumer pass);

    /** One pass after another, on the calling thread. */
    static SentencePasses sequential() {
        return (sentences, pass) -> {
            for (int i = 0; i < sentences; i++) {
                pass.accept(i);
            }
        };
    }
}
