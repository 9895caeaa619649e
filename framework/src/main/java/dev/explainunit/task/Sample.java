package dev.explainunit.task;

import dev.explainunit.Sequence;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One test sample of a {@link Task}: the input the explainers get, the output they explain, the
 * true target and, where the task knows it, the ground truth of its relevance.
 *
 * @param input  the T × D input sequence (for sentences: the embedded words)
 * @param target the output index to explain: 0 for a regression task, the true class of a classifier
 * @param y      the true target: the regression value, or the true class of a classifier
 * @param truth  the ground truth, or {@code null} when the task has none ({@link GroundTruthKind#NONE})
 * @param tokens the words of a sentence, one per step, for reports; empty for other inputs
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Sample(Sequence input, int target, double y, GroundTruth truth, List<String> tokens) {

    /** @throws IllegalArgumentException on a missing input, a negative target, or truth or tokens that do not fit the input */
    public Sample {
        if (input == null) {
            throw new IllegalArgumentException("a sample needs an input sequence");
        }
        if (target < 0) {
            throw new IllegalArgumentException("the target output must be >= 0, got " + target);
        }
        if (truth != null && truth.lastPosition() >= input.length()) {
            throw new IllegalArgumentException("a relevant position lies beyond the input's " + input.length()
                    + " steps: " + truth.relevant());
        }
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        if (!tokens.isEmpty() && tokens.size() != input.length()) {
            throw new IllegalArgumentException(tokens.size() + " tokens for an input of " + input.length() + " steps");
        }
    }

    /** A sample without ground truth or tokens. */
    public static Sample of(Sequence input, int target, double y) {
        return new Sample(input, target, y, null, List.of());
    }

    /** T, the number of steps. */
    public int length() {
        return input.length();
    }

    /** Whether the sample carries ground truth. */
    public boolean hasTruth() {
        return truth != null;
    }
}
