package com.example;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;

/** Gradient × input with the gradient by central differences: R_t = Σ_d x_td · ∂f_target/∂x_td. */
public final class CentralDifferenceExplainer implements Explainer {

    private static final double H = 1e-5;

    @Override
    public String id() {
        return "central-difference";
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        double[][] steps = input.toArray();
        double[] relevance = new double[steps.length];
        for (int t = 0; t < steps.length; t++) {
            for (int d = 0; d < steps[t].length; d++) {
                double x = steps[t][d];
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
