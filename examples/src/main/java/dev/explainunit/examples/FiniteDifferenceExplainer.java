package dev.explainunit.examples;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;

/**
 * A custom explainer for models that can only be called, plugged in through
 * {@code META-INF/services/dev.explainunit.Explainer}: gradient×input (paper 2.1) with the
 * gradient taken by central differences,
 *
 * <pre>
 *   R_t = Σ_d x_td · (f_c(x + h·e_td) − f_c(x − h·e_td)) / (2h),     h = 1e-5
 * </pre>
 *
 * It needs 2·T·D calls of the model per explanation and agrees with the analytic
 * gradient×input to about h², so it passes the sanity checks where gradient×input does.
 */
public final class FiniteDifferenceExplainer implements Explainer {

    private static final double H = 1e-5;

    @Override
    public String id() {
        return "finite-difference-gradient-x-input";
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        double[][] steps = input.toArray();
        double[] relevance = new double[steps.length];
        for (int t = 0; t < steps.length; t++) {
            for (int d = 0; d < steps[t].length; d++) {
                double x = steps[t][d];
                if (x == 0) {
                    continue;
                }
                steps[t][d] = x + H;
                double up = model.predict(Sequence.of(steps))[target];
                steps[t][d] = x - H;
                double down = model.predict(Sequence.of(steps))[target];
                steps[t][d] = x;
                relevance[t] += x * (up - down) / (2 * H);
            }
        }
        return Relevance.perStep(relevance);
    }
}
