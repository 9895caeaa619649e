package dev.explainunit.explainers;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
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

    /** The model as a {@link RecurrentNetwork}, for white-box methods that read its weights and forward trace. */
    static RecurrentNetwork requireNetwork(String method, RecurrentModel model, Sequence input, int target) {
        check(method, model, input, target);
        return requireNetwork(method, model);
    }

    /**
     * {@link #requireNetwork(String, RecurrentModel, Sequence, int)} for every input of a batch call;
     * a message about one input names its index.
     */
    static RecurrentNetwork requireNetwork(String method, RecurrentModel model, List<Sequence> inputs, int[] targets) {
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException(method + ": the " + (inputs == null ? "inputs are" : "targets are")
                    + " null");
        }
        if (inputs.size() != targets.length) {
            throw new IllegalArgumentException(method + ": " + inputs.size() + " inputs but " + targets.length
                    + " targets");
        }
        RecurrentNetwork lstm = null;
        for (int k = 0; k < targets.length; k++) {
            try {
                lstm = requireNetwork(method, model, inputs.get(k), targets[k]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("input " + k + " of the batch: " + e.getMessage(), e);
            }
        }
        return lstm != null ? lstm : requireNetwork(method, model);
    }

    /** The model as a {@link RecurrentNetwork} (an empty batch still needs one). */
    private static RecurrentNetwork requireNetwork(String method, RecurrentModel model) {
        if (model == null) {
            throw new IllegalArgumentException(method + ": the model is null");
        }
        if (!(model instanceof RecurrentNetwork lstm)) {
            throw new IllegalArgumentException(method + " is a white-box method and needs a "
                    + RecurrentNetwork.class.getName() + ", got a " + model.getClass().getName()
                    + "; black-box alternatives: occlusion-f-diff, occlusion-p-diff");
        }
        return lstm;
    }
}
