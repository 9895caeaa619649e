package dev.explainunit.sentiment;

import org.apiguardian.api.API;

/**
 * Hears how far {@link SentimentExperiments#run} has got, e.g. to draw a progress bar. Called
 * from the thread that runs the experiments.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface SentimentProgress {

    /** Hears nothing. */
    SentimentProgress NONE = new SentimentProgress() {
        @Override
        public void stage(String name, long total) {
        }

        @Override
        public void advance(long units) {
        }
    };

    /**
     * A stage begins: {@code "test sentences"} (units: sentences; {@code total} is what the caller
     * said the data holds, or −1 where it did not), then {@code "compositions"} (units: one
     * method's samples of one composition).
     */
    void stage(String name, long total);

    /** {@code units} more of the current stage are done. */
    void advance(long units);
}
