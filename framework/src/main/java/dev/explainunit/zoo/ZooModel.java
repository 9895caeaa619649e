package dev.explainunit.zoo;

import dev.explainunit.lstm.Lstm;
import dev.explainunit.task.TaskModel;
import dev.explainunit.toy.ToyTask;
import org.apiguardian.api.API;

/**
 * A trained toy-task model with the metrics of its training run.
 *
 * @param id            e.g. {@code "addition-07"}
 * @param task          the task it solves
 * @param seed          its initialisation seed
 * @param model         the single-unit LSTM
 * @param trainMse      MSE on the training split of the zoo's data seed
 * @param validationMse MSE on the validation split
 * @param testMse       MSE on the test split
 * @param evaluations   loss-and-gradient evaluations the training spent
 * @param seconds       wall time of its training run
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ZooModel(String id, ToyTask task, long seed, Lstm model, double trainMse, double validationMse,
                       double testMse, int evaluations, double seconds) implements TaskModel {
}
