package dev.explainunit.explainers;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmBatch;
import org.apiguardian.api.API;

/**
 * Integrated gradients (Sundararajan et al. 2017; beyond the paper) with the zero baseline and an
 * m-step right Riemann sum:
 *
 * <pre>
 *   R_{t,d} = x_{t,d} · (1/m) Σ_{k=1..m} ∂f_c/∂x_{t,d}((k/m)·x)          R_t = Σ_d R_{t,d}
 * </pre>
 *
 * As m grows, Σ_t R_t → f_c(x) − f_c(0) (completeness). White-box: needs an {@link Lstm}; m forward
 * and backward passes, up to {@value BatchWorkspace#LANES} of them side by side ({@link LstmBatch}),
 * the gradients added in the order of m passes one after another, so that the sum is the same bit
 * for bit. Thread-safe; buffers are kept per thread.
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
    private final boolean singleUnitPath;
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
        this(steps, true);
    }

    /** With {@code singleUnitPath} false every model takes the general path (to test the H = 1 one against it). */
    IntegratedGradientsExplainer(int steps, boolean singleUnitPath) {
        if (steps < 1) {
            throw new IllegalArgumentException(ID + ": the number of steps must be at least 1, is " + steps);
        }
        this.steps = steps;
        this.singleUnitPath = singleUnitPath;
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
        Lstm lstm = Arguments.requireLstm(ID, model, input, target);
        IntegratedGradientsWorkspace ws = workspaces.get();
        int length = input.length();
        int dim = input.dim();
        int n = length * dim;
        double[] x = ws.input(input);
        if (lstm.hiddenSize() == 1 && singleUnitPath) {
            return explainSingleUnit(lstm, x, length, dim, target, ws);
        }
        double[] sum = ws.gradient(n);
        java.util.Arrays.fill(sum, 0, n, 0.0);
        LstmBatch batch = ws.batches.batch(lstm);
        int lanes = batch.capacity();
        ws.ensure(lanes, n);
        java.util.Arrays.fill(ws.targets, target);
        for (int first = 0; first < steps; first += lanes) {
            int count = Math.min(lanes, steps - first);
            batch.forwardScaled(x, length, alphas, first, count);
            batch.inputGradientByDirection(ws.targets, ws.forwardGradients, ws.reverseGradients);
            for (int b = 0; b < count; b++) {
                // point k's forward terms, then its reverse ones: the order of m passes one after another
                add(ws.forwardGradients[b], sum, n);
                if (lstm.isBidirectional()) {
                    add(ws.reverseGradients[b], sum, n);
                }
            }
        }
        for (int v = 0; v < n; v++) {
            sum[v] = x[v] * sum[v] / steps;
        }
        return Relevance.perInput(length, dim, sum);
    }

    private static void add(double[] terms, double[] sum, int n) {
        for (int v = 0; v < n; v++) {
            sum[v] += terms[v];
        }
    }

    /**
     * The same sum for a single-unit model, the m passes of a direction side by side
     * ({@link LstmSteps#forwardScaled}); per direction the gradient terms are added in the order
     * of the general path.
     */
    private Relevance explainSingleUnit(Lstm lstm, double[] x, int length, int dim, int target,
                                        IntegratedGradientsWorkspace ws) {
        int n = length * dim;
        double[] gradient = ws.gradient(n);
        for (int v = 0; v < n; v++) {
            gradient[v] = 0;
        }
        LstmSteps.forwardScaled(lstm.forwardDirection(), x, length, false, alphas, ws.scaledForward);
        LstmSteps.backwardScaled(lstm.forwardDirection(), lstm.fcWeight(target, 0), ws.scaledForward, steps, length,
                false, gradient);
        if (lstm.isBidirectional()) {
            LstmSteps.forwardScaled(lstm.reverseDirection(), x, length, true, alphas, ws.scaledReverse);
            LstmSteps.backwardScaled(lstm.reverseDirection(), lstm.fcWeight(target, 1), ws.scaledReverse, steps,
                    length, true, gradient);
        }
        for (int v = 0; v < n; v++) {
            gradient[v] = x[v] * gradient[v] / steps;
        }
        return Relevance.perInput(length, dim, gradient);
    }

    @Override
    public String toString() {
        return ID + "(steps=" + steps + ")";
    }

    private static final class IntegratedGradientsWorkspace extends Workspace {
        /** The points' passes side by side, up to {@value BatchWorkspace#LANES} at a time. */
        final BatchWorkspace batches = new BatchWorkspace();
        final int[] targets = new int[BatchWorkspace.LANES];
        /** Per lane the gradient at its point through each direction. */
        final double[][] forwardGradients = new double[BatchWorkspace.LANES][0];
        final double[][] reverseGradients = new double[BatchWorkspace.LANES][0];
        final LstmSteps.ScaledSingleUnitPasses scaledForward = new LstmSteps.ScaledSingleUnitPasses();
        final LstmSteps.ScaledSingleUnitPasses scaledReverse = new LstmSteps.ScaledSingleUnitPasses();

        void ensure(int lanes, int n) {
            for (int b = 0; b < lanes; b++) {
                forwardGradients[b] = grow(forwardGradients[b], n);
                reverseGradients[b] = grow(reverseGradients[b], n);
            }
        }
    }
}
