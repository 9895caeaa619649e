package dev.explainunit.assertj;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.checks.Metrics;
import dev.explainunit.checks.RelevanceContract;
import java.util.Locale;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one {@link Relevance}; the statistics are those of {@link Metrics}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RelevanceAssert extends AbstractAssert<RelevanceAssert, Relevance> {

    RelevanceAssert(Relevance actual) {
        super(actual, RelevanceAssert.class);
    }

    /** One finite value per step of {@code sequence} (the per-sequence contract). */
    public RelevanceAssert isWellFormedFor(Sequence sequence) {
        String problem = RelevanceContract.violation(actual, sequence.length());
        if (problem != null) {
            failWithMessage("Expected a relevance with one finite value per step of a %d-step sequence, but it %s: %s",
                    sequence.length(), problem, actual);
        }
        return this;
    }

    /** Starts an assertion on the relevant mass (|R_a| + |R_b|) / Σ_t |R_t|. */
    public MassAssert hasMassOn(int a, int b) {
        isNotNull();
        if (a < 0 || b < 0 || a >= actual.length() || b >= actual.length() || a == b) {
            failWithMessage("Steps %d and %d are not two distinct steps of a relevance of length %d", a, b,
                    actual.length());
        }
        return new MassAssert(this, Metrics.relevantMass(actual, a, b), a, b);
    }

    /** Σ_t R_t + R_rest equals {@code output} within {@code tolerance} (requires a declared rest). */
    public RelevanceAssert conserves(double output, double tolerance) {
        isNotNull();
        if (actual.rest().isEmpty()) {
            failWithMessage("Expected a relevance that declares its rest (Relevance.withRest), but it has none: %s",
                    actual);
        }
        double error = Metrics.conservationError(actual, output);
        if (!(error <= tolerance)) {
            failWithMessage("Expected Σ_t R_t + R_rest = %s within %s, but the sum is %s (error %s): %s", output,
                    tolerance, actual.sum() + actual.rest().getAsDouble(), error, actual);
        }
        return this;
    }

    /** The mass assertion's second half. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class MassAssert {
        private final RelevanceAssert parent;
        private final double mass;
        private final int a;
        private final int b;

        MassAssert(RelevanceAssert parent, double mass, int a, int b) {
            this.parent = parent;
            this.mass = mass;
            this.a = a;
            this.b = b;
        }

        /** The mass is at least {@code minimum} (e.g. 0.95). */
        public RelevanceAssert atLeast(double minimum) {
            if (!(mass >= minimum)) {
                parent.failWithMessage("Expected at least %s of the absolute relevance on steps %d and %d, because "
                        + "only they determine the output, but they hold %s: %s", pct(minimum), a, b, pct(mass),
                        parent.actual);
            }
            return parent;
        }

        private static String pct(double v) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * v);
        }
    }
}
