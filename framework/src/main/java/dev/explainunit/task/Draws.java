package dev.explainunit.task;

import org.apiguardian.api.API;

/**
 * The random choices a {@link SampleGenerator} makes. The counterexample search backs them with
 * QuickTheories, which shrinks a failing sample by shrinking these choices one by one: each
 * value moves towards the end of its range nearest 0, so a generator that draws "simple" as small
 * numbers (short length, first positions, the lowest grid value) shrinks to simple samples.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface Draws {

    /** A whole number in [min, max] (inclusive), shrinking towards the end nearest 0. */
    int between(int min, int max);

    /** A coin flip, shrinking towards {@code false}. */
    default boolean coin() {
        return between(0, 1) == 1;
    }
}
