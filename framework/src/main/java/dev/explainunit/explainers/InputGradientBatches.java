package dev.explainunit.explainers;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkBatch;
import dev.explainunit.model.RecurrentNetwork;
import java.util.List;

/**
 * The batch path of the gradient methods: ∂f_c/∂x of groups of inputs of one length, up to
 * {@value BatchWorkspace#LANES} at a time, forward and backward passes side by side
 * ({@link NetworkBatch}).
 */
final class InputGradientBatches {

    /** Turns input x's gradient (T·D values, row-major, modifiable) into its relevance. */
    interface FromGradient {
        Relevance relevance(Sequence x, double[] gradient, Workspace ws);
    }

    /** Per thread: the batch's passes, one gradient buffer per lane and the targets of a group. */
    static final class Buffers extends BatchWorkspace {
        final Workspace[] lanes = new Workspace[LANES];
        final double[][] gradients = new double[LANES][];
        final int[] targets = new int[LANES];
    }

    private InputGradientBatches() {
    }

    /**
     * The relevances {@code fromGradient} makes of the gradient of output {@code targets[k]} at
     * {@code inputs.get(k)}, for every k, in the order of {@code inputs} (arguments checked by the caller).
     */
    static List<Relevance> explain(RecurrentNetwork model, List<Sequence> inputs, int[] targets, Buffers ws,
                                   FromGradient fromGradient) {
        Relevance[] results = new Relevance[inputs.size()];
        NetworkBatch batch = ws.batch(model);
        Sequence[] group = ws.group;
        for (int[] members : EqualLengthGroups.of(inputs, BatchWorkspace.LANES)) {
            int lanes = members.length;
            for (int b = 0; b < lanes; b++) {
                group[b] = inputs.get(members[b]);
                ws.targets[b] = targets[members[b]];
                if (ws.lanes[b] == null) {
                    ws.lanes[b] = new Workspace();
                }
                ws.gradients[b] = ws.lanes[b].gradient(group[b].length() * group[b].dim());
            }
            batch.forward(group, 0, lanes);
            batch.inputGradient(ws.targets, ws.gradients);
            for (int b = 0; b < lanes; b++) {
                results[members[b]] = fromGradient.relevance(group[b], ws.gradients[b], ws.lanes[b]);
            }
        }
        return List.of(results);
    }
}
