package dev.explainunit.explainers;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkBatch;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import org.apiguardian.api.API;

/**
 * Occlusion (paper section 2.2, after Zeiler and Fergus 2014, Li et al. 2017): the drop of the
 * target output when a whole step is set to zero,
 *
 * <pre>
 *   f-diff:  R_t = f_c(x) − f_c(x | x_t = 0)
 *   p-diff:  R_t = P_c(x) − P_c(x | x_t = 0),   P_c = exp f_c / Σ_k exp f_k
 * </pre>
 *
 * Black-box: works on any {@link RecurrentModel} through T + 1 calls of
 * {@link RecurrentModel#predict}. For a {@link RecurrentNetwork} it runs the T occluded inputs side by
 * side through {@link NetworkBatch#forwardWithRowZeroed}, which takes an exact shortcut: occluding x_t
 * leaves the forward direction's states before t (and the reverse direction's states before it reads
 * x_t) unchanged, so each occluded pass resumes from the unoccluded one (T(T+1)/2 steps per direction
 * of a single layer instead of T²); nothing is allocated but the result. P-diff needs a classifier
 * (C ≥ 2); on a single-output model every probability is 1, so {@link #supports} is false there and
 * {@code explain} refuses it. Thread-safe; buffers are kept per thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class OcclusionExplainer implements Explainer {

    /** What is compared before and after occlusion. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Difference {
        /** Raw outputs f_c: id {@code occlusion-f-diff}. */
        FUNCTION("occlusion-f-diff"),
        /** Softmax probabilities P_c: id {@code occlusion-p-diff}. */
        PROBABILITY("occlusion-p-diff");

        private final String id;

        Difference(String id) {
            this.id = id;
        }

        /** The method id. */
        public String id() {
            return id;
        }
    }

    /** {@code occlusion-f-diff}, the form ServiceLoader instantiates. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class FunctionDifference extends OcclusionExplainer {
        /** Occlusion on raw outputs. */
        public FunctionDifference() {
            super(Difference.FUNCTION);
        }
    }

    /** {@code occlusion-p-diff}, the form ServiceLoader instantiates. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class ProbabilityDifference extends OcclusionExplainer {
        /** Occlusion on softmax probabilities. */
        public ProbabilityDifference() {
            super(Difference.PROBABILITY);
        }
    }

    private final Difference difference;
    private final ThreadLocal<OcclusionWorkspace> workspaces = ThreadLocal.withInitial(OcclusionWorkspace::new);

    /** Occlusion comparing {@code difference}. */
    public OcclusionExplainer(Difference difference) {
        if (difference == null) {
            throw new IllegalArgumentException("the occlusion difference must be FUNCTION or PROBABILITY, is null");
        }
        this.difference = difference;
    }

    /** What this explainer compares. */
    public Difference difference() {
        return difference;
    }

    @Override
    public String id() {
        return difference.id();
    }

    /** F-diff applies to every model; p-diff only to classifiers, {@code model.outputSize() > 1}. */
    @Override
    public boolean supports(RecurrentModel model) {
        return difference == Difference.FUNCTION || model.outputSize() > 1;
    }

    @Override
    public String unsupportedReason(RecurrentModel model) {
        return supports(model) ? null : id() + " needs a classifier with at least 2 outputs, the model has "
                + model.outputSize() + " (a regression model; its only softmax probability is always 1); use "
                + Difference.FUNCTION.id() + " instead";
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        Arguments.check(id(), model, input, target);
        if (!supports(model)) {
            throw new IllegalArgumentException(unsupportedReason(model));
        }
        double[] relevance = workspaces.get().steps(input.length());
        if (model instanceof RecurrentNetwork network) {
            occludeNetwork(network, input, target, relevance);
        } else {
            occludeBlackBox(model, input, target, relevance);
        }
        return Relevance.perStep(relevance);
    }

    private void occludeBlackBox(RecurrentModel model, Sequence input, int target, double[] relevance) {
        double reference = score(model.predict(input), target);
        for (int t = 0; t < input.length(); t++) {
            relevance[t] = reference - score(model.predict(input.withStepZeroed(t)), target);
        }
    }

    private double score(double[] outputs, int target) {
        return score(outputs, 0, outputs.length, target);
    }

    /** The compared score of the C outputs at {@code outputs[at .. at + C)}. */
    private double score(double[] outputs, int at, int classes, int target) {
        return difference == Difference.FUNCTION ? outputs[at + target] : softmax(outputs, at, classes, target);
    }

    /**
     * P_target = exp(f_target − max f) / Σ_k exp(f_k − max f) (shifted for range) of the C outputs
     * at {@code outputs[at .. at + C)}.
     */
    private static double softmax(double[] outputs, int at, int classes, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, outputs[at + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp(outputs[at + k] - max);
        }
        return Math.exp(outputs[at + target] - max) / sum;
    }

    /**
     * The occluded outputs of a network, up to {@value BatchWorkspace#LANES} occluded inputs side by
     * side; the unoccluded output comes from the same passes' arithmetic, so an occlusion that
     * changes nothing gives exactly 0.
     */
    private void occludeNetwork(RecurrentNetwork network, Sequence input, int target, double[] relevance) {
        OcclusionWorkspace ws = workspaces.get();
        int length = input.length();
        NetworkTrace original = network.forward(input, ws.trace(network));
        double reference = score(ws.outputs(original), target);
        NetworkBatch batch = ws.batches.batch(network);
        int lanes = batch.capacity();
        int[] rows = ws.rows(length);
        for (int first = 0; first < length; first += lanes) {
            int count = Math.min(lanes, length - first);
            batch.forwardWithRowZeroed(original, rows, first, count);
            for (int b = 0; b < count; b++) {
                relevance[first + b] = reference - score(ws.outputs(batch.trace(b)), target);
            }
        }
    }

    @Override
    public String toString() {
        return id();
    }

    private static final class OcclusionWorkspace extends Workspace {
        final BatchWorkspace batches = new BatchWorkspace();
        private int[] rows = new int[0];
        private double[] outputs = new double[0];

        /** 0, 1, .., T − 1: the row each occluded input zeroes. */
        int[] rows(int length) {
            if (rows.length < length) {
                rows = new int[Math.max(length, 2 * rows.length)];
                for (int t = 0; t < rows.length; t++) {
                    rows[t] = t;
                }
            }
            return rows;
        }

        /** The outputs of {@code trace} in a reused buffer. */
        double[] outputs(NetworkTrace trace) {
            if (outputs.length != trace.outputCount()) {
                outputs = new double[trace.outputCount()];
            }
            for (int c = 0; c < outputs.length; c++) {
                outputs[c] = trace.output(c);
            }
            return outputs;
        }
    }
}
