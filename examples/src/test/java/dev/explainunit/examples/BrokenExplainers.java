package dev.explainunit.examples;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import java.util.SplittableRandom;

/** Deliberately broken explainers whose failures the engine must report. */
final class BrokenExplainers {

    private BrokenExplainers() {
    }

    /** Noise: a pseudo-random relevance seeded by the input, so that it is at least deterministic. */
    static final class RandomExplainer implements Explainer {
        @Override
        public String id() {
            return "random";
        }

        @Override
        public Relevance explain(RecurrentModel model, Sequence input, int target) {
            SplittableRandom random = new SplittableRandom(input.hashCode());
            double[] r = new double[input.length()];
            for (int t = 0; t < r.length; t++) {
                r[t] = random.nextDouble(-1, 1);
            }
            return Relevance.perStep(r);
        }
    }

    /** The output shared equally by all steps: conserves f(x) but points nowhere. */
    static final class UniformExplainer implements Explainer {
        @Override
        public String id() {
            return "uniform";
        }

        @Override
        public Relevance explain(RecurrentModel model, Sequence input, int target) {
            double[] r = new double[input.length()];
            java.util.Arrays.fill(r, model.predict(input)[target] / r.length);
            return Relevance.perStep(r);
        }
    }

    /** A correct explainer whose output is read back to front, the classic indexing bug. */
    static final class TimeReversedExplainer implements Explainer {
        private final Explainer correct = new FiniteDifferenceExplainer();

        @Override
        public String id() {
            return "time-reversed";
        }

        @Override
        public Relevance explain(RecurrentModel model, Sequence input, int target) {
            double[] r = correct.explain(model, input, target).toArray();
            double[] reversed = new double[r.length];
            for (int t = 0; t < r.length; t++) {
                reversed[t] = r[r.length - 1 - t];
            }
            return Relevance.perStep(reversed);
        }
    }
}
