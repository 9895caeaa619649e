package com.example.consumer;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;

/** A user's explainer: leave-one-step-out by deletion, R_t = f(x) − f(x without step t). */
public final class DeletionExplainer implements Explainer {

    @Override
    public String id() {
        return "consumer-deletion";
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        double full = model.predict(input)[target];
        double[][] steps = input.toArray();
        double[] r = new double[steps.length];
        for (int t = 0; t < steps.length; t++) {
            double[][] shorter = new double[steps.length - 1][];
            for (int s = 0, k = 0; s < steps.length; s++) {
                if (s != t) {
                    shorter[k++] = steps[s];
                }
            }
            r[t] = full - model.predict(Sequence.of(shorter))[target];
        }
        return Relevance.perStep(r);
    }
}
