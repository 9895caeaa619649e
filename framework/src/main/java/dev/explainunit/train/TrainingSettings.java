package dev.explainunit.train;

import org.apiguardian.api.API;

/**
 * The optimiser settings and stopping rules of one training run.
 *
 * @param memory                  L-BFGS memory m (correction pairs kept)
 * @param successValidationMse    stop as soon as the validation MSE falls below this
 * @param keepValidationMse       a run is kept (converged) if its final validation MSE is below this
 *                                (paper A.4: 1e-4)
 * @param abandonAfterEvaluations give up a run after this many evaluations ...
 * @param abandonTrainMse         ... if its best training MSE is still above this (a plateau)
 * @param maxEvaluations          budget of loss-and-gradient evaluations per run
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TrainingSettings(int memory, double successValidationMse, double keepValidationMse,
                               int abandonAfterEvaluations, double abandonTrainMse, int maxEvaluations) {

    /** @throws IllegalArgumentException naming the first setting out of range */
    public TrainingSettings {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be >= 1, got " + memory);
        }
        if (!(successValidationMse > 0) || !(keepValidationMse > 0)) {
            throw new IllegalArgumentException("MSE thresholds must be > 0, got " + successValidationMse + " and "
                    + keepValidationMse);
        }
        if (abandonAfterEvaluations < 1 || maxEvaluations < 1) {
            throw new IllegalArgumentException("evaluation counts must be >= 1, got " + abandonAfterEvaluations
                    + " and " + maxEvaluations);
        }
    }

    /**
     * The protocol that reliably converges (see src/docs/training.md): L-BFGS m = 10; stop at
     * validation MSE &lt; 1e-5 (at the first &lt; 1e-4 the longer test sequences are often not yet
     * below 1e-4); keep at validation MSE &lt; 1e-4; abandon a run still above training MSE 0.01
     * after 300 evaluations; at most 3000 evaluations.
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(10, 1e-5, 1e-4, 300, 0.01, 3000);
    }

    /** The optimiser and stopping rules in words, as recorded in a zoo's index. */
    public String describe() {
        return "full-batch L-BFGS (memory " + memory + ") with a strong Wolfe line search; stop at validation MSE < "
                + successValidationMse + "; keep at validation MSE < " + keepValidationMse + "; abandon a seed"
                + " whose best training MSE is above " + abandonTrainMse + " after " + abandonAfterEvaluations
                + " evaluations; at most " + maxEvaluations + " evaluations";
    }
}
