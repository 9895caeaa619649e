package dev.explainunit;

import org.apiguardian.api.API;

/**
 * An attribution method: assigns each time step of an input sequence a share of the model's
 * output for one target class.
 *
 * <p>Implementations are found through {@link java.util.ServiceLoader} when listed in
 * {@code META-INF/services/dev.explainunit.Explainer}. An explainer may be called from several
 * threads at once, so it keeps no mutable state across calls (or keeps it per thread).
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Explainer {

    /** A short, stable identifier such as {@code lrp-all}; also the CLI's {@code --method} value. */
    String id();

    /**
     * Whether this explainer applies to {@code model} at all, asked before {@link #explain} ("does
     * it apply?" before "do it", as JUnit's {@code ParameterResolver} asks {@code supportsParameter}
     * before {@code resolveParameter}). An explainer that cannot explain a kind of model, e.g. a
     * classification-only method on a regression model, says so here instead of throwing from
     * {@code explain}; the sanity checks then report it as not applicable rather than failed. An
     * explainer that claims support and then throws still fails the contract check.
     *
     * @param model the model that would be explained
     * @return true by default
     */
    default boolean supports(RecurrentModel model) {
        return true;
    }

    /**
     * Why this explainer does not apply to {@code model}, in one sentence for reports (e.g.
     * "contextual decomposition is defined for LSTMs, the model is a GRU"), when {@link #supports}
     * is false; {@code null} when it gives no reason.
     *
     * @param model the model {@link #supports} refused
     * @return the reason, or {@code null}
     */
    default String unsupportedReason(RecurrentModel model) {
        return null;
    }

    /**
     * Explains the model's output {@code target} on {@code input}.
     *
     * @param model  the model to explain; white-box methods may require a specific implementation
     * @param input  the input sequence, never modified
     * @param target the output index to explain, {@code 0 <= target < model.outputSize()}
     * @return one relevance value per time step of {@code input}
     */
    Relevance explain(RecurrentModel model, Sequence input, int target);
}
