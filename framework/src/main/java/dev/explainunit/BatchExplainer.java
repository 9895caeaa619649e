package dev.explainunit;

import java.util.List;
import org.apiguardian.api.API;

/**
 * An explainer that can also explain many inputs of one model in one call, for methods whose cost
 * is dominated per call rather than per input (an explainer in another process, a vectorised
 * implementation).
 *
 * <p>The per-call contract of {@link Explainer} still holds: {@link #explain(RecurrentModel,
 * Sequence, int)} must work on its own, from several threads at once, and element k of
 * {@link #explain(RecurrentModel, List, int[])} must equal what {@code explain(model,
 * inputs.get(k), targets[k])} returns. Callers may use either, and a caller that checks the
 * contract (finite values, one per step, deterministic, input not mutated) checks it on both.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface BatchExplainer extends Explainer {

    /**
     * Explains output {@code targets[k]} of {@code model} on {@code inputs.get(k)} for every k.
     * If the batch fails, the exception does not say which input caused it; a caller that needs
     * to know explains the inputs of a failed batch one by one.
     *
     * @param model   the model to explain
     * @param inputs  the inputs, never modified; they may differ in length
     * @param targets one output index per input, {@code 0 <= targets[k] < model.outputSize()}; not modified
     * @return one relevance per input, in the order of {@code inputs}
     * @throws IllegalArgumentException if {@code inputs} and {@code targets} differ in size
     */
    List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets);
}
