package dev.explainunit.model;

import dev.explainunit.Sequence;
import dev.explainunit.model.internal.NetworkRecord;
import org.apiguardian.api.API;

/**
 * A reusable record of one forward pass of a {@link RecurrentNetwork}: every layer's directions,
 * every layer's input and the outputs. Create one per thread with {@link RecurrentNetwork#newTrace()}
 * and pass it to {@link RecurrentNetwork#forward}; it grows when a longer sequence comes and never
 * shrinks.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NetworkTrace {

    private final NetworkRecord record;
    private final DirectionTrace[] forward;
    private final DirectionTrace[] reverse;

    NetworkTrace(NetworkRecord record) {
        this.record = record;
        this.forward = new DirectionTrace[record.layers()];
        this.reverse = record.reverse(0) == null ? null : new DirectionTrace[record.layers()];
        for (int k = 0; k < forward.length; k++) {
            forward[k] = new DirectionTrace(record.forward(k));
            if (reverse != null) {
                reverse[k] = new DirectionTrace(record.reverse(k));
            }
        }
    }

    NetworkRecord record() {
        return record;
    }

    void setInput(Sequence x) {
        x.copyTo(record.inputBuffer(x.length(), x.dim()));
    }

    /** Whether this trace can record {@code model}'s passes: the same cell kind, layers, H, directions and outputs. */
    public boolean fits(RecurrentNetwork model) {
        return record.fits(model.weights());
    }

    /** T of the last pass. */
    public int length() {
        return record.length();
    }

    /** The number of layers L. */
    public int layers() {
        return forward.length;
    }

    /** The forward direction of {@code layer} (0 is the one reading the input). */
    public DirectionTrace forward(int layer) {
        return forward[layer];
    }

    /** The reverse direction of {@code layer}, or {@code null} for a unidirectional network. */
    public DirectionTrace reverse(int layer) {
        return reverse == null ? null : reverse[layer];
    }

    /** The last layer's forward direction, the one the output layer reads. */
    public DirectionTrace forward() {
        return forward[forward.length - 1];
    }

    /** The last layer's reverse direction, or {@code null}. */
    public DirectionTrace reverse() {
        return reverse == null ? null : reverse[reverse.length - 1];
    }

    /** Values per step of {@code layer}'s input: D for layer 0, H or 2H above it. */
    public int layerInputWidth(int layer) {
        return record.layerInputWidth(layer);
    }

    /** Value d of step t of {@code layer}'s input (layer 0: the input; layer k: layer k − 1's output). */
    public double layerInput(int layer, int t, int d) {
        return record.layerInput(layer)[t * record.layerInputWidth(layer) + d];
    }

    /** Copies {@code layer}'s input, T x width row-major, to {@code dst} from index 0. */
    public void copyLayerInput(int layer, double[] dst) {
        System.arraycopy(record.layerInput(layer), 0, dst, 0, record.length() * record.layerInputWidth(layer));
    }

    /** Output c of the last pass, f_c(x) = fc.weight_c · h_T + fc.bias_c. */
    public double output(int c) {
        return record.output(c);
    }

    /** C, the number of outputs. */
    public int outputCount() {
        return record.outputCount();
    }

    /** A copy of the output vector. */
    public double[] outputs() {
        return record.outputs();
    }
}
