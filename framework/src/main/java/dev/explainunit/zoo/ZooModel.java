package dev.explainunit.zoo;

import dev.explainunit.lstm.Lstm;
import dev.explainunit.toy.Task;
import org.apiguardian.api.API;

/**
 * A trained single-unit LSTM of the bundled zoo with the metrics recorded when it was trained.
 *
 * @param id            stable identifier, e.g. {@code addition-07}
 * @param task          the task it was trained on
 * @param seed          the training seed (initial weights)
 * @param model         the model
 * @param trainMse      mean squared error on the training split
 * @param validationMse mean squared error on the validation split
 * @param testMse       mean squared error on the test split
 * @param evaluations   loss-and-gradient evaluations the optimiser spent
 * @param seconds       CPU seconds the training run took
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ZooModel(String id, Task task, long seed, Lstm model, double trainMse, double validationMse,
                       double testMse, int evaluations, double seconds) {
}
