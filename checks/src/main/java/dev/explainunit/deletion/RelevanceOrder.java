package dev.explainunit.deletion;

import java.util.Arrays;
import java.util.Comparator;
import org.apiguardian.api.API;

/** The positions of a relevance vector in the order word deletion removes them. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RelevanceOrder {

    private RelevanceOrder() {
    }

    /**
     * The positions sorted by decreasing relevance (most relevant first), equal values by
     * position (earlier first).
     */
    public static int[] decreasing(double[] relevance) {
        return sorted(relevance, (a, b) -> Double.compare(relevance[b] + 0.0, relevance[a] + 0.0));
    }

    /**
     * The positions sorted by increasing relevance (most negative first), equal values by
     * position (earlier first).
     */
    public static int[] increasing(double[] relevance) {
        return sorted(relevance, (a, b) -> Double.compare(relevance[a] + 0.0, relevance[b] + 0.0));
    }

    /** Sorts by {@code byValue}, then by position; {@code + 0.0} makes −0.0 and 0.0 equal. */
    private static int[] sorted(double[] relevance, Comparator<Integer> byValue) {
        Integer[] positions = new Integer[relevance.length];
        for (int t = 0; t < positions.length; t++) {
            positions[t] = t;
        }
        Arrays.sort(positions, byValue.thenComparingInt(t -> t)); // stable for ties, and explicit
        return Arrays.stream(positions).mapToInt(Integer::intValue).toArray();
    }
}
