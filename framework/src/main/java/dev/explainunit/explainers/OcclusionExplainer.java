package dev.explainunit.explainers;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.DirectionTrace;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmDirection;
import dev.explainunit.lstm.LstmTrace;
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
 * {@link RecurrentModel#predict}. For an {@link Lstm} it takes an exact shortcut that allocates
 * nothing: occluding x_t leaves the forward direction's states before t (and the reverse
 * direction's states before it reads x_t) unchanged, so each occluded pass resumes from the
 * recorded trace. P-diff needs a classifier (C ≥ 2); on a single-output model every
 * probability is 1 and the method is refused. Thread-safe; buffers are kept per thread.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class OcclusionExplainer implements Explainer {

    /** What is compared before and after occlusion. */
    @API(status = API.Status.STABLE, since = "0.1")
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
    @API(status = API.Status.STABLE, since = "0.1")
    public static final class FunctionDifference extends OcclusionExplainer {
        /** Occlusion on raw outputs. */
        public FunctionDifference() {
            super(Difference.FUNCTION);
        }
    }

    /** {@code occlusion-p-diff}, the form ServiceLoader instantiates. */
    @API(status = API.Status.STABLE, since = "0.1")
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

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        Arguments.check(id(), model, input, target);
        if (difference == Difference.PROBABILITY && model.outputSize() < 2) {
            throw new IllegalArgumentException("occlusion-p-diff needs a classifier with at least 2 outputs, the model has "
                    + model.outputSize() + " (a regression model; its only softmax probability is always 1)"
                    + "; use occlusion-f-diff instead");
        }
        double[] relevance = new double[input.length()];
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
        return difference == Difference.FUNCTION ? outputs[target] : softmax(outputs, target);
    }

    /** P_target = exp(f_target − max f) / Σ_k exp(f_k − max f) (shifted for range). */
    static double softmax(double[] outputs, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : outputs) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : outputs) {
            sum += Math.exp(v - max);
        }
        return Math.exp(outputs[target] - max) / sum;
    }

    private void occludeLstm(Lstm lstm, Sequence input, int target, double[] relevance) {
        OcclusionWorkspace ws = workspaces.get();
        LstmTrace trace = lstm.forward(input, ws.trace(lstm));
        int outputs = lstm.outputSize();
        int hidden = lstm.hiddenSize();
        int length = input.length();
        double[] x = ws.input(input);
        double[] original = ws.outputs(outputs);
        for (int c = 0; c < outputs; c++) {
            original[c] = trace.output(c);
        }
        double reference = score(original, target);
        double[] occluded = ws.occludedOutputs(outputs);
        ws.ensure(hidden);
        for (int t = 0; t < length; t++) {
            for (int c = 0; c < outputs; c++) {
                occluded[c] = lstm.fcBias(c);
            }
            resume(lstm, lstm.forwardDirection(), trace.forward(), x, length, t, false, 0, ws, occluded);
            if (lstm.isBidirectional()) {
                resume(lstm, lstm.reverseDirection(), trace.reverse(), x, length, t, true, hidden, ws, occluded);
            }
            relevance[t] = reference - score(occluded, target);
        }
    }

    /**
     * Runs one direction from the step that reads the occluded x_t to the end, starting from the
     * recorded state before it, and adds fc.weight · h_T of that direction to {@code outputs}.
     */
    private static void resume(Lstm lstm, LstmDirection w, DirectionTrace recorded, double[] x, int length,
                               int occludedStep, boolean reversed, int fcOffset, OcclusionWorkspace ws,
                               double[] outputs) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int first = reversed ? length - 1 - occludedStep : occludedStep;
        double[] h = ws.h;
        double[] c = ws.c;
        for (int k = 0; k < hidden; k++) {
            h[k] = recorded.h(first - 1, k);
            c[k] = recorded.c(first - 1, k);
        }
        int prev = 0;
        int next = hidden;
        for (int s = first; s < length; s++) {
            int t = reversed ? length - 1 - s : s;
            LstmSteps.step(w, s == first ? null : x, t * inputs, h, c, prev, next, ws.gate, 0, ws.tanhC, 0);
            int swap = prev;
            prev = next;
            next = swap;
        }
        for (int o = 0; o < outputs.length; o++) {
            double sum = 0;
            for (int k = 0; k < hidden; k++) {
                sum += lstm.fcWeight(o, fcOffset + k) * h[prev + k];
            }
            outputs[o] += sum;
        }
    }

    @Override
    public String toString() {
        return id();
    }

    private static final class OcclusionWorkspace extends Workspace {
        double[] h = new double[0];
        double[] c = new double[0];
        double[] gate = new double[0];
        double[] tanhC = new double[0];
        private double[] outputs = new double[0];
        private double[] occludedOutputs = new double[0];

        void ensure(int hidden) {
            h = grow(h, 2 * hidden);
            c = grow(c, 2 * hidden);
            gate = grow(gate, 4 * hidden);
            tanhC = grow(tanhC, hidden);
        }

        double[] outputs(int n) {
            if (outputs.length != n) {
                outputs = new double[n];
            }
            return outputs;
        }

        double[] occludedOutputs(int n) {
            if (occludedOutputs.length != n) {
                occludedOutputs = new double[n];
            }
            return occludedOutputs;
        }
    }
}
