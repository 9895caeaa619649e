package dev.explainunit.explainers;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.Lstm;
import java.util.List;

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
        return requireLstm(method, model);
    }

    /**
     * {@link #requireLstm(String, RecurrentModel, Sequence, int)} for every input of a batch call;
     * a message about one input names its index.
     */
    static Lstm requireLstm(String method, RecurrentModel model, List<Sequence> inputs, int[] targets) {
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException(method + ": the " + (inputs == null ? "inputs are" : "targets are")
                    + " null");
        }
        if (inputs.size() != targets.length) {
            throw new IllegalArgumentException(method + ": " + inputs.size() + " inputs but " + targets.length
                    + " targets");
        }
        Lstm lstm = null;
        for (int k = 0; k < targets.length; k++) {
            try {
                lstm = requireLstm(method, model, inputs.get(k), targets[k]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("input " + k + " of the batch: " + e.getMessage(), e);
            }
        }
        return lstm != null ? lstm : requireLstm(method, model);
    }

    /** The model as an {@link Lstm} (an empty batch still needs one). */
    private static Lstm requireLstm(String method, RecurrentModel model) {
        if (model == null) {
            throw new IllegalArgumentException(method + ": the model is null");
        }
        if (!(model instanceof Lstm lstm)) {
            throw new IllegalArgumentException(method + " is a white-box method and needs a "
                    + Lstm.class.getName() + ", got a " + model.getClass().getName()
                    + "; black-box alternatives: occlusion-f-diff, occlusion-p-diff");
        }
        return lstm;
    }
}
