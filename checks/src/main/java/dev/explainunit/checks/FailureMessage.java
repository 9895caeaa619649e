package dev.explainunit.checks;

import java.util.Locale;

/**
 * The text of a failed check: the verdict sentence, then the counterexample as small tables
 * (t | x_t | R_t), then how to rerun exactly this case.
 */
final class FailureMessage {

    private static final String NL = System.lineSeparator();

    private FailureMessage() {
    }

    static String with(CheckResult result, Counterexample ce, SanitySettings settings) {
        StringBuilder text = new StringBuilder(result.message()).append(NL);
        if (ce != null) {
            text.append(counterexample(ce));
        }
        if (result.check() == Check.CONTRACT) {
            // a throw, NaN, a wrong length, non-determinism or a hang: rerunning with the seed adds nothing
            return text.toString().stripTrailing();
        }
        text.append("Seed ").append(settings.seed()).append(": rerun with @ExplainerSanityTest(seed = ")
                .append(settings.seed()).append("L) or explainunit.seed=").append(settings.seed())
                .append(" in junit-platform.properties (").append(settings.samples()).append(" samples, ")
                .append(result.modelIds().size()).append(" models).");
        return text.toString();
    }

    /** The counterexample as tables, one line per step, ending with a line break. */
    static String counterexample(Counterexample ce) {
        StringBuilder text = new StringBuilder();
        text.append("Counterexample on model ").append(ce.modelId()).append(", violating ")
                .append(ce.property()).append(':').append(NL);
        text.append("shrunk (T = ").append(ce.shrunk().steps().size()).append("):").append(NL);
        table(text, ce.shrunk());
        if (ce.original() != ce.shrunk()) {
            text.append("original (T = ").append(ce.original().steps().size()).append("):").append(NL);
            table(text, ce.original());
        }
        return text.toString();
    }

    static void table(StringBuilder text, Example e) {
        text.append(String.format(Locale.ROOT, "  %3s | %-16s | %10s%n", "t", "x_t", "R_t"));
        for (StepValue step : e.steps()) {
            StringBuilder x = new StringBuilder("(");
            for (int d = 0; d < step.x().length; d++) {
                x.append(d == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", step.x()[d]));
            }
            x.append(')');
            String role = e.role(step.t());
            String mark = role == null ? "" : "  <- " + role;
            text.append(String.format(Locale.ROOT, "  %3d | %-16s | %10.4f%s%n", step.t(), x, step.relevance(),
                    mark));
        }
        text.append(String.format(Locale.ROOT, "  y = %.4f, f(x) = %.4f", e.y(), e.prediction()));
        if (!Double.isNaN(e.statistic())) {
            text.append(String.format(Locale.ROOT, ", statistic on this sequence = %.4f", e.statistic()));
        }
        text.append(NL);
    }
}
