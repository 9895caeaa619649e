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

    /**
     * Whether the shrunk sequence is the original one, step for step: the search found no smaller one,
     * or the task cannot make sequences (a sentence of a data file cannot be shrunk).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public boolean shrunkIsOriginal() {
        if (original == shrunk) {
            return true;
        }
        if (original == null || shrunk == null || original.steps().size() != shrunk.steps().size()) {
            return false;
        }
        for (int t = 0; t < original.steps().size(); t++) {
            StepValue o = original.steps().get(t);
            StepValue s = shrunk.steps().get(t);
            if (!java.util.Arrays.equals(o.x(), s.x()) || !java.util.Objects.equals(o.word(), s.word())
                    || Double.compare(o.relevance(), s.relevance()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the sequences are sentences: every step has its word. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public boolean isSentence() {
        return shrunk != null && shrunk.isSentence();
    }
}
