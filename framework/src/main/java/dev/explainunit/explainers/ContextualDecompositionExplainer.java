package dev.explainunit.explainers;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.internal.DecompositionPasses;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import org.apiguardian.api.API;

/**
 * Contextual decomposition (Murdoch et al. 2018; paper section 2.4 and appendix A.3), following
 * the authors' released {@code CD} function with the paper's fix. For word k the forward pass is
 * split into a relevant part β (from x_k) and an irrelevant part γ (from everything else), with
 * start = k, stop = k + 1 and "x_t is relevant iff start ≤ t &lt; stop" for the input term and
 * for the bias·bias term. Per step, with a, b the relevant and irrelevant pre-activation parts of a
 * gate (W_hh β_h / W_hh γ_h plus the input term on the side it belongs to) and bias c,
 *
 * <pre>
 *   rel(σ)   = ½ (σ(a + c) − σ(c) + σ(a + b + c) − σ(b + c))     (Shapley over a, b; bias part σ(c))
 *   irrel(σ) = ½ (σ(b + c) − σ(c) + σ(a + b + c) − σ(a + c))
 *   β_c = rel_i (rel_g + σ_g(c)) + σ_i(c) rel_g [+ σ_i(c) σ_g(c) if relevant] + (rel_f + σ_f(c)) β_c,prev
 *   γ_c = irrel_i g + (rel_i + σ_i(c)) irrel_g [+ σ_i(c) σ_g(c) if not] + f γ_c,prev + irrel_f β_c,prev
 *   β_h = o · ½ (tanh β_c + tanh c − tanh γ_c),    γ_h = o · ½ (tanh γ_c + tanh c − tanh β_c)
 * </pre>
 *
 * R_k = w_c · β_T; the output bias is excluded. A bidirectional model adds the reverse direction's
 * score for the same word (which it reads at step T − 1 − k). A stacked LSTM splits layer k + 1's
 * input term W·β_t^(k) into β and W·γ_t^(k) into γ, the outputs of layer k (DESIGN, "CD on a
 * stacked LSTM"); the bias·bias term is relevant at the word's step in every layer. The full
 * activations are taken from the recorded forward pass, so β + γ = h at every step of every layer.
 * CD is not defined for a GRU: {@link #supports} is false there, and {@code explain} refuses it.
 * White-box: needs a {@link RecurrentNetwork}. Thread-safe; buffers are kept per thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ContextualDecompositionExplainer implements Explainer {

    /** The method id. */
    public static final String ID = "cd";

    private final ThreadLocal<CdWorkspace> workspaces = ThreadLocal.withInitial(CdWorkspace::new);

    @Override
    public String id() {
        return ID;
    }

    /** CD applies to LSTMs of any depth and direction, not to GRUs (Murdoch et al. decompose the LSTM's gates). */
    @Override
    public boolean supports(RecurrentModel model) {
        return !(model instanceof RecurrentNetwork network) || DecompositionPasses.supports(network);
    }

    @Override
    public String unsupportedReason(RecurrentModel model) {
        return supports(model) ? null : DecompositionPasses.unsupportedReason((RecurrentNetwork) model);
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        RecurrentNetwork network = Arguments.requireNetwork(ID, model, input, target);
        if (!DecompositionPasses.supports(network)) {
            throw new IllegalArgumentException(ID + ": " + DecompositionPasses.unsupportedReason(network));
        }
        CdWorkspace ws = workspaces.get();
        NetworkTrace trace = network.forward(input, ws.trace(network));
        double[] relevance = ws.steps(input.length());
        ws.passes.explain(network, trace, target, relevance);
        return Relevance.perStep(relevance);
    }

    /**
     * The decomposition of word {@code word} in one direction of one layer, for tests: β_h and γ_h
     * after every processing step ([0] β, [1] γ, [step][unit]).
     */
    double[][][] decomposition(RecurrentNetwork network, Sequence input, int word, int layer,
                               boolean reverseDirection) {
        CdWorkspace ws = workspaces.get();
        NetworkTrace trace = network.forward(input, ws.trace(network));
        return ws.passes.decomposition(network, trace, word, layer, reverseDirection);
    }

    @Override
    public String toString() {
        return ID;
    }

    private static final class CdWorkspace extends Workspace {
        final DecompositionPasses passes = new DecompositionPasses();
    }
}
