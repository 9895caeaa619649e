package dev.explainunit.lstm;

import dev.explainunit.Sequence;
import org.apiguardian.api.API;

/**
 * A reusable record of the forward passes of an {@link Lstm} over up to {@link #capacity()}
 * inputs of one length, run side by side: lane b's {@link #trace(int)} holds exactly what
 * {@link Lstm#forward(Sequence, LstmTrace)} records for input b, and {@link #inputGradient}
 * gives exactly what {@link Lstm#inputGradient} gives, bit for bit, while each weight is read
 * once per step for all lanes (for H &gt; 1; a single-unit model runs its lanes one after another,
 * its weights being few). The input projections b + W_ih x_t of recently seen input steps are
 * kept and found again by the bits of x_t (a sentence repeats its words' embeddings), so a step
 * seen before costs no product with W_ih. Create one per thread; it grows when a longer sequence
 * comes, and keeps up to 4 MB of projections per direction (arrays grow as steps come: the bundled
 * sentiment model's 291 words take 0.7 MB).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LstmBatch {

    private final Lstm model;
    private final LstmTrace[] traces;
    private final DirectionTrace[] forwardTraces;
    private final DirectionTrace[] reverseTraces;
    private final double[][] inputs;
    /** Per lane fc.weight_target, δh_T of the forward units and then of the reverse ones. */
    private final double[][] fcRows;
    private final int[] fcRowAt;
    private final LstmLanes.Scratch scratch = new LstmLanes.Scratch();
    private final InputProjections forwardProjections;
    private final InputProjections reverseProjections;
    /** Inputs the last forward call ran. */
    private int lanes;

    /**
     * @param model    the model whose passes this batch records
     * @param capacity the most inputs run side by side (at least 1)
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public LstmBatch(Lstm model, int capacity) {
        this(model, capacity, 0);
    }

    /** With {@code keptSteps} &gt; 0 the input projections of at most that many steps are kept (to test forgetting). */
    LstmBatch(Lstm model, int capacity, int keptSteps) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a batch holds at least 1 input, capacity is " + capacity);
        }
        this.model = model;
        this.traces = new LstmTrace[capacity];
        this.forwardTraces = new DirectionTrace[capacity];
        this.reverseTraces = new DirectionTrace[capacity];
        for (int b = 0; b < capacity; b++) {
            traces[b] = model.newTrace();
            forwardTraces[b] = traces[b].forward;
            reverseTraces[b] = traces[b].reverse;
        }
        this.inputs = new double[capacity][];
        // a single-unit model runs the one-input passes, which keep no projections
        boolean lanes = model.hiddenSize() > 1;
        this.forwardProjections = lanes ? projections(model.forwardDirection(), keptSteps) : null;
        this.reverseProjections = lanes && model.isBidirectional() ? projections(model.reverseDirection(), keptSteps)
                : null;
        int features = model.isBidirectional() ? 2 * model.hiddenSize() : model.hiddenSize();
        this.fcRows = new double[capacity][features];
        this.fcRowAt = new int[capacity];
    }

    private static InputProjections projections(LstmDirection direction, int keptSteps) {
        return keptSteps > 0 ? new InputProjections(direction, keptSteps) : new InputProjections(direction);
    }

    /** The model this batch records. */
    public Lstm model() {
        return model;
    }

    /** The most inputs per {@link #forward} call. */
    public int capacity() {
        return traces.length;
    }

    /** How many inputs the last {@link #forward} ran. */
    public int lanes() {
        return lanes;
    }

    /** Lane b's record of the last {@link #forward} (b &lt; {@link #lanes()}); reused by the next call. */
    public LstmTrace trace(int lane) {
        if (lane < 0 || lane >= lanes) {
            throw new IndexOutOfBoundsException("lane " + lane + " outside [0, " + lanes + ")");
        }
        return traces[lane];
    }

    /**
     * Runs the model over {@code x[from .. from + count)}, one input per lane, and records the
     * passes (lane b: {@code x[from + b]}); the inputs are not modified.
     *
     * @throws IllegalArgumentException if {@code count} is not in [1, capacity], or the inputs
     *                                  differ in length or do not have the model's input size
     */
    public void forward(Sequence[] x, int from, int count) {
        requireCount(count);
        int length = x[from].length();
        for (int b = 0; b < count; b++) {
            Sequence input = x[from + b];
            if (input.length() != length) {
                throw new IllegalArgumentException("the inputs of a batch must have one length; input " + b + " has "
                        + input.length() + " steps, input 0 " + length);
            }
            if (input.dim() != model.inputSize()) {
                throw new IllegalArgumentException("the model reads " + model.inputSize()
                        + " inputs per step, input " + b + " has " + input.dim());
            }
        }
        for (int b = 0; b < count; b++) {
            traces[b].setInput(x[from + b]);
        }
        run(count, length);
    }

    /**
     * Runs the model over the scaled copies {@code scales[from + b] · x} of one input, lane b the
     * copy with scale {@code scales[from + b]} (each value s · x_{t,d} a multiplication of its
     * own), and records the passes as {@link #forward} would for those inputs: the points of
     * integrated gradients on the path from 0 to x, without a {@link Sequence} per point.
     *
     * @param x      T × D values, row-major, D the model's input size (not modified)
     * @param length T
     * @throws IllegalArgumentException if {@code count} is not in [1, capacity] or {@code x} holds
     *                                  fewer than T · D values
     */
    public void forwardScaled(double[] x, int length, double[] scales, int from, int count) {
        requireCount(count);
        int dim = model.inputSize();
        if (length < 1 || x.length < length * dim) {
            throw new IllegalArgumentException("an input of " + length + " steps of " + dim + " values needs "
                    + length * dim + " values, x holds " + x.length);
        }
        for (int b = 0; b < count; b++) {
            traces[b].setScaledInput(x, length, dim, scales[from + b]);
        }
        run(count, length);
    }

    private void requireCount(int count) {
        if (count < 1 || count > traces.length) {
            throw new IllegalArgumentException("a batch of " + count + " inputs; this one holds 1 to " + traces.length);
        }
    }

    /** The passes of lanes 0 .. count − 1 over their traces' inputs (set beforehand). */
    private void run(int count, int length) {
        lanes = count;
        if (model.hiddenSize() == 1) {
            for (int b = 0; b < count; b++) {
                model.run(traces[b], true);
            }
            return;
        }
        for (int b = 0; b < count; b++) {
            inputs[b] = traces[b].input;
        }
        LstmLanes.forward(model.forwardDirection(), inputs, count, length, false, forwardTraces, forwardProjections,
                scratch);
        if (model.isBidirectional()) {
            LstmLanes.forward(model.reverseDirection(), inputs, count, length, true, reverseTraces, reverseProjections,
                    scratch);
        }
        for (int b = 0; b < count; b++) {
            model.outputs(traces[b]);
        }
    }

    /**
     * Back-propagates output {@code targets[b]} of lane b's recorded pass to its inputs, as
     * {@link Lstm#inputGradient}: {@code gradients[b][t·D + d] = ∂f_target/∂x_{t,d}} (the first
     * T·D values overwritten). The lanes' scratch is used; their forward records stay.
     *
     * @throws IllegalArgumentException if a target is outside the outputs or a buffer is too short
     */
    public void inputGradient(int[] targets, double[][] gradients) {
        inputGradient(targets, gradients, gradients);
    }

    /**
     * {@link #inputGradient} with each direction's terms in buffers of their own:
     * {@code forwardGradients[b]} gets lane b's gradient through the forward direction,
     * {@code reverseGradients[b]} through the reverse one (not touched for a unidirectional model),
     * the first T·D values of each overwritten. The sum of the two is {@link #inputGradient}'s
     * gradient; kept apart they let a caller add the terms of several passes in the order in which
     * one pass after another would have added them (integrated gradients).
     *
     * @throws IllegalArgumentException if a target is outside the outputs or a buffer is too short
     */
    public void inputGradientByDirection(int[] targets, double[][] forwardGradients, double[][] reverseGradients) {
        inputGradient(targets, forwardGradients, reverseGradients);
    }

    /** Both directions' terms added to zeroed buffers, the forward direction's first (the two may be the same). */
    private void inputGradient(int[] targets, double[][] forwardGradients, double[][] reverseGradients) {
        int length = traces[0].length;
        int dim = model.inputSize();
        int hidden = model.hiddenSize();
        boolean bidirectional = model.isBidirectional();
        for (int b = 0; b < lanes; b++) {
            int target = targets[b];
            if (target < 0 || target >= model.outputSize()) {
                throw new IllegalArgumentException("target " + target + " outside [0, " + model.outputSize() + ")");
            }
            requireGradientBuffer(forwardGradients[b], b, length * dim);
            if (bidirectional) {
                requireGradientBuffer(reverseGradients[b], b, length * dim);
            }
        }
        for (int b = 0; b < lanes; b++) {
            java.util.Arrays.fill(forwardGradients[b], 0, length * dim, 0.0);
            if (bidirectional) {
                java.util.Arrays.fill(reverseGradients[b], 0, length * dim, 0.0);
            }
            for (int k = 0; k < fcRows[b].length; k++) {
                fcRows[b][k] = model.fcWeight(targets[b], k);
            }
            fcRowAt[b] = 0;
        }
        if (hidden == 1) {
            // a single unit's lanes run one after another, as Lstm.inputGradient runs them
            for (int b = 0; b < lanes; b++) {
                LstmCell.inputGradient(model.forwardDirection(), forwardTraces[b], fcRows[b], 0, false,
                        forwardGradients[b]);
                if (bidirectional) {
                    LstmCell.inputGradient(model.reverseDirection(), reverseTraces[b], fcRows[b], hidden, true,
                            reverseGradients[b]);
                }
            }
            return;
        }
        LstmLanes.inputGradient(model.forwardDirection(), forwardTraces, lanes, fcRows, fcRowAt,
                false, forwardGradients, scratch);
        if (bidirectional) {
            for (int b = 0; b < lanes; b++) {
                fcRowAt[b] = hidden;
            }
            LstmLanes.inputGradient(model.reverseDirection(), reverseTraces, lanes, fcRows,
                    fcRowAt, true, reverseGradients, scratch);
        }
    }

    private static void requireGradientBuffer(double[] buffer, int lane, int size) {
        if (buffer.length < size) {
            throw new IllegalArgumentException("gradient buffer " + lane + " holds " + buffer.length + " values, needs "
                    + size);
        }
    }
}
