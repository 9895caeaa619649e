package dev.explainunit.explainers;

import dev.explainunit.BatchExplainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Sensitivity analysis (paper section 2.1, after Li et al. 2016): the squared L2 norm of the
 * gradient of the target output with respect to each step,
 *
 * <pre>
 *   R_{t,d} = (∂f_c/∂x_{t,d})²          R_t = ‖∇_{x_t} f_c(x)‖²₂ = Σ_d R_{t,d}
 * </pre>
 *
 * Per-input values are the squared partial derivatives. White-box: needs an {@link RecurrentNetwork}; one
 * forward and one backward pass. Thread-safe; buffers are kept per thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GradientExplainer implements BatchExplainer {

    /** The method id. */
    public static final String ID = "gradient";

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
        for (int v = 0; v < length * dim; v++) {
            gradient[v] *= gradient[v];
        }
        return Relevance.perInput(length, dim, gradient);
    }

    @Override
    public String toString() {
        return ID;
    }
}
