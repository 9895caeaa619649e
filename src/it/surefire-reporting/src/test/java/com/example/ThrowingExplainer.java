package com.example;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;

/** An explainer with a bug: its stack trace must reach the failed test. */
public final class ThrowingExplainer implements Explainer {

    @Override
    public String id() {
        return "throwing";
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        return Relevance.perStep(weights(input));
    }

    private static double[] weights(Sequence input) {
        throw new IllegalStateException("my bug");
    }
}
