package dev.explainunit.report.internal;

import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The decisive statistic of a check as the Markdown and HTML reports show it: four significant
 * digits; "undefined" (with "on k of M models" when the result names how many models it was
 * undefined on) instead of NaN; nothing for a check without a statistic (the contract, and checks
 * not evaluated because the contract failed).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CheckStatistic {

    private CheckStatistic() {
    }

    /** The statistic of {@code r} in words, or empty when the check has none to show. */
    public static Optional<String> of(CheckResult r) {
        if (r.check() == Check.CONTRACT || (Double.isNaN(r.statisticValue()) && Double.isNaN(r.threshold()))) {
            return Optional.empty();
        }
        if (!Double.isNaN(r.statisticValue())) {
            return Optional.of(Numbers.general(r.statisticValue()));
        }
        Double undefined = r.statistics().get(CheckResult.UNDEFINED_MODELS);
        if (undefined == null || undefined.isNaN() || r.modelIds().isEmpty()) {
            return Optional.of("undefined");
        }
        return Optional.of("undefined on " + Math.round(undefined) + " of " + r.modelIds().size() + " models");
    }

    /** Any statistic: four significant digits, "undefined" for NaN. */
    public static String value(double v) {
        return Double.isNaN(v) ? "undefined" : Numbers.general(v);
    }
}
