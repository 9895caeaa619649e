package dev.explainunit.checks;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.toy.ToySample;
import java.util.Locale;

/**
 * The single-sequence form of a population check: what one explained sequence must satisfy, so
 * that a failed population statistic can be shown on one (shrunk) sequence.
 *
 * <ul>
 *   <li>contract: the explanation meets the {@link RelevanceContract};</li>
 *   <li>ground-truth correlation: R_a and R_b have the signs of their contributions to y
 *       (sign(R_a) = sign(n_a), sign(R_b) = ±sign(n_b));</li>
 *   <li>relevance conservation: ((R_a + R_b) − f(x))² ≤ the MSE threshold;</li>
 *   <li>relevant mass: (|R_a| + |R_b|) / Σ_t |R_t| ≥ the mass threshold;</li>
 *   <li>perturbation selectivity: the two steps of largest |R_t| are a and b;</li>
 *   <li>model randomization: |Spearman ρ| between the relevances on the trained and the
 *       randomised model ≤ the randomization threshold.</li>
 * </ul>
 */
final class SequenceProperty {

    /** One explained sequence: relevance (null if the explainer gave none), f(x), statistic, verdict. */
    record Outcome(double[] relevance, double prediction, double statistic, boolean holds, String problem) {
    }

    private final Check check;
    private final Explainer explainer;
    private final ToyTask task;
    private final Lstm model;
    private final Lstm randomised;
    private final Thresholds thresholds;

    SequenceProperty(Check check, Explainer explainer, ToyTask task, Lstm model, Lstm randomised, Thresholds thresholds) {
        this.check = check;
        this.explainer = explainer;
        this.task = task;
        this.model = model;
        this.randomised = randomised;
        this.thresholds = thresholds;
    }

    Check check() {
        return check;
    }

    /** The property as a phrase, e.g. "relevant mass ≥ 0.900". */
    String describe() {
        return switch (check) {
            case CONTRACT -> "one finite relevance per step";
            case GROUND_TRUTH_CORRELATION -> "R_a with the sign of n_a and R_b with the sign of "
                    + (task == ToyTask.SUBTRACTION ? "−n_b" : "n_b");
            case RELEVANCE_CONSERVATION -> "((R_a + R_b) − f(x))² ≤ " + sci(thresholds.conservationMse());
            case RELEVANT_MASS -> "(|R_a| + |R_b|) / Σ_t |R_t| ≥ " + num(thresholds.mass());
            case PERTURBATION_SELECTIVITY -> "the two steps of largest |R_t| are a and b";
            case MODEL_RANDOMIZATION -> "|rank correlation| with the relevance on a randomised model ≤ "
                    + num(thresholds.randomization());
        };
    }

    /** Explains {@code sample} (called from the search; may call the explainer twice). */
    Outcome evaluate(ToySample sample, Runnable beforeCall, Runnable afterCall) {
        double fx = model.predict(sample.sequence())[0];
        Relevance relevance;
        beforeCall.run();
        try {
            relevance = explainer.explain(model, sample.sequence(), 0);
        } catch (Throwable e) {
            return new Outcome(null, fx, Double.NaN, false, "threw " + e);
        } finally {
            afterCall.run();
        }
        String problem = RelevanceContract.violation(relevance, sample.length());
        if (problem != null) {
            return new Outcome(relevance == null || relevance.length() != sample.length() ? null
                    : relevance.toArray(), fx, Double.NaN, false, problem);
        }
        double[] r = relevance.toArray();
        if (check == Check.MODEL_RANDOMIZATION) {
            Relevance other;
            beforeCall.run();
            try {
                other = explainer.explain(randomised, sample.sequence(), 0);
            } catch (Throwable e) {
                return new Outcome(r, fx, Double.NaN, false, "threw " + e + " on the randomised model");
            } finally {
                afterCall.run();
            }
            if (RelevanceContract.violation(other, sample.length()) != null) {
                return new Outcome(r, fx, Double.NaN, false, "broke the contract on the randomised model");
            }
            double rho = Math.abs(ModelRandomization.rankCorrelation(r, other.toArray(), new double[r.length],
                    new double[r.length]));
            return new Outcome(r, fx, rho, rho <= thresholds.randomization(), null);
        }
        return judge(r, sample, fx);
    }

    /** Judges an explanation already computed (e.g. a test sequence of the population). */
    Outcome judge(double[] r, ToySample s, double fx) {
        int a = s.a();
        int b = s.b();
        return switch (check) {
            case CONTRACT -> new Outcome(r, fx, Double.NaN, true, null);
            case GROUND_TRUTH_CORRELATION -> {
                double signA = CheckEvaluation.expectedSignA(task) * Math.signum(s.na());
                double signB = CheckEvaluation.expectedSignB(task) * Math.signum(s.nb());
                double worst = Math.min(signA * r[a], signB * r[b]);
                yield new Outcome(r, fx, worst, worst > 0, null);
            }
            case RELEVANCE_CONSERVATION -> {
                double e = Metrics.conservationSquaredError(r[a], r[b], fx);
                yield new Outcome(r, fx, e, e <= thresholds.conservationMse(), null);
            }
            case RELEVANT_MASS -> {
                double m = Metrics.relevantMass(r, r.length, a, b);
                yield new Outcome(r, fx, m, m >= thresholds.mass(), null);
            }
            case PERTURBATION_SELECTIVITY -> {
                int[] top = new int[2];
                PerturbationSelectivity.byMagnitude(r, 2, true, top);
                boolean operands = (top[0] == a && top[1] == b) || (top[0] == b && top[1] == a);
                yield new Outcome(r, fx, operands ? 1 : 0, operands, null);
            }
            case MODEL_RANDOMIZATION -> new Outcome(r, fx, Double.NaN, true, null);
        };
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
