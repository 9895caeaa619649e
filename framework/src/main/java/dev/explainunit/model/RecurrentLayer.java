package dev.explainunit.model;

import org.apiguardian.api.API;

/**
 * One recurrent layer: a cell kind, H units, and one direction or two (PyTorch's
 * {@code weight_ih_l{k}} ... and their {@code _reverse} halves). Its output at step t is the forward
 * direction's h_t, followed for a bidirectional layer by the reverse direction's state after reading
 * x_T..x_t. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecurrentLayer {

    private final DirectionWeights forward;
    private final DirectionWeights reverse;

    /**
     * @param forward the forward direction
     * @param reverse the reverse direction, or {@code null} for a unidirectional layer
     * @throws IllegalArgumentException if the directions differ in kind or shape
     */
    public RecurrentLayer(DirectionWeights forward, DirectionWeights reverse) {
        if (forward == null) {
            throw new IllegalArgumentException("a layer needs its forward direction");
        }
        if (reverse != null && (reverse.kind() != forward.kind() || reverse.hiddenSize() != forward.hiddenSize()
                || reverse.inputSize() != forward.inputSize())) {
            throw new IllegalArgumentException("the reverse direction has " + reverse.hiddenSize() + " " + reverse.kind()
                    + " units reading " + reverse.inputSize() + " inputs, the forward one " + forward.hiddenSize() + " "
                    + forward.kind() + " units reading " + forward.inputSize());
        }
        this.forward = forward;
        this.reverse = reverse;
    }

    /** The cell kind. */
    public CellKind kind() {
        return forward.kind();
    }

    /** The values per step the layer reads. */
    public int inputSize() {
        return forward.inputSize();
    }

    /** H, the units per direction. */
    public int hiddenSize() {
        return forward.hiddenSize();
    }

    /** Whether the layer reads its input in both directions. */
    public boolean isBidirectional() {
        return reverse != null;
    }

    /** The values per step the layer gives: H, or 2H bidirectional. */
    public int outputSize() {
        return reverse == null ? hiddenSize() : 2 * hiddenSize();
    }

    /** The forward direction's weights. */
    public DirectionWeights forward() {
        return forward;
    }

    /** The reverse direction's weights, or {@code null}. */
    public DirectionWeights reverse() {
        return reverse;
    }

    /** Parameters of both directions (both bias vectors counted). */
    public int parameterCount() {
        int rows = kind().gates() * hiddenSize();
        int perDirection = rows * (inputSize() + hiddenSize() + 2);
        return perDirection * (reverse == null ? 1 : 2);
    }
}
