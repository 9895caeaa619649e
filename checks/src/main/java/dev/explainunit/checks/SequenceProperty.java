package dev.explainunit.checks;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.task.Sample;

/**
 * The single-sequence form of a population check on one model, so that a failed population
 * statistic can be shown on one (shrunk) sequence: explains a sample for its target and lets the
 * check {@link SanityCheck#judge judge} it. What each check demands of one sequence is in its
 * class ({@link SanityCheck#property}).
 */
final class SequenceProperty {

    /**
     * One explained sequence: relevance (null if the explainer gave none), f(x), statistic, verdict,
     * what the explainer threw instead of explaining it (null if it did not throw), and the relevance
     * on the randomised model where the check compares with it (else null).
     */
    record Outcome(double[] relevance, double prediction, double statistic, boolean holds, String problem,
                   Throwable thrown, double[] randomised) {

        Outcome(double[] relevance, double prediction, double statistic, boolean holds, String problem,
                Throwable thrown) {
            this(relevance, prediction, statistic, holds, problem, thrown, null);
        }

        Outcome(double[] relevance, double prediction, double statistic, boolean holds, String problem) {
            this(relevance, prediction, statistic, holds, problem, null, null);
        }
    }

    private final SanityCheck check;
    private final Explainer explainer;
    private final RecurrentNetwork model;
    private final RecurrentNetwork randomised;
    private final Thresholds thresholds;
    private final Runnable beforeCall;
    private final Runnable afterCall;

    /**
     * @param randomised the randomised twin of {@code model} (for model randomization)
     * @param beforeCall run before each explain call (starts the hang clock)
     * @param afterCall  run after each explain call
     */
    SequenceProperty(SanityCheck check, Explainer explainer, RecurrentNetwork model, RecurrentNetwork randomised, Thresholds thresholds,
                     Runnable beforeCall, Runnable afterCall) {
        this.check = check;
        this.explainer = explainer;
        this.model = model;
        this.randomised = randomised;
        this.thresholds = thresholds;
        this.beforeCall = beforeCall;
        this.afterCall = afterCall;
    }

    SanityCheck check() {
        return check;
    }

    Explainer explainer() {
        return explainer;
    }

    /** The model the sequences are explained on. */
    RecurrentNetwork model() {
        return model;
    }

    RecurrentNetwork randomised() {
        return randomised;
    }

    Thresholds thresholds() {
        return thresholds;
    }

    void beforeCall() {
        beforeCall.run();
    }

    void afterCall() {
        afterCall.run();
    }

    /** Explains {@code sample} for its target and judges it (called from the search). */
    Outcome evaluate(Sample sample) {
        double fx = model.predict(sample.input())[sample.target()];
        Relevance relevance;
        beforeCall.run();
        try {
            relevance = explainer.explain(model, sample.input(), sample.target());
        } catch (Throwable e) {
            return new Outcome(null, fx, Double.NaN, false, "threw " + e, e);
        } finally {
            afterCall.run();
        }
        String problem = RelevanceContract.violation(relevance, sample.length());
        if (problem != null) {
            return new Outcome(relevance == null || relevance.length() != sample.length() ? null
                    : relevance.toArray(), fx, Double.NaN, false, problem);
        }
        return check.judgeFresh(relevance.toArray(), sample, fx, this);
    }

    /** Judges an explanation already computed (a test sequence of the population). */
    Outcome judge(double[] r, Sample s, double fx) {
        return check.judge(r, s, fx, thresholds);
    }
}
