package dev.explainunit.task;

import org.apiguardian.api.API;

/**
 * Makes one sample of a task from random choices, so that failing samples can be shrunk (see
 * {@link Draws}). The same choices must give the same sample.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface SampleGenerator {

    /** A sample built from {@code draws}. */
    Sample generate(Draws draws);
}
