package dev.explainunit.explainers;

import dev.explainunit.BatchExplainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Gradient×Input (paper section 2.1, after Denil et al. 2015): each input times the partial
 * derivative of the target output with respect to it,
 *
 * <pre>
 *   R_{t,d} = ∂f_c/∂x_{t,d}(x) · x_{t,d}          R_t = (∇_{x_t} f_c(x))ᵀ x_t = Σ_d R_{t,d}
 * </pre>
 *
 * White-box: needs an {@link RecurrentNetwork}; one forward and one backward pass. Thread-safe; buffers are
 * kept per thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GradientTimesInputExplainer implements BatchExplainer {

    /** The method id. */
    public static final String ID = "gradient-x-input";

    private final InputGradientMethod method = new InputGradientMethod(ID, this::relevance);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        return method.explain(model, input, target);
    }

    /**
     * {@inheritDoc} The gradients come from {@link dev.explainunit.model.NetworkBatch}, which runs groups
     * of inputs of one length side by side and gives each the gradient of the one-input pass; so
     * each relevance equals {@link #explain(RecurrentModel, Sequence, int)}'s.
     */
    @Override
    public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
        return method.explain(model, inputs, targets);
    }

    /** The relevance of {@code input} from its gradient (T·D values, modified). */
    private Relevance relevance(Sequence input, double[] gradient, Workspace ws) {
        int length = input.length();
        int dim = input.dim();
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
