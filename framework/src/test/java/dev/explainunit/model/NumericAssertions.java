package dev.explainunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Agreement of computed values with expected ones relative to the expected values' scale:
 * |a − b| ≤ tolerance · max(1, max |b|) over the compared values, so that a value near 0 among
 * larger ones is held to the accuracy its neighbours allow, not to a relative accuracy it cannot
 * have.
 */
public final class NumericAssertions {

    private NumericAssertions() {
    }

    /** max(1, max_k |values[k]|). */
    public static double scale(double... values) {
        double scale = 1;
        for (double v : values) {
            scale = Math.max(scale, Math.abs(v));
        }
        return scale;
    }

    /** max(1, max |values[t][k]|). */
    public static double scale(double[][] values) {
        double scale = 1;
        for (double[] row : values) {
            scale = Math.max(scale, scale(row));
        }
        return scale;
    }

    /** Every actual[k] within tolerance · {@link #scale}(expected) of expected[k]. */
    public static void assertClose(double[] actual, double[] expected, double tolerance, String what) {
        assertThat(actual).as("%s: length", what).hasSameSizeAs(expected);
        double allowed = tolerance * scale(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("%s [%d]", what, k).isCloseTo(expected[k], within(allowed));
        }
    }

    /** Every actual[t][k] within tolerance · {@link #scale}(expected) of expected[t][k]. */
    public static void assertClose(double[][] actual, double[][] expected, double tolerance, String what) {
        assertThat(actual.length).as("%s: rows", what).isEqualTo(expected.length);
        double allowed = tolerance * scale(expected);
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("%s: row %d", what, t).hasSameSizeAs(expected[t]);
            for (int k = 0; k < expected[t].length; k++) {
                assertThat(actual[t][k]).as("%s [%d][%d]", what, t, k).isCloseTo(expected[t][k], within(allowed));
            }
        }
    }

    /** The raw bits of the first n values, for comparisons that must be exact (−0.0 and NaN included). */
    public static long[] bits(double[] values, int n) {
        long[] bits = new long[n];
        for (int k = 0; k < n; k++) {
            bits[k] = Double.doubleToRawLongBits(values[k]);
        }
        return bits;
    }
}
