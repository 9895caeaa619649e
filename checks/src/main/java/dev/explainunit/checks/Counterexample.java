package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * A single sequence that shows a failed check, found by property-based search, and its shrunk
 * form (shortest length, simplest values) on the same model.
 *
 * @param modelId  the zoo model the sequences were explained on
 * @param original the first failing sequence found
 * @param shrunk   the minimal failing sequence after shrinking (may equal {@code original})
 * @param property what each of them violates, as a sentence
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Counterexample(String modelId, Example original, Example shrunk, String property) {

    /** The sequences as the failure message shows them: tables t | x_t | R_t with the relevant steps marked by role. */
    public String describe() {
        return FailureMessage.counterexample(this);
    }
}
