package dev.explainunit.examples;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;

/**
 * A custom black-box explainer, plugged in through {@code META-INF/services/dev.explainunit.Explainer}:
 * the relevance of a step is how much the output drops when the step is deleted from the sequence,
 *
 * <pre>
 *   R_t = f_c(x) − f_c(x without step t)        (T − 1 steps remain)
 * </pre>
 *
 * Unlike occlusion (which sets x_t = 0), deleting a step keeps the input in distribution for
 * models trained on sequences of varying length, so a distractor step's deletion leaves the output
 * unchanged. On the toy tasks deleting operand a leaves f ≈ ±n_b, hence R_a ≈ n_a, and the
 * relevances of the two operands add up to f(x).
 */
public final class DeletionExplainer implements Explainer {

    @Override
    public String id() {
        return "deletion";
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        double full = model.predict(input)[target];
        double[][] steps = input.toArray();
        double[] relevance = new double[steps.length];
        if (steps.length == 1) {
            relevance[0] = full;
            return Relevance.perStep(relevance);
        }
        double[][] shorter = new double[steps.length - 1][];
        for (int t = 0; t < steps.length; t++) {
            for (int s = 0, k = 0; s < steps.length; s++) {
                if (s != t) {
                    shorter[k++] = steps[s];
                }
            }
            relevance[t] = full - model.predict(Sequence.of(shorter))[target];
        }
        return Relevance.perStep(relevance);
    }
}
