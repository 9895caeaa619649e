package dev.explainunit.model;

import dev.explainunit.Sequence;
import dev.explainunit.model.internal.InputProjections;
import dev.explainunit.model.internal.NetworkPasses;
import dev.explainunit.model.internal.NetworkRecord;
import org.apiguardian.api.API;

/**
 * A reusable record of the forward passes of a {@link RecurrentNetwork} over up to
 * {@link #capacity()} inputs of one length, run side by side: lane b's {@link #trace(int)} holds
 * what {@link RecurrentNetwork#forward} records for input b, and {@link #inputGradient} gives what
 * {@link RecurrentNetwork#inputGradient} gives, while each weight is read once per step for all
 * lanes. The input projections b + W_ih x_t of layer 0 for recently seen input rows are kept and
 * found again by the bits of x_t (a sentence repeats its words' embeddings), so a row seen before
 * costs no product with W_ih; up to 4 MB per direction. Create one per thread; it grows when a
 * longer sequence comes.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NetworkBatch {

    private final RecurrentNetwork model;
    private final NetworkTrace[] traces;
    private final NetworkRecord[] records;
    private final NetworkPasses passes = new NetworkPasses();
    private final InputProjections[] known;
    private final int[] prefix;
    private final int[] suffix;
    private int lanes;
    /** Per layer, direction and lane the δ's of the last {@link #backward} ({@code null} until needed). */
    private double[][][][] deltas;

    /**
     * @param model    the model whose passes this batch records
     * @param capacity the most inputs run side by side (at least 1)
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public NetworkBatch(RecurrentNetwork model, int capacity) {
        this(model, capacity, 0);
    }

    /** With {@code keptRows} &gt; 0 the input projections of at most that many input rows are kept (to test forgetting). */
    NetworkBatch(RecurrentNetwork model, int capacity, int keptRows) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a batch holds at least 1 input, capacity is " + capacity);
        }
        this.model = model;
        this.traces = new NetworkTrace[capacity];
        this.records = new NetworkRecord[capacity];
        for (int b = 0; b < capacity; b++) {
            traces[b] = model.newTrace();
            records[b] = traces[b].record();
        }
        this.known = new InputProjections[] {
                projections(model.layer(0).forward(), keptRows),
                model.isBidirectional() ? projections(model.layer(0).reverse(), keptRows) : null};
        this.prefix = new int[capacity];
        this.suffix = new int[capacity];
    }

    private static InputProjections projections(DirectionWeights direction, int keptRows) {
        return InputProjections.forDirection(direction.weights(), keptRows);
    }

    /** The model this batch records. */
    public RecurrentNetwork model() {
        return model;
    }

    /** The most inputs per call. */
    public int capacity() {
        return traces.length;
    }

    /** How many inputs the last forward call ran. */
    public int lanes() {
        return lanes;
    }

    /** Lane b's record of the last forward call (b &lt; {@link #lanes()}); reused by the next call. */
    public NetworkTrace trace(int lane) {
        if (lane < 0 || lane >= lanes) {
            throw new IndexOutOfBoundsException("lane " + lane + " outside [0, " + lanes + ")");
        }
        return traces[lane];
    }

    /**
     * Runs the model over {@code x[from .. from + count)}, one input per lane (lane b:
     * {@code x[from + b]}), and records the passes; the inputs are not modified.
     *
     * @throws IllegalArgumentException if {@code count} is not in [1, capacity], or the inputs differ
     *                                  in length or do not have the model's input size
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
                throw new IllegalArgumentException("the model reads " + model.inputSize() + " inputs per step, input "
                        + b + " has " + input.dim());
            }
        }
        for (int b = 0; b < count; b++) {
            traces[b].setInput(x[from + b]);
        }
        lanes = count;
        passes.forward(model.weights(), records, count, known);
    }

    /**
     * Runs the model over the scaled copies {@code scales[from + b] · x} of one input (lane b the copy
     * with scale {@code scales[from + b]}, each value s · x_{t,d} a multiplication of its own): the
     * points of integrated gradients on the path from 0 to x, without a {@link Sequence} per point.
     *
     * @param x      T x D values, row-major, D the model's input size (not modified)
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
            records[b].setScaledInput(x, length, dim, scales[from + b]);
        }
        lanes = count;
        passes.forward(model.weights(), records, count, known);
    }

    /**
     * Runs the model over copies of the input recorded in {@code reference}, lane b's with row
     * {@code rows[from + b]} set to zero (occlusion), each resumed from the reference's states where
     * its input first differs ({@link RecurrentNetwork#forwardResumed}): the lanes' traces hold their
     * outputs, not full records. {@code reference} is not modified and must not be one of this
     * batch's traces.
     *
     * @throws IllegalArgumentException if {@code count} is not in [1, capacity] or a row is outside the input
     */
    public void forwardWithRowZeroed(NetworkTrace reference, int[] rows, int from, int count) {
        requireCount(count);
        NetworkRecord original = reference.record();
        int length = original.length();
        int dim = model.inputSize();
        for (int b = 0; b < count; b++) {
            int row = rows[from + b];
            if (row < 0 || row >= length) {
                throw new IllegalArgumentException("row " + row + " outside the input's " + length + " steps");
            }
            double[] input = records[b].inputBuffer(length, dim);
            reference.copyLayerInput(0, input);
            java.util.Arrays.fill(input, row * dim, (row + 1) * dim, 0.0);
            prefix[b] = row;
            suffix[b] = length - 1 - row;
        }
        lanes = count;
        passes.forwardResumed(model.weights(), original, records, count, prefix, suffix, known);
    }

    private void requireCount(int count) {
        if (count < 1 || count > traces.length) {
            throw new IllegalArgumentException("a batch of " + count + " inputs; this one holds 1 to " + traces.length);
        }
    }

    /**
     * Back-propagates output {@code targets[b]} of lane b's recorded pass to its inputs, as
     * {@link RecurrentNetwork#inputGradient}: {@code gradients[b][t·D + d] = ∂f_target/∂x_{t,d}}
     * (the first T·D values overwritten). The lanes' scratch is used; their forward records stay.
     *
     * @throws IllegalArgumentException if a target is outside the outputs or a buffer is too short
     */
    public void inputGradient(int[] targets, double[][] gradients) {
        int size = records[0].length() * model.inputSize();
        for (int b = 0; b < lanes; b++) {
            model.requireTarget(targets[b]);
            if (gradients[b].length < size) {
                throw new IllegalArgumentException("gradient buffer " + b + " holds " + gradients[b].length
                        + " values, needs " + size);
            }
        }
        passes.inputGradient(model.weights(), records, lanes, targets, gradients);
    }

    /**
     * Back-propagates a loss's gradient with respect to each lane's outputs, {@code outputGradients[b]}
     * (C values, g = ∂L/∂f), through the lanes' recorded passes: adds each lane's parameter gradients
     * to {@code parameters} (when not null) and writes ∂L/∂x of lane b to {@code inputGradients[b]}
     * (when not null; the first T·D values overwritten).
     *
     * @throws IllegalArgumentException if a gradient has the wrong length or a buffer is too short
     */
    public void backward(double[][] outputGradients, double[][] inputGradients, ParameterGradient parameters) {
        int length = records[0].length();
        int size = length * model.inputSize();
        for (int b = 0; b < lanes; b++) {
            if (outputGradients[b].length != model.outputSize()) {
                throw new IllegalArgumentException("output gradient " + b + " holds " + outputGradients[b].length
                        + " values, the model has " + model.outputSize() + " outputs");
            }
            if (inputGradients != null && inputGradients[b].length < size) {
                throw new IllegalArgumentException("input gradient buffer " + b + " holds "
                        + inputGradients[b].length + " values, needs " + size);
            }
        }
        double[][][][] stored = parameters == null ? null : deltas(length);
        passes.backward(model.weights(), records, lanes, outputGradients, inputGradients, stored);
        if (parameters == null) {
            return;
        }
        int features = model.features();
        double[] fcWeight = parameters.fcWeight();
        double[] fcBias = parameters.fcBias();
        for (int b = 0; b < lanes; b++) {
            NetworkTrace trace = traces[b];
            for (int k = 0; k < model.layerCount(); k++) {
                double[] input = records[b].layerInput(k);
                parameters.direction(k, false).add(records[b].forward(k), input, false, stored[k][0][b]);
                if (model.isBidirectional()) {
                    parameters.direction(k, true).add(records[b].reverse(k), input, true, stored[k][1][b]);
                }
            }
            double[] g = outputGradients[b];
            int hidden = model.hiddenSize();
            DirectionTrace forward = trace.forward();
            DirectionTrace reverse = trace.reverse();
            for (int c = 0; c < g.length; c++) {
                fcBias[c] += g[c];
                for (int k = 0; k < hidden; k++) {
                    fcWeight[c * features + k] += g[c] * forward.h(length - 1, k);
                    if (reverse != null) {
                        fcWeight[c * features + hidden + k] += g[c] * reverse.h(length - 1, k);
                    }
                }
            }
        }
    }

    /** The δ buffers for passes of {@code length} steps, grown if needed. */
    private double[][][][] deltas(int length) {
        int layers = model.layerCount();
        int directions = model.isBidirectional() ? 2 : 1;
        int rows = model.cellKind().gates() * model.hiddenSize();
        int perLane = (model.cellKind() == CellKind.LSTM ? 1 : 2) * length * rows;
        if (deltas == null || deltas[0][0][0].length < perLane) {
            deltas = new double[layers][directions][traces.length][Math.max(perLane, 2 * (deltas == null ? 0
                    : deltas[0][0][0].length))];
        }
        return deltas;
    }
}
