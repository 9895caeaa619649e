package dev.explainunit.model;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Sequence;
import dev.explainunit.model.internal.CellWeights;
import dev.explainunit.model.internal.NetworkPasses;
import dev.explainunit.model.internal.NetworkRecord;
import dev.explainunit.model.internal.NetworkWeights;
import java.util.List;
import org.apiguardian.api.API;
import org.ejml.data.DMatrixRMaj;

/**
 * A recurrent classifier or regressor in double precision, as PyTorch's {@code nn.LSTM} or
 * {@code nn.GRU} with {@code num_layers} = L followed by an {@code nn.Linear} on the final state:
 * L {@link RecurrentLayer}s of one {@link CellKind} and one H, uni- or bidirectional, layer 0
 * reading the input and layer k &gt; 0 the output sequence of layer k − 1, then
 *
 * <pre>
 *   f(x) = fc.weight · [forward h_T ; reverse state after reading x_T..x_1] + fc.bias
 * </pre>
 *
 * of the last layer (paper appendix A.1 for one LSTM layer; PyTorch's {@code h_n[-2:]}). The cells'
 * equations are on {@link CellKind}. Immutable and thread-safe. {@link #forward} and
 * {@link #inputGradient} write into a caller-supplied {@link NetworkTrace} and allocate nothing once
 * the trace has grown to the sequence length; {@link #predict} uses a trace per thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecurrentNetwork implements RecurrentModel {

    private final List<RecurrentLayer> layers;
    private final NetworkWeights weights;
    private final ThreadLocal<OneInput> oneInput = ThreadLocal.withInitial(() -> new OneInput(this));

    /**
     * @param layers   the recurrent layers, input first: one kind, one H, all uni- or all bidirectional,
     *                 layer k &gt; 0 reading H (2H bidirectional) values
     * @param fcWeight C x F, F = H (2H bidirectional)
     * @param fcBias   C x 1, or {@code null} for a model without output bias
     * @throws IllegalArgumentException on inconsistent layers or shapes, or non-finite values
     */
    public RecurrentNetwork(List<RecurrentLayer> layers, DMatrixRMaj fcWeight, DMatrixRMaj fcBias) {
        if (layers == null || layers.isEmpty() || fcWeight == null) {
            throw new IllegalArgumentException("a network needs at least one layer and fc.weight");
        }
        this.layers = List.copyOf(layers);
        boolean bidirectional = layers.get(0).isBidirectional();
        CellWeights[] forward = new CellWeights[layers.size()];
        CellWeights[] reverse = bidirectional ? new CellWeights[layers.size()] : null;
        for (int k = 0; k < forward.length; k++) {
            RecurrentLayer layer = layers.get(k);
            if (layer.isBidirectional() != bidirectional) {
                throw new IllegalArgumentException("layer " + k + " is " + (bidirectional ? "uni" : "bi")
                        + "directional, layer 0 " + (bidirectional ? "bi" : "uni") + "directional");
            }
            forward[k] = layer.forward().weights();
            if (bidirectional) {
                reverse[k] = layer.reverse().weights();
            }
        }
        int features = this.layers.get(0).outputSize();
        if (fcWeight.numCols != features || fcWeight.numRows < 1) {
            throw new IllegalArgumentException("fc.weight must be C x " + features + ", is " + fcWeight.numRows
                    + " x " + fcWeight.numCols);
        }
        double[] bias = null;
        if (fcBias != null) {
            if (fcBias.getNumElements() != fcWeight.numRows || (fcBias.numRows != 1 && fcBias.numCols != 1)) {
                throw new IllegalArgumentException("fc.bias must have " + fcWeight.numRows + " elements, is "
                        + fcBias.numRows + " x " + fcBias.numCols);
            }
            bias = java.util.Arrays.copyOf(fcBias.data, fcWeight.numRows);
        }
        this.weights = new NetworkWeights(forward, reverse, java.util.Arrays.copyOf(fcWeight.data,
                fcWeight.getNumElements()), fcWeight.numRows, bias);
    }

    /** A single-layer network: one layer of {@code forward} (and {@code reverse}) and the output layer. */
    public static RecurrentNetwork singleLayer(DirectionWeights forward, DirectionWeights reverse, DMatrixRMaj fcWeight,
                                               DMatrixRMaj fcBias) {
        return new RecurrentNetwork(List.of(new RecurrentLayer(forward, reverse)), fcWeight, fcBias);
    }

    NetworkWeights weights() {
        return weights;
    }

    @Override
    public int inputSize() {
        return weights.inputs();
    }

    @Override
    public int outputSize() {
        return weights.outputs();
    }

    /** The cell kind of every layer. */
    public CellKind cellKind() {
        return weights.kind();
    }

    /** The layers, input first. */
    public List<RecurrentLayer> layers() {
        return layers;
    }

    /** Layer k (0 reads the input). */
    public RecurrentLayer layer(int k) {
        return layers.get(k);
    }

    /** L. */
    public int layerCount() {
        return layers.size();
    }

    /** H, the units per direction of every layer. */
    public int hiddenSize() {
        return weights.hidden();
    }

    /** Whether every layer reads its input in both directions. */
    public boolean isBidirectional() {
        return weights.bidirectional();
    }

    /** The values the output layer reads: H, or 2H bidirectional. */
    public int features() {
        return weights.features();
    }

    /** fc.weight[c][k]: k &lt; H the last layer's forward units, H ≤ k &lt; 2H its reverse ones. */
    public double fcWeight(int c, int k) {
        return weights.fcWeight(c, k);
    }

    /** fc.bias[c] (0 for a model without output bias). */
    public double fcBias(int c) {
        return weights.fcBias(c);
    }

    /** Whether the model has an output bias tensor. */
    public boolean hasFcBias() {
        return weights.hasFcBias();
    }

    /** A copy of fc.weight (C x F). */
    public DMatrixRMaj fcWeight() {
        return new DMatrixRMaj(outputSize(), features(), true, weights.fcWeights());
    }

    /** A copy of fc.bias (C x 1), or {@code null} for a model without output bias. */
    public DMatrixRMaj fcBias() {
        return hasFcBias() ? new DMatrixRMaj(outputSize(), 1, true, weights.fcBiases()) : null;
    }

    /** Number of parameters (both bias vectors and the output bias counted when present). */
    public int parameterCount() {
        int count = outputSize() * features() + (hasFcBias() ? outputSize() : 0);
        for (RecurrentLayer layer : layers) {
            count += layer.parameterCount();
        }
        return count;
    }

    /** A fresh trace for this model's shapes; reuse it across calls on one thread. */
    public NetworkTrace newTrace() {
        return new NetworkTrace(new NetworkRecord(weights));
    }

    @Override
    public double[] predict(Sequence x) {
        OneInput one = oneInput.get();
        forward(x, one.trace);
        return one.trace.outputs();
    }

    /**
     * Runs the forward pass on {@code x} and records it in {@code trace} (modified), which must be
     * this model's ({@link #newTrace()}). Allocates nothing once the trace has held a sequence at
     * least this long.
     *
     * @return {@code trace}
     * @throws IllegalArgumentException if {@code x} does not have the model's input size
     */
    public NetworkTrace forward(Sequence x, NetworkTrace trace) {
        requireInput(x.dim());
        requireFits(trace);
        trace.setInput(x);
        OneInput one = oneInput.get();
        one.lane[0] = trace.record();
        one.passes.forward(weights, one.lane, 1, null);
        return trace;
    }

    /**
     * Runs the forward pass on {@code x} (T x D row-major, not modified) knowing that it shares its
     * first {@code prefix} and its last {@code suffix} rows with the input {@code reference}
     * recorded: each direction resumes from the reference's state where its input first differs
     * (the reference is not modified). The trace then holds the outputs and the steps computed, not
     * a full record: it is for predictions, not for explaining.
     *
     * @throws IllegalArgumentException if the shared rows do not fit both inputs
     */
    public NetworkTrace forwardResumed(double[] x, int length, NetworkTrace reference, int prefix, int suffix,
                                      NetworkTrace trace) {
        requireFits(trace);
        requireFits(reference);
        System.arraycopy(x, 0, trace.record().inputBuffer(length, inputSize()), 0, length * inputSize());
        OneInput one = oneInput.get();
        one.lane[0] = trace.record();
        one.prefix[0] = prefix;
        one.suffix[0] = suffix;
        one.passes.forwardResumed(weights, reference.record(), one.lane, 1, one.prefix, one.suffix, null);
        return trace;
    }

    /**
     * Back-propagates output {@code target} of the pass recorded in {@code trace} to the inputs:
     * {@code gradient[t·D + d] = ∂f_target/∂x_{t,d}} (the first T·D values overwritten). The
     * trace's scratch is used; its forward record stays.
     *
     * @throws IllegalArgumentException if the target is outside the outputs or the buffer is too short
     */
    public void inputGradient(NetworkTrace trace, int target, double[] gradient) {
        requireTarget(target);
        requireFits(trace);
        int size = trace.length() * inputSize();
        if (gradient.length < size) {
            throw new IllegalArgumentException("gradient buffer holds " + gradient.length + " values, needs " + size);
        }
        OneInput one = oneInput.get();
        one.lane[0] = trace.record();
        one.target[0] = target;
        one.gradient[0] = gradient;
        one.passes.inputGradient(weights, one.lane, 1, one.target, one.gradient);
        one.gradient[0] = null;
    }

    void requireInput(int dim) {
        if (dim != inputSize()) {
            throw new IllegalArgumentException("the model reads " + inputSize() + " inputs per step, the sequence has "
                    + dim);
        }
    }

    private void requireFits(NetworkTrace trace) {
        if (!trace.fits(this)) {
            throw new IllegalArgumentException("the trace was made for another shape of model; use this model's"
                    + " newTrace() (" + this + ")");
        }
    }

    void requireTarget(int target) {
        if (target < 0 || target >= outputSize()) {
            throw new IllegalArgumentException("target " + target + " outside [0, " + outputSize() + ")");
        }
    }

    @Override
    public String toString() {
        return layers.size() + "-layer " + (isBidirectional() ? "bidirectional " : "") + cellKind() + ", D = "
                + inputSize() + ", H = " + hiddenSize() + ", C = " + outputSize();
    }

    /** One thread's buffers for the one-input passes. */
    private static final class OneInput {
        final NetworkPasses passes = new NetworkPasses();
        final NetworkRecord[] lane = new NetworkRecord[1];
        final int[] target = new int[1];
        final int[] prefix = new int[1];
        final int[] suffix = new int[1];
        final double[][] gradient = new double[1][];
        final NetworkTrace trace;

        OneInput(RecurrentNetwork model) {
            this.trace = model.newTrace();
        }
    }
}
