package com.example.consumer;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;

/** A user's explainer: gradient×input with the gradient by central differences, R_t = Σ_d x_td·∂f/∂x_td. */
public final class CentralDifferenceExplainer implements Explainer {

    @Override
    public String id() {
        return "consumer-central-difference";
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        double h = 1e-5;
        double[][] steps = input.toArray();
        double[] r = new double[steps.length];
        for (int t = 0; t < steps.length; t++) {
            for (int d = 0; d < steps[t].length; d++) {
                double x = steps[t][d];
                steps[t][d] = x + h;
                double up = model.predict(Sequence.of(steps))[target];
                steps[t][d] = x - h;
                double down = model.predict(Sequence.of(steps))[target];
                steps[t][d] = x;
                r[t] += x * (up - down) / (2 * h);
            }
        }
        return Relevance.perStep(r);
    }
}
