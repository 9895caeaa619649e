package dev.explainunit.explainers;

import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkBatch;
import dev.explainunit.model.RecurrentNetwork;

/**
 * Buffers one thread reuses from one batch of explanations to the next: the {@link NetworkBatch}
 * that runs a group of inputs of one length side by side, and the group's inputs.
 */
class BatchWorkspace {

    /**
     * Inputs run side by side. On `bench --task sentiment` 4, 8 and 16 differed by less than the
     * noise of a shared machine; 8 groups the bundled test sentences into groups of 7.4 on average.
     */
    static final int LANES = 8;

    private NetworkBatch batch;
    /** The inputs of the group being explained, lane b at index b. */
    final Sequence[] group = new Sequence[LANES];

    /** A batch for {@code model} (made anew when the model changes). */
    final NetworkBatch batch(RecurrentNetwork model) {
        if (batch == null || batch.model() != model) {
            batch = new NetworkBatch(model, LANES);
        }
        return batch;
    }
}
