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
        if (result.check() == Check.CONTRACT || !seedMatters(result, settings)) {
            // a throw, NaN, a wrong length, non-determinism or a hang, or a check on a fixed data set
            // that draws nothing at random: rerunning with the seed adds nothing
            return text.toString().stripTrailing();
        }
        text.append("Seed ").append(settings.seed()).append(": rerun with @ExplainerSanityTest(seed = ")
                .append(settings.seed()).append("L) or explainunit.seed=").append(settings.seed())
                .append(" in junit-platform.properties (").append(settings.samples()).append(" samples, ")
                .append(result.modelIds().size()).append(" models).");
        return text.toString();
    }

    /**
     * Whether the seed changes the outcome of {@code result}: it chooses the samples of a task that
     * generates them (a task without a generator reads a fixed data set, the same for any seed), and
     * the randomised models and random deletions of model randomization and perturbation selectivity.
     */
    private static boolean seedMatters(CheckResult result, SanitySettings settings) {
        if (result.check() == Check.MODEL_RANDOMIZATION || result.check() == Check.PERTURBATION_SELECTIVITY) {
            return true;
        }
        return settings.tasks().stream().filter(t -> t.id().equals(result.task())).findFirst()
                .map(t -> t.generator().isPresent()).orElse(true);
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

    /**
     * The message of a failed check as a terminal shows it: {@code result}'s message with the
     * counterexample's tables replaced by one line and where the tables are ({@code tablesAt}), so
     * that a failure stays about ten lines however long its sequence; the message as it is where it
     * has no counterexample (or does not hold its tables).
     */
    static String console(CheckResult result, String tablesAt) {
        String full = result.message() == null ? "" : result.message();
        Counterexample ce = result.counterexample();
        if (ce == null) {
            return full;
        }
        // the tables end the message where no seed line follows them (then without their last line break)
        String tables = counterexample(ce, result).stripTrailing();
        int at = full.indexOf(tables);
        if (at < 0) {
            return full;
        }
        String after = full.substring(at + tables.length()).replaceFirst("^" + java.util.regex.Pattern.quote(NL), "");
        return full.substring(0, at) + summary(ce, result) + NL + "The counterexample's table"
                + (ce.shrunkIsOriginal() ? "" : "s") + ": " + tablesAt + (after.isEmpty() ? "" : NL + after);
    }

    /** Steps whose relevances the one-line summary lists; a longer sequence is described by its length. */
    private static final int LISTED_STEPS = 6;

    /**
     * "Counterexample on model addition-05, shrunk to T = 3 from T = 14: R_t = 0.0000 (a), -0.0003 (b),
     * -0.0709; on this sequence -3.458e-04 (threshold 0.9)."; a sentence's words stand before their R_t.
     */
    static String summary(Counterexample ce, CheckResult result) {
        Example e = ce.shrunk();
        int length = e.steps().size();
        StringBuilder line = new StringBuilder("Counterexample on model ").append(ce.modelId()).append(", ");
        if (ce.isSentence()) {
            line.append(ce.shrunkIsOriginal() ? "a sentence of the data, " : "shrunk, ").append(length)
                    .append(length == 1 ? " word" : " words");
        } else {
            line.append(ce.shrunkIsOriginal() ? "a test sequence of T = " + length
                    : "shrunk to T = " + length + " from T = " + ce.original().steps().size());
        }
        if (e.thrown() != null) {
            line.append(": explain(model, x, target) threw ").append(e.thrown().lines().findFirst().orElse(""));
        } else if (length <= LISTED_STEPS) {
            line.append(": R_t = ");
            for (StepValue step : e.steps()) {
                String role = e.role(step.t());
                line.append(step.t() == 0 ? "" : ", ").append(step.word() == null ? "" : step.word() + " ")
                        .append(String.format(Locale.ROOT, "%.4f", step.relevance()))
                        .append(role == null ? "" : " (" + role + ")");
            }
        }
        boolean sequenceValue = result.check() != Check.PERTURBATION_SELECTIVITY
                && result.check() != Check.MODEL_RANDOMIZATION;
        if (!Double.isNaN(e.statistic()) && sequenceValue && e.thrown() == null) {
            if (Double.isFinite(result.threshold())) {
                String[] shown = CheckMessages.distinguishing(e.statistic(), result.threshold());
                line.append("; on this sequence ").append(shown[0]).append(" (threshold ").append(shown[1]).append(')');
            } else {
                line.append(String.format(Locale.ROOT, "; on this sequence %.4f", e.statistic()));
            }
        }
        return line.append('.').toString();
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
        double[] randomised = e.randomised() != null && e.randomised().length == e.steps().size() ? e.randomised()
                : null;
        text.append(String.format(Locale.ROOT, "  %3s | %-16s | %10s", "t", words ? "word" : "x_t", "R_t"))
                .append(randomised == null ? "" : " | R_t randomised").append(NL);
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
            String other = randomised == null ? "" : String.format(Locale.ROOT, " | %14.4f", randomised[step.t()]);
            text.append(String.format(Locale.ROOT, "  %3d | %-16s | %10s%s%s%n", step.t(), x, r, other, mark));
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
