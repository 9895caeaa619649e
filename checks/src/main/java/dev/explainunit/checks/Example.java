package dev.explainunit.checks;

import dev.explainunit.task.GroundTruth;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One explained sequence: its steps with their relevances, its ground truth and the model's
 * prediction, as shown in failure messages and report heatmaps.
 *
 * @param steps      one row per step
 * @param truth      the sample's ground truth, or {@code null} when its task has none
 * @param y          the true target y
 * @param prediction the model's output f(x) for the sample's target
 * @param statistic  the check's per-sequence statistic on this sequence (e.g. its relevant mass)
 * @param thrown     what the explainer threw instead of explaining this sequence
 *                   ("java.lang.IllegalStateException: my bug"), or {@code null} when it returned a relevance
 * @param randomised R_t of the same sequence on the randomised model, where the check compares with
 *                   it (model randomization), else {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Example(List<StepValue> steps, GroundTruth truth, double y, double prediction, double statistic,
                      String thrown, double[] randomised) {

    /** A sequence without relevances on a randomised model. */
    public Example(List<StepValue> steps, GroundTruth truth, double y, double prediction, double statistic,
                   String thrown) {
        this(steps, truth, y, prediction, statistic, thrown, null);
    }

    /** A sequence the explainer explained (it did not throw). */
    public Example(List<StepValue> steps, GroundTruth truth, double y, double prediction, double statistic) {
        this(steps, truth, y, prediction, statistic, null, null);
    }

    /** x_t, {@code [t][d]} (a copy). */
    public double[][] inputs() {
        double[][] x = new double[steps.size()][];
        for (int t = 0; t < x.length; t++) {
            x[t] = steps.get(t).x().clone();
        }
        return x;
    }

    /** R_t, one per step (a copy; NaN where the explainer gave none). */
    public double[] relevance() {
        double[] r = new double[steps.size()];
        for (int t = 0; t < r.length; t++) {
            r[t] = steps.get(t).relevance();
        }
        return r;
    }

    /** Whether this is a sentence: every step has its word. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public boolean isSentence() {
        return !steps.isEmpty() && steps.stream().allMatch(s -> s.word() != null);
    }

    /** The words, one per step (null where a step has none). */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public List<String> words() {
        return steps.stream().map(StepValue::word).toList();
    }

    /** The role of step {@code t} if it is relevant (e.g. "a", "negator"), else null. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String role(int t) {
        if (truth != null) {
            for (GroundTruth.Relevant r : truth.relevant()) {
                if (r.position() == t) {
                    return r.role();
                }
            }
        }
        return null;
    }
}
