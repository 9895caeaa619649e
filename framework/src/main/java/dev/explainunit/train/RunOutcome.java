package dev.explainunit.train;

import org.apiguardian.api.API;

/** How a training run ended. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum RunOutcome {
    /** The validation MSE fell below the success threshold. */
    CONVERGED,
    /** The training MSE was still on a plateau when the abandon rule applied. */
    ABANDONED,
    /** The evaluation budget ran out. */
    BUDGET_EXHAUSTED,
    /** The optimiser found no further decrease (a minimum to machine precision). */
    OPTIMISER_STOPPED,
    /** The run was cancelled (interrupt, or enough models were already found). */
    CANCELLED
}
