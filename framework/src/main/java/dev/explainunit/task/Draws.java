package dev.explainunit.task;

import org.apiguardian.api.API;

/**
 * The random choices a {@link SampleGenerator} makes. The counterexample search backs them with
 * QuickTheories, which shrinks a failing sample by shrinking these choices one by one: each
 * value moves towards the end of its range nearest 0, so a generator that draws "simple" as small
 * numbers (short length, first positions, the lowest grid value) shrinks to simple samples.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Draws {

    /** A whole number in [min, max] (inclusive), shrinking towards the end nearest 0. */
    int between(int min, int max);

    /** A coin flip, shrinking towards {@code false}. */
    default boolean coin() {
        return between(0, 1) == 1;
    }

    /**
     * {@code count} whole numbers in [min, max], drawn as one list. By default one
     * {@link #between} after the other; the counterexample search draws them as a QuickTheories
     * list ({@code lists().of(integers().between(min, max)).ofSize(count)}), which makes a few
     * choices of its own (which list, its size) before the values, so that a generator written
     * against QuickTheories' lists finds and shrinks to the same samples through this interface.
     */
    default int[] each(int count, int min, int max) {
        int[] values = new int[count];
        for (int k = 0; k < count; k++) {
            values[k] = between(min, max);
        }
        return values;
    }

    /** {@code count} coin flips drawn as one list, as {@link #each} draws numbers. */
    default boolean[] coins(int count) {
        boolean[] values = new boolean[count];
        for (int k = 0; k < count; k++) {
            values[k] = coin();
        }
        return values;
    }
}
