package dev.explainunit.explainers;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.Lstm;
import org.apiguardian.api.API;

/**
 * Gradient×Input (paper section 2.1, after Denil et al. 2015): each input times the partial
 * derivative of the target output with respect to it,
 *
 * <pre>
 *   R_{t,d} = ∂f_c/∂x_{t,d}(x) · x_{t,d}          R_t = (∇_{x_t} f_c(x))ᵀ x_t = Σ_d R_{t,d}
 * </pre>
 *
 * White-box: needs an {@link Lstm}; one forward and one backward pass. Thread-safe; buffers are
 * kept per thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GradientTimesInputExplainer implements Explainer {

    /** The method id. */
    public static final String ID = "gradient-x-input";

    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        Lstm lstm = Arguments.requireLstm(ID, model, input, target);
        Workspace ws = workspaces.get();
        int length = input.length();
        int dim = input.dim();
        double[] gradient = ws.inputGradient(lstm, input, target);
        double[] x = ws.input(input);
        for (int v = 0; v < length * dim; v++) {
            gradient[v] *= x[v];
        }
        return Relevance.perInput(length, dim, gradient);
    }

    @Override
    public String toString() {
        return ID;
    }
}
