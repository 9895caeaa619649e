package dev.explainunit.task;

import dev.explainunit.model.RecurrentNetwork;
import org.apiguardian.api.API;

/** One model of a {@link Task}: the LSTM every explainer gets, with an id that names it in reports. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface TaskModel {

    /** A unique id within its task, e.g. {@code "subtraction-07"}. */
    String id();

    /** The model. */
    RecurrentNetwork model();

    /** A model with an id, for tasks that need nothing more. */
    static TaskModel of(String id, RecurrentNetwork model) {
        if (id == null || id.isBlank() || model == null) {
            throw new IllegalArgumentException("a task model needs an id and a model, got id=" + id + ", model="
                    + model);
        }
        record Named(String id, RecurrentNetwork model) implements TaskModel {
        }
        return new Named(id, model);
    }
}
