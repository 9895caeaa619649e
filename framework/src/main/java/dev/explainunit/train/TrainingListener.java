package dev.explainunit.train;

import org.apiguardian.api.API;

/** Hears about finished runs; called from the training threads, so implementations must be thread-safe. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface TrainingListener {

    /** Does nothing. */
    TrainingListener NONE = run -> { };

    /** A run has ended (kept or not). */
    void runFinished(TrainingRun run);
}
