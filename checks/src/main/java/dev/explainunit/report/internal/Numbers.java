package dev.explainunit.report.internal;

import java.util.Locale;
import org.apiguardian.api.API;

/** Number formats shared by the terminal, Markdown and HTML output (always with a '.' decimal point). */
@API(status = API.Status.INTERNAL, since = "0.1")
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

    /** A standard deviation of percentages: three decimals below 0.1 (so 0.004 does not print as 0.00), else two. */
    public static String percentSpread(double value) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, Math.abs(value) < 0.1 ? "%.3f" : "%.2f", value);
    }

    /** A mean-squared error: scientific notation below 0.01 and from 1000 on, else three decimals. */
    public static String mse(double value) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        double magnitude = Math.abs(value);
        return value != 0 && (magnitude < 0.01 || magnitude >= 1000)
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

    /**
     * A short label for an axis tick at {@code value} on an axis with tick spacing {@code step}:
     * as many decimals as the spacing needs, scientific ("5e-4") for spacings below 0.001 or of
     * 10^5 and more.
     */
    public static String tick(double value, double step) {
        if (Math.abs(value) < step * 1e-9) {
            return "0";
        }
        if (step < 1e-3 || step >= 1e5) {
            return String.format(Locale.ROOT, "%.1e", value).replace(".0e", "e").replace("e-0", "e-").replace("e+0", "e");
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** An ISO-8601 instant without its fraction of a second ("2026-01-01T10:00:00.123Z" → "2026-01-01 10:00:00 UTC"). */
    public static String dateToSeconds(String iso) {
        if (iso == null) {
            return "";
        }
        int dot = iso.indexOf('.');
        String trimmed = dot > 0 && iso.endsWith("Z") ? iso.substring(0, dot) + "Z" : iso;
        return trimmed.endsWith("Z") ? trimmed.substring(0, trimmed.length() - 1).replace('T', ' ') + " UTC" : trimmed;
    }

    /** Seconds with one decimal. */
    public static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }
}
