package dev.explainunit.train.internal;

import org.apiguardian.api.API;

/**
 * The full-batch mean squared error of an LSTM over a {@link SequenceBatch} as a function of its
 * parameter vector θ ({@link LstmParameters} layout). Implementations hold one run's workspaces and
 * are not thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface MseLoss extends DifferentiableFunction {

    /** L(θ) without the gradient; {@code theta} is not modified. */
    double value(double[] theta);

    /** The fastest implementation for the layout: unrolled for H = 1, D = 2, else the general one. */
    static MseLoss create(SequenceBatch batch, LstmParameters layout) {
        return SingleUnitMseObjective.supports(layout)
                ? new SingleUnitMseObjective(batch) : new LstmMseObjective(batch, layout);
    }
}
