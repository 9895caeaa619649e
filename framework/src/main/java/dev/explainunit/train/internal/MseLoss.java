package dev.explainunit.train.internal;

import org.apiguardian.api.API;

/**
 * The full-batch mean squared error of a toy network over a {@link SequenceBatch} as a function of
 * its parameter vector θ ({@link NetworkParameters} layout). Implementations hold one run's
 * workspaces and are not thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface MseLoss extends DifferentiableFunction {

    /** L(θ) without the gradient; {@code theta} is not modified. */
    double value(double[] theta);

    /** The fastest implementation for the layout: unrolled for the paper's single-unit LSTM, else the general one. */
    static MseLoss create(SequenceBatch batch, NetworkParameters layout) {
        return SingleUnitMseObjective.supports(layout)
                ? new SingleUnitMseObjective(batch) : new NetworkMseObjective(batch, layout);
    }
}
