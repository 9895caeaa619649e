package dev.explainunit.explainers;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.DirectionTrace;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmCell;
import dev.explainunit.lstm.LstmDirection;
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
 * {@link RecurrentModel#predict}. For an {@link Lstm} it runs the recurrence itself
 * (with {@link LstmCell}, as {@link Lstm#forward}), allocates nothing, and takes an exact shortcut:
 * occluding x_t leaves the forward direction's states before t (and the reverse direction's
 * states before it reads x_t) unchanged, so each occluded pass resumes from the unoccluded pass
 * (T(T+1)/2 steps per direction instead of T²); the T passes advance side by side, one call of
 * {@link LstmCell#forwardSteps} per step, so the processor can overlap them. P-diff needs a classifier (C ≥ 2); on a single-output model every
 * probability is 1, so {@link #supports} is false there and {@code explain} refuses it. Thread-safe; buffers are kept per thread.
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
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        Arguments.check(id(), model, input, target);
        if (difference == Difference.PROBABILITY && model.outputSize() < 2) {
            throw new IllegalArgumentException("occlusion-p-diff needs a classifier with at least 2 outputs, the model has "
                    + model.outputSize() + " (a regression model; its only softmax probability is always 1)"
                    + "; use occlusion-f-diff instead");
        }
        double[] relevance = workspaces.get().steps(input.length());
        if (model instanceof Lstm lstm) {
            occludeLstm(lstm, input, target, relevance);
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

    private void occludeLstm(Lstm lstm, Sequence input, int target, double[] relevance) {
        OcclusionWorkspace ws = workspaces.get();
        int outputs = lstm.outputSize();
        int hidden = lstm.hiddenSize();
        int length = input.length();
        double[] x = ws.input(input);
        ws.ensure(length, hidden, outputs);
        LstmCell.forward(lstm.forwardDirection(), x, length, false, ws.forwardPass);
        if (lstm.isBidirectional()) {
            LstmCell.forward(lstm.reverseDirection(), x, length, true, ws.reversePass);
        }
        double[] original = ws.outputs;
        for (int c = 0; c < outputs; c++) {
            // summed in the same order as the occluded outputs, so an occlusion that changes nothing gives exactly 0
            original[c] = lstm.fcBias(c) + finalOutput(lstm, c, 0, ws.forwardPass);
            if (lstm.isBidirectional()) {
                original[c] += finalOutput(lstm, c, hidden, ws.reversePass);
            }
        }
        double reference = score(original, target);
        double[] occluded = ws.occludedOutputs;
        for (int t = 0; t < length; t++) {
            for (int c = 0; c < outputs; c++) {
                occluded[t * outputs + c] = lstm.fcBias(c);
            }
        }
        occludeDirection(lstm, lstm.forwardDirection(), ws.forwardPass, x, length, false, 0, ws);
        if (lstm.isBidirectional()) {
            occludeDirection(lstm, lstm.reverseDirection(), ws.reversePass, x, length, true, hidden, ws);
        }
        for (int t = 0; t < length; t++) {
            relevance[t] = reference - score(occluded, t * outputs, outputs, target);
        }
    }

    /**
     * Runs the T occluded passes of one direction side by side: variant v zeroes the input this
     * direction reads at step v, so it starts at step v from the recorded state before it. The
     * variants are independent, which lets the processor overlap their steps. Adds fc.weight · h_T
     * of every variant to {@code ws.occludedOutputs} (row t = the occluded original step).
     */
    private static void occludeDirection(Lstm lstm, LstmDirection w, DirectionTrace recorded, double[] x,
                                         int length,
                                         boolean reversed, int fcOffset, OcclusionWorkspace ws) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int outputs = lstm.outputSize();
        double[] h = ws.h;
        double[] c = ws.c;
        int half = length * hidden;
        int prevBase = 0;
        int nextBase = half;
        for (int s = 0; s < length; s++) {
            int t = reversed ? length - 1 - s : s;
            int start = s * hidden;
            for (int k = 0; k < hidden; k++) {
                h[prevBase + start + k] = recorded.h(s - 1, k);
                c[prevBase + start + k] = recorded.c(s - 1, k);
            }
            if (hidden == 1) {
                // variants v < s read x_t; variant s starts here with x_t = 0
                occludeStepSingleUnit(w, s, x, t * inputs, h, c, prevBase, nextBase, ws);
            } else {
                // the same steps, with x_t's b + W_ih x_t summed once in the recorded pass for all variants
                LstmCell.forwardStepsReadingRecordedInput(w, s, recorded, s, h, c, prevBase, nextBase, ws.gate, 0,
                        ws.tanhC, 0);
                LstmCell.forwardStepsReadingRecordedInput(w, 1, recorded, -1, h, c, prevBase + start,
                        nextBase + start, ws.gate, s * 4 * hidden, ws.tanhC, start);
            }
            int swap = prevBase;
            prevBase = nextBase;
            nextBase = swap;
        }
        double[] occluded = ws.occludedOutputs;
        for (int v = 0; v < length; v++) {
            int t = reversed ? length - 1 - v : v;
            for (int o = 0; o < outputs; o++) {
                occluded[t * outputs + o] += output(lstm, o, fcOffset, h, prevBase + v * hidden);
            }
        }
    }

    /**
     * Step s of the single-unit variants: variants v &lt; s read x_t at {@code x[xAt ..]}, variant s
     * reads no input (x_t = 0, so W_ih x_t adds nothing). Their pre-activations are not recorded:
     * nothing reads them.
     */
    private static void occludeStepSingleUnit(LstmDirection w, int s, double[] x, int xAt, double[] h, double[] c,
                                              int prevBase, int nextBase, OcclusionWorkspace ws) {
        LstmCell.forwardSteps(w, s, x, xAt, 0, h, c, prevBase, nextBase, null, ws.gate, 0, ws.tanhC, 0);
        LstmCell.forwardSteps(w, 1, null, 0, 0, h, c, prevBase + s, nextBase + s, null, ws.gate, 4 * s, ws.tanhC, s);
    }

    /** {@link #output} on the last hidden state h_T recorded in {@code pass}. */
    private static double finalOutput(Lstm lstm, int c, int fcOffset, DirectionTrace pass) {
        int last = pass.steps() - 1;
        double sum = 0;
        for (int k = 0; k < lstm.hiddenSize(); k++) {
            sum += lstm.fcWeight(c, fcOffset + k) * pass.h(last, k);
        }
        return sum;
    }

    /** Σ_k fc.weight[c][fcOffset + k] · h[offset + k], one direction's share of output c. */
    private static double output(Lstm lstm, int c, int fcOffset, double[] h, int offset) {
        double sum = 0;
        for (int k = 0; k < lstm.hiddenSize(); k++) {
            sum += lstm.fcWeight(c, fcOffset + k) * h[offset + k];
        }
        return sum;
    }

    @Override
    public String toString() {
        return id();
    }

    private static final class OcclusionWorkspace extends Workspace {
        /** Two banks of T x H states (previous / next step) for the T variants. */
        double[] h = new double[0];
        double[] c = new double[0];
        double[] gate = new double[0];
        double[] tanhC = new double[0];
        double[] outputs = new double[0];
        /** T x C outputs of the occluded passes. */
        double[] occludedOutputs = new double[0];
        DirectionTrace forwardPass;
        DirectionTrace reversePass;

        void ensure(int length, int hidden, int outputCount) {
            if (forwardPass == null || forwardPass.hiddenSize() != hidden) {
                forwardPass = new DirectionTrace(hidden);
                reversePass = new DirectionTrace(hidden);
            }
            h = grow(h, 2 * length * hidden);
            c = grow(c, 2 * length * hidden);
            gate = grow(gate, length * 4 * hidden);
            tanhC = grow(tanhC, length * hidden);
            occludedOutputs = grow(occludedOutputs, length * outputCount);
            if (outputs.length != outputCount) {
                outputs = new double[outputCount];
            }
        }
    }
}
