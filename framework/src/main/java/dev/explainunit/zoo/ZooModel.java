package dev.explainunit.zoo;

import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.task.TaskModel;
import org.apiguardian.api.API;

/**
 * A trained toy-task model with the metrics of its training run.
 *
 * @param id            e.g. {@code "addition-07"}, {@code "subtraction-gru-12"}
 * @param task          the id of the task it solves, e.g. {@code "addition"}
 * @param seed          its initialisation seed
 * @param model         the network (its architecture is the zoo index's)
 * @param trainMse      MSE on the training split of the zoo's data seed
 * @param validationMse MSE on the validation split
 * @param testMse       MSE on the test split
 * @param evaluations   loss-and-gradient evaluations the training spent
 * @param seconds       wall time of its training run
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ZooModel(String id, String task, long seed, RecurrentNetwork model, double trainMse, double validationMse,
                       double testMse, int evaluations, double seconds) implements TaskModel {
}
