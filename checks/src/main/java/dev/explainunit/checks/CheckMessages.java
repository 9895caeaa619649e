package dev.explainunit.checks;

import java.util.Locale;

/**
 * The one formatter of check messages: numbers, percentages, scientific notation, the header
 * naming explainer and task, the population phrase, and "undefined (why) on k of M models". Every
 * check builds its message from these, so that all messages read alike.
 */
final class CheckMessages {

    private CheckMessages() {
    }

    /** "[lrp-all] on subtraction: ". */
    static String header(ExplainedPopulation p) {
        return "[" + p.explainerId() + "] on " + p.task().id() + ": ";
    }

    /** The message of a passed check: what was measured, then the rule it satisfies. */
    static String passed(ExplainedPopulation p, String measured, SanityCheck check) {
        return header(p) + measured + ": " + check.rule(p) + ".";
    }

    /** The message of a failed check: the rule with its reason, then "; but" and what was found. */
    static String failed(ExplainedPopulation p, SanityCheck check, String found) {
        return header(p) + check.sentence(p) + "; but " + found;
    }

    /** "worst model addition-07" among several models; "model sentiment" when there is one. */
    static String worstModel(int models, String id) {
        return (models == 1 ? "model " : "worst model ") + id;
    }

    /** "mean over 50 models × 2500 test sequences"; on sentences "mean over 1 model × 300 test sentences". */
    static String population(ExplainedPopulation p) {
        int models = p.models().size();
        return "mean over " + models + (models == 1 ? " model × " : " models × ") + p.samples().size() + " test "
                + p.task().kind().samples();
    }


    /** Three decimals: "0.912". */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A fraction as a percentage with one decimal: 0.912 → "91.2%". */
    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /**
     * {@code value} and {@code threshold} with as many significant digits as it takes to tell them
     * apart (at least 4, at most 10): 0.0100 against 0.0100 becomes 0.010042 against 0.010000.
     */
    static String[] distinguishing(double value, double threshold) {
        for (int digits = 4; digits <= 10; digits++) {
            String v = significant(value, digits);
            String t = significant(threshold, digits);
            if (!v.equals(t) || value == threshold) {
                return new String[] {v, t};
            }
        }
        return new String[] {significant(value, 10), significant(threshold, 10)};
    }

    private static String significant(double v, int digits) {
        if (v == 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6)) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }

    /** Scientific with two decimals: "1.00e-02". */
    static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
