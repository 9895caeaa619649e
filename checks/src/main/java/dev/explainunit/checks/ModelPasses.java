package dev.explainunit.checks;

import dev.explainunit.checks.internal.GuardedParallel;
import java.util.function.IntConsumer;
import org.apiguardian.api.API;

/**
 * Runs passes of a model over many inputs on all cores, on the worker pool the guarded
 * explanations use ({@link GuardedExplainer}), without a watchdog: a model's own forward and
 * backward passes cannot hang, an explainer's calls go through {@link GuardedExplainer}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelPasses {

    private ModelPasses() {
    }

    /**
     * Runs {@code body(i)} for i = 0..n−1 on up to {@code threads} daemon threads, each taking the
     * next index as it finishes one, so long and short items balance.
     *
     * @throws IllegalStateException with the first failure of {@code body} as its cause (a runtime
     *                               exception is rethrown as it is)
     */
    public static void forEach(int n, int threads, IntConsumer body) {
        GuardedParallel.forEach(n, threads, body);
    }
}
