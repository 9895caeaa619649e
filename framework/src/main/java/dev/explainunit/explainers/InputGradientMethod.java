package dev.explainunit.explainers;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import java.util.List;

/**
 * What gradient and gradient×input share: the relevance is made from ∂f_c/∂x alone, one input at
 * a time through {@link Workspace#inputGradient} or a batch through {@link InputGradientBatches}
 * (bit for bit the same), with the buffers kept per thread.
 */
final class InputGradientMethod {

    private final String id;
    private final InputGradientBatches.FromGradient fromGradient;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);
    private final ThreadLocal<InputGradientBatches.Buffers> batchWorkspaces =
            ThreadLocal.withInitial(InputGradientBatches.Buffers::new);

    /** The method {@code id}, whose relevance {@code fromGradient} makes of an input's gradient. */
    InputGradientMethod(String id, InputGradientBatches.FromGradient fromGradient) {
        this.id = id;
        this.fromGradient = fromGradient;
    }

    Relevance explain(RecurrentModel model, Sequence input, int target) {
        RecurrentNetwork lstm = Arguments.requireNetwork(id, model, input, target);
        Workspace ws = workspaces.get();
        return fromGradient.relevance(input, ws.inputGradient(lstm, input, target), ws);
    }

    List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
        RecurrentNetwork lstm = Arguments.requireNetwork(id, model, inputs, targets);
        return InputGradientBatches.explain(lstm, inputs, targets, batchWorkspaces.get(), fromGradient);
    }
}
