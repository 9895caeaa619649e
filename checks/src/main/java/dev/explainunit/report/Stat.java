package dev.explainunit.report;

import org.apiguardian.api.API;

/**
 * A mean and a standard deviation over models, as each cell of the paper's Table 2.
 *
 * @param mean the mean over models
 * @param std  the population standard deviation over models (divisor n, as numpy's default)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Stat(double mean, double std) {

    /** The mean and population standard deviation of {@code values}; NaN for an empty array. */
    public static Stat of(double[] values) {
        if (values.length == 0) {
            return new Stat(Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Stat(mean, Math.sqrt(squares / values.length));
    }

    /** Whether {@code other}'s mean lies more than this stat's std (at least {@code minGap}) away from this mean. */
    public boolean differsBeyondStd(Stat other, double minGap) {
        return Math.abs(other.mean - mean) > Math.max(std, minGap);
    }

    /** "99.9 ± 0.1" for a statistic in %, as the reports print Table 2's ρ and mass columns. */
    public String asPercent() {
        return dev.explainunit.report.internal.Numbers.percent(mean) + " ± "
                + dev.explainunit.report.internal.Numbers.percentSpread(std);
    }

    /** "3.4e-04 ± 1.8e-04", as the reports print Table 2's MSE column. */
    public String asMse() {
        return dev.explainunit.report.internal.Numbers.mse(mean) + " ± "
                + dev.explainunit.report.internal.Numbers.mse(std);
    }
}
