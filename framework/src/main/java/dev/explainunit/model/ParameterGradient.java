package dev.explainunit.model;

import dev.explainunit.model.internal.DirectionGradient;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The gradient of a loss with respect to every parameter of a {@link RecurrentNetwork}, accumulated
 * by {@link NetworkBatch#backward} over the inputs of a batch (back-propagation through time):
 *
 * <pre>
 *   ∂L/∂fc.weight[c][k] += g_c · h_T[k]      ∂L/∂fc.bias[c] += g_c          (g = ∂L/∂f)
 *   per direction:  ∂L/∂W_ih += Σ_s δp_s x_sᵀ   ∂L/∂b_ih += Σ_s δp_s   ∂L/∂W_hh += Σ_s δq_s h_{s−1}ᵀ   ∂L/∂b_hh += Σ_s δq_s
 * </pre>
 *
 * with δp, δq the δ's of a step's input and recurrent projections (equal for an LSTM; for a GRU δq's
 * n rows are δp's times r). Arrays are row-major in PyTorch's layout and handed out as they are, for
 * an optimiser to read; {@link #clear()} zeroes them. One thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ParameterGradient {

    private final DirectionGradient[] forward;
    private final DirectionGradient[] reverse;
    private final double[] fcWeight;
    private final double[] fcBias;

    /** A zero gradient for {@code model}'s parameters. */
    public ParameterGradient(RecurrentNetwork model) {
        int layers = model.layerCount();
        this.forward = new DirectionGradient[layers];
        this.reverse = model.isBidirectional() ? new DirectionGradient[layers] : null;
        for (int k = 0; k < layers; k++) {
            forward[k] = new DirectionGradient(model.layer(k).forward().weights());
            if (reverse != null) {
                reverse[k] = new DirectionGradient(model.layer(k).reverse().weights());
            }
        }
        this.fcWeight = new double[model.outputSize() * model.features()];
        this.fcBias = new double[model.outputSize()];
    }

    DirectionGradient direction(int layer, boolean reversed) {
        return reversed ? reverse[layer] : forward[layer];
    }

    /** Sets every value to zero. */
    public void clear() {
        for (int k = 0; k < forward.length; k++) {
            forward[k].clear();
            if (reverse != null) {
                reverse[k].clear();
            }
        }
        Arrays.fill(fcWeight, 0.0);
        Arrays.fill(fcBias, 0.0);
    }

    /** ∂L/∂weight_ih of a layer's direction, GH x D row-major (the array itself). */
    public double[] weightIh(int layer, boolean reversed) {
        return direction(layer, reversed).weightIh;
    }

    /** ∂L/∂weight_hh of a layer's direction, GH x H row-major (the array itself). */
    public double[] weightHh(int layer, boolean reversed) {
        return direction(layer, reversed).weightHh;
    }

    /** ∂L/∂bias_ih of a layer's direction, GH values (the array itself). */
    public double[] biasIh(int layer, boolean reversed) {
        return direction(layer, reversed).biasIh;
    }

    /** ∂L/∂bias_hh of a layer's direction, GH values (the array itself). */
    public double[] biasHh(int layer, boolean reversed) {
        return direction(layer, reversed).biasHh;
    }

    /** ∂L/∂fc.weight, C x F row-major (the array itself). */
    public double[] fcWeight() {
        return fcWeight;
    }

    /** ∂L/∂fc.bias, C values (the array itself; meaningful only for a model with an output bias). */
    public double[] fcBias() {
        return fcBias;
    }
}
