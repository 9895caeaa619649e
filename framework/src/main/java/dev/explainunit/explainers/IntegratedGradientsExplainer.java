package dev.explainunit.explainers;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkBatch;
import dev.explainunit.model.RecurrentNetwork;
import org.apiguardian.api.API;

/**
 * Integrated gradients (Sundararajan et al. 2017; beyond the paper) with the zero baseline and an
 * m-step right Riemann sum:
 *
 * <pre>
 *   R_{t,d} = x_{t,d} · (1/m) Σ_{k=1..m} ∂f_c/∂x_{t,d}((k/m)·x)          R_t = Σ_d R_{t,d}
 * </pre>
 *
 * As m grows, Σ_t R_t → f_c(x) − f_c(0) (completeness). White-box: needs a {@link RecurrentNetwork}; m forward
 * and backward passes of the model, up to {@value BatchWorkspace#LANES} of them side by side
 * ({@link NetworkBatch#forwardScaled}), the gradients added in the order of k. Thread-safe; buffers are
 * kept per thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class IntegratedGradientsExplainer implements Explainer {

    /** The method id. */
    public static final String ID = "integrated-gradients";
    /** Default number of Riemann steps m. */
    public static final int DEFAULT_STEPS = 50;

    private final int steps;
    /** α_k = k / m for k = 1..m. */
    private final double[] alphas;
    private final ThreadLocal<IntegratedGradientsWorkspace> workspaces =
            ThreadLocal.withInitial(IntegratedGradientsWorkspace::new);

    /** Integrated gradients with {@value #DEFAULT_STEPS} steps. */
    public IntegratedGradientsExplainer() {
        this(DEFAULT_STEPS);
    }

    /**
     * @param steps the number of Riemann steps m ≥ 1
     * @throws IllegalArgumentException if {@code steps < 1}
     */
    public IntegratedGradientsExplainer(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(ID + ": the number of steps must be at least 1, is " + steps);
        }
        this.steps = steps;
        this.alphas = new double[steps];
        for (int k = 1; k <= steps; k++) {
            alphas[k - 1] = (double) k / steps;
        }
    }

    /** The number of Riemann steps m. */
    public int steps() {
        return steps;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        RecurrentNetwork network = Arguments.requireNetwork(ID, model, input, target);
        IntegratedGradientsWorkspace ws = workspaces.get();
        int length = input.length();
        int dim = input.dim();
        int n = length * dim;
        double[] x = ws.input(input);
        double[] sum = ws.gradient(n);
        java.util.Arrays.fill(sum, 0, n, 0.0);
        NetworkBatch batch = ws.batches.batch(network);
        int lanes = batch.capacity();
        ws.ensure(lanes, n);
        java.util.Arrays.fill(ws.targets, target);
        for (int first = 0; first < steps; first += lanes) {
            int count = Math.min(lanes, steps - first);
            batch.forwardScaled(x, length, alphas, first, count);
            batch.inputGradient(ws.targets, ws.gradients);
            for (int b = 0; b < count; b++) {
                double[] terms = ws.gradients[b];
                for (int v = 0; v < n; v++) {
                    sum[v] += terms[v];
                }
            }
        }
        for (int v = 0; v < n; v++) {
            sum[v] = x[v] * sum[v] / steps;
        }
        return Relevance.perInput(length, dim, sum);
    }

    @Override
    public String toString() {
        return ID + "(steps=" + steps + ")";
    }

    private static final class IntegratedGradientsWorkspace extends Workspace {
        /** The points' passes side by side, up to {@value BatchWorkspace#LANES} at a time. */
        final BatchWorkspace batches = new BatchWorkspace();
        final int[] targets = new int[BatchWorkspace.LANES];
        /** Per lane the gradient at its point. */
        final double[][] gradients = new double[BatchWorkspace.LANES][0];

        void ensure(int lanes, int n) {
            for (int b = 0; b < lanes; b++) {
                gradients[b] = grow(gradients[b], n);
            }
        }
    }
}
