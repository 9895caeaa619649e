package dev.explainunit.sentence;

import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.task.TaskModel;
import org.apiguardian.api.API;

/**
 * A sentence classifier as a task's model: explainers get its LSTM ({@link #model()}); checks that
 * build sentences of their own (the compositions of the paper's Table 4) use the embedding and
 * vocabulary of {@link #sentences()}.
 *
 * @param id        the model's id in reports
 * @param sentences the classifier with its embedding and vocabulary
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentenceTaskModel(String id, SentenceModel sentences) implements TaskModel {

    /** @throws IllegalArgumentException on a blank id or a missing model */
    public SentenceTaskModel {
        if (id == null || id.isBlank() || sentences == null) {
            throw new IllegalArgumentException("a sentence task model needs an id and a model, got id=" + id);
        }
    }

    @Override
    public RecurrentNetwork model() {
        return sentences.lstm();
    }
}
