package dev.explainunit.explainers;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.Lstm;

/** Argument checks shared by the built-in explainers; every message names the method and the culprit. */
final class Arguments {

    private Arguments() {
    }

    /** Checks model, input and target of an {@code explain} call. */
    static void check(String method, RecurrentModel model, Sequence input, int target) {
        if (model == null) {
            throw new IllegalArgumentException(method + ": the model is null");
        }
        if (input == null) {
            throw new IllegalArgumentException(method + ": the input sequence is null");
        }
        if (input.dim() != model.inputSize()) {
            throw new IllegalArgumentException(method + ": the input has " + input.dim()
                    + " values per step, the model reads " + model.inputSize());
        }
        if (target < 0 || target >= model.outputSize()) {
            throw new IllegalArgumentException(method + ": target " + target + " is outside [0, "
                    + model.outputSize() + "), the model's outputs");
        }
    }

    /** The model as an {@link Lstm}, for white-box methods that read its weights and forward trace. */
    static Lstm requireLstm(String method, RecurrentModel model, Sequence input, int target) {
        check(method, model, input, target);
        if (!(model instanceof Lstm lstm)) {
            throw new IllegalArgumentException(method + " is a white-box method and needs a "
                    + Lstm.class.getName() + ", got a " + model.getClass().getName()
                    + "; black-box alternatives: occlusion-f-diff, occlusion-p-diff");
        }
        return lstm;
    }
}
