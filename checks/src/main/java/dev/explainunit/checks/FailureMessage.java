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
        String lead = lead(result, ce);
        StringBuilder text = new StringBuilder(lead.isEmpty() ? "" : lead + NL).append(result.message()).append(NL);
        if (ce != null) {
            text.append(counterexample(ce, result));
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

    /**
     * The terse first line, as ArchUnit leads: what failed, how far off, where. "[cd] on subtraction:
     * relevant mass 0.41 < 0.9 (worst model subtraction-07)"; empty when the message is terse already.
     */
    static String lead(CheckResult result, Counterexample ce) {
        StringBuilder line = new StringBuilder("[").append(result.explainerId()).append("] on ").append(result.task())
                .append(": ").append(result.check().displayName());
        double value = result.statisticValue();
        if (result.check() == Check.CONTRACT) {
            if (result.violation() == null) {
                return ""; // no violation to lead with: the message is terse already
            }
            return line.append(" violated: ").append(CheckEvaluation.headline(result.violation())).toString();
        }
        if (Double.isNaN(value)) {
            Double undefined = result.statistics().get(CheckResult.UNDEFINED_MODELS);
            line.append(' ').append(result.undefined() != null ? result.undefined().phrase() : "undefined"
                    + (undefined == null ? "" : " on " + undefined.intValue() + " of " + result.modelIds().size()
                    + " models"));
        } else if (Double.isFinite(result.threshold())) {
            String[] shown = CheckMessages.distinguishing(value, result.threshold());
            String label = result.statistic().replace('_', ' ');
            line.append(result.check().displayName().contains(label) ? "" : " " + label).append(' ').append(shown[0])
                    .append(' ').append(result.comparison().failing()).append(' ').append(shown[1]);
        }
        if (ce != null && ce.modelId() != null) {
            line.append(" (").append(CheckMessages.worstModel(result.modelIds().size(), ce.modelId())).append(')');
        }
        return line.toString();
    }

    /** The counterexample as tables, one line per step, ending with a line break. */
    static String counterexample(Counterexample ce) {
        return counterexample(ce, null);
    }

    /**
     * As {@link #counterexample(Counterexample)}; with {@code result}, the value of the sequence is
     * shown beside the threshold with enough digits to tell them apart, and left out for the checks
     * whose property has no single-sequence value (selectivity, randomization).
     */
    static String counterexample(Counterexample ce, CheckResult result) {
        StringBuilder text = new StringBuilder();
        text.append("Counterexample on model ").append(ce.modelId()).append(", violating ")
                .append(ce.property()).append(':').append(NL);
        int length = ce.shrunk().steps().size();
        if (ce.shrunkIsOriginal()) {
            text.append(ce.isSentence() ? "sentence from the data (T = " + length
                    + "; a sentence of a data file cannot be shrunk):" : "test sequence (T = " + length
                    + "; no smaller one was found):").append(NL);
            table(text, ce.shrunk(), result);
            return text.toString();
        }
        text.append("shrunk (T = ").append(length).append("):").append(NL);
        table(text, ce.shrunk(), result);
        text.append("original (T = ").append(ce.original().steps().size()).append("):").append(NL);
        table(text, ce.original(), result);
        return text.toString();
    }

    /** One line per step: t | x_t | R_t, or t | word | R_t for a sentence (its embedding says nothing to a reader). */
    static void table(StringBuilder text, Example e) {
        table(text, e, null);
    }

    private static void table(StringBuilder text, Example e, CheckResult result) {
        boolean words = e.isSentence();
        text.append(String.format(Locale.ROOT, "  %3s | %-16s | %10s%n", "t", words ? "word" : "x_t", "R_t"));
        for (StepValue step : e.steps()) {
            StringBuilder x = new StringBuilder(words ? step.word() : "(");
            for (int d = 0; !words && d < step.x().length; d++) {
                x.append(d == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", step.x()[d]));
            }
            x.append(words ? "" : ")");
            String role = e.role(step.t());
            String mark = role == null ? "" : "  <- " + role;
            // a sequence the explainer threw on has no R_t: say so rather than print NaN as if returned
            String r = e.thrown() != null ? "threw" : String.format(Locale.ROOT, "%.4f", step.relevance());
            text.append(String.format(Locale.ROOT, "  %3d | %-16s | %10s%s%n", step.t(), x, r, mark));
        }
        if (e.thrown() != null) {
            text.append("  explain(model, x, target) threw ").append(e.thrown()).append(NL);
        }
        // a sentence's y is its class: the explained output is that class's score
        text.append(words ? String.format(Locale.ROOT, "  true class %d, f_c(x) = %.4f", (int) e.y(), e.prediction())
                : String.format(Locale.ROOT, "  y = %.4f, f(x) = %.4f", e.y(), e.prediction()));
        boolean sequenceValue = result == null || (result.check() != Check.PERTURBATION_SELECTIVITY
                && result.check() != Check.MODEL_RANDOMIZATION);
        if (!Double.isNaN(e.statistic()) && sequenceValue) {
            if (result != null && Double.isFinite(result.threshold())) {
                String[] shown = CheckMessages.distinguishing(e.statistic(), result.threshold());
                text.append(", on this sequence ").append(shown[0]).append(" (threshold ").append(shown[1]).append(')');
            } else {
                text.append(String.format(Locale.ROOT, ", on this sequence %.4f", e.statistic()));
            }
        }
        text.append(NL);
    }
}
