package dev.explainunit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apiguardian.api.API;

/**
 * A single sequence on which a check fails, as found by the search and after shrinking.
 *
 * @param modelId  the bundled model it was found on
 * @param seed     the seed that reproduces the search
 * @param original the first failing sequence found
 * @param shrunk   the minimal failing sequence after shrinking ({@code null} if not shrunk)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"model_id", "seed", "original", "shrunk"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Counterexample(String modelId, long seed, Sample original, Sample shrunk) {

    /** The sample to show first: the shrunk one when there is one. */
    public Sample smallest() {
        return shrunk != null ? shrunk : original;
    }
}
