package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * Why a check's statistic is undefined (NaN) on some models, which fails the check: it is reported
 * as such, never as 0.
 *
 * @param why    the reason, e.g. "constant relevance"
 * @param models on how many models
 * @param of     of how many
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record UndefinedStatistic(String why, int models, int of) {

    /** "undefined (constant relevance) on 3 of 50 models". */
    public String phrase() {
        return "undefined (" + why + ") on " + models + " of " + of + " models";
    }

    /** The statistic on {@code undefined} of {@code of} models, or null when it is defined on every one. */
    static UndefinedStatistic onSome(int undefined, int of, String why) {
        return undefined > 0 ? new UndefinedStatistic(why, undefined, of) : null;
    }
}
