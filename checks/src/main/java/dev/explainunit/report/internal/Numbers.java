package dev.explainunit.report.internal;

import java.util.Locale;

/** Number formats shared by the terminal, Markdown and HTML output (always with a '.' decimal point). */
public final class Numbers {

    private Numbers() {
    }

    /** A percentage such as ρ or mass: two decimals, or three when the value is within 0.1 of ±100. */
    public static String percent(double value) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, Math.abs(Math.abs(value) - 100) < 0.1 ? "%.3f" : "%.2f", value);
    }

    /** A mean-squared error: scientific notation below 0.01, else three decimals. */
    public static String mse(double value) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        return value != 0 && Math.abs(value) < 0.01
                ? String.format(Locale.ROOT, "%.1e", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Any statistic: four significant digits. */
    public static String general(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "∞" : "−∞");
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude < 1e-3 || magnitude >= 1e6) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }

    /** A short value for a plot axis tick. */
    public static String tick(double value) {
        if (Math.abs(value) < 1e-12) {
            return "0";
        }
        return general(value);
    }

    /** Seconds with one decimal. */
    public static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }
}
