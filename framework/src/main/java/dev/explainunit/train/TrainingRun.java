package dev.explainunit.train;

import dev.explainunit.model.RecurrentNetwork;
import org.apiguardian.api.API;

/**
 * The result of training one model from one initialisation seed.
 *
 * @param task          the id of the toy task, e.g. {@code "addition-gru"}
 * @param seed          the initialisation seed
 * @param model         the trained model (the iterate with the lowest validation MSE seen)
 * @param trainMse      its MSE on the training split
 * @param validationMse its MSE on the validation split
 * @param testMse       its MSE on the test split
 * @param evaluations   loss-and-gradient evaluations spent (the optimiser's "steps")
 * @param seconds       wall time of the run
 * @param cpuSeconds    CPU time of the run's thread (equals the wall time on an idle machine)
 * @param kept          whether validationMse is below the keep threshold
 * @param outcome       how the run ended
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TrainingRun(String task, long seed, RecurrentNetwork model, double trainMse, double validationMse,
                          double testMse, int evaluations, double seconds, double cpuSeconds, boolean kept,
                          RunOutcome outcome) {
}
