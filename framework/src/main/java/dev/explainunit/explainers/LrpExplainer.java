package dev.explainunit.explainers;

import dev.explainunit.BatchExplainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.internal.RelevancePasses;
import dev.explainunit.explainers.internal.RelevanceRules;
import dev.explainunit.model.NetworkBatch;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Layer-wise relevance propagation for recurrent networks (paper section 2.3 and appendix A.2;
 * Arras et al. 2017, whose released code this follows), with the product rule {@link LrpRule}.
 *
 * <p>The target output's relevance f_c(x) is propagated backwards through the recorded forward
 * pass. A linear layer z_j = Σ_i z_i·w_ij + b_j (ε-rule):
 *
 * <pre>
 *   R_i = Σ_j (z_i·w_ij + β·(b_j + ε·sign(z_j)) / N) / (z_j + ε·sign(z_j)) · R_j,   sign(0) = +1
 * </pre>
 *
 * with β the bias factor, z_j the full pre-activation (both bias vectors) and N the number of lower
 * units feeding the layer. The output layer redistributes no bias: its numerator is h_k·w_ck +
 * β·ε·sign(f_c)/N while its denominator f_c(x) + ε·sign(f_c) includes fc.bias_c. Relevance passes
 * unchanged through σ and tanh; products gate ⊙ signal are split by the rule. The cells' layers:
 *
 * <pre>
 *   LSTM  h = o ⊙ tanh(c);  c = f ⊙ c_{t−1} + i ⊙ g (identity weights, N = 2H);  gates i, f, g, o
 *         from [x_t | h_{t−1}] (N = D + H); with ALL the gates get nothing and only the g rows pass on
 *   GRU   h = (1 − z) ⊙ n + z ⊙ h_{t−1} (N = 2H);  n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *         (N = D + H over x and the products r ⊙ s; s over h with N = H); gates r, z from [x | h]
 *   layers  what reaches row t of layer k's input goes to layer k − 1's forward step t and reverse
 *         step T − 1 − t (DESIGN, "Recurrent layers and cells"); N counts layer k's own input width
 * </pre>
 *
 * Where a denominator is exactly 0 (ε = 0 and z_j = 0) nothing is passed down and R_j is kept.
 *
 * <p>Per-input values R_{t,d} are returned ({@link Relevance#perInput}); a bidirectional model adds
 * both directions' relevance of x_t. The rest ({@link Relevance#rest()}) is the relevance that
 * reaches no input: what is left on the initial states of every layer and direction; in every linear
 * layer the part (1 − β)·(b_j + ε·sign(z_j)) / (z_j + ε·sign(z_j)) · R_j that is not redistributed;
 * in the output layer (fc.bias_c + (1 − β)·ε·sign(f_c)) / (f_c + ε·sign(f_c)) · f_c; and the
 * stabiliser's share of the PROP / ABS product splits. Every part is accumulated where it arises, so
 * for every rule, ε and β
 *
 * <pre>
 *   Σ_t R_t + rest = f_c(x)
 * </pre>
 *
 * up to rounding relative to the magnitudes involved (PROP with a small ε can divide by nearly zero
 * when z_g ≈ −z_s and produce huge relevances; the paper uses ε = 0.2 for it). White-box: needs a
 * {@link RecurrentNetwork}. Thread-safe; buffers are kept per thread.
 *
 * <p>The paper's setting depends on the task: ε = 0, β = 0 on the toy tasks (A.2); ε = 0.001
 * (0.2 for PROP), β = 0 on sentiment. {@link dev.explainunit.task.Task#builtIn(String)} decides it
 * per task, and the sanity checks and the reproduction take it from there.
 * {@link BuiltInExplainers#create(String)}, used to explain a user's model, uses
 * ε = {@value #DEFAULT_EPS}, β = {@value #DEFAULT_BIAS_FACTOR}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class LrpExplainer implements BatchExplainer {

    /** Default stabiliser ε for explaining a user's model ({@link BuiltInExplainers#create(String)}). */
    public static final double DEFAULT_EPS = 0.001;
    /** Default bias factor β: biases and stabilisers keep their share. */
    public static final double DEFAULT_BIAS_FACTOR = 0.0;

    private final LrpRule rule;
    private final double eps;
    private final double biasFactor;
    private final ThreadLocal<LrpWorkspace> workspaces;

    /**
     * @param rule       the product rule
     * @param eps        the stabiliser ε ≥ 0
     * @param biasFactor the bias factor β (1 redistributes biases and stabilisers, 0 keeps them)
     * @throws IllegalArgumentException if the rule is null, ε is negative or not finite, or β is not finite
     */
    public LrpExplainer(LrpRule rule, double eps, double biasFactor) {
        if (rule == null) {
            throw new IllegalArgumentException("the LRP rule must be one of ALL, PROP, ABS, HALF, is null");
        }
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException(rule.id() + ": eps must be a finite number >= 0, is " + eps);
        }
        if (!Double.isFinite(biasFactor)) {
            throw new IllegalArgumentException(rule.id() + ": bias-factor must be finite, is " + biasFactor);
        }
        this.rule = rule;
        this.eps = eps;
        this.biasFactor = biasFactor;
        RelevanceRules rules = new RelevanceRules(rule.split(), eps, biasFactor);
        this.workspaces = ThreadLocal.withInitial(() -> new LrpWorkspace(rules));
    }

    /** The product rule. */
    public LrpRule rule() {
        return rule;
    }

    /** The stabiliser ε. */
    public double eps() {
        return eps;
    }

    /** The bias factor β. */
    public double biasFactor() {
        return biasFactor;
    }

    @Override
    public String id() {
        return rule.id();
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        RecurrentNetwork network = Arguments.requireNetwork(id(), model, input, target);
        LrpWorkspace ws = workspaces.get();
        ws.traces[0] = network.forward(input, ws.trace(network));
        ws.targets[0] = target;
        ws.rows[0] = ws.laneRows(0, input.length() * input.dim());
        ws.passes.explain(network, ws.traces, 1, ws.targets, ws.rows, ws.rest);
        return Relevance.perInput(input.length(), input.dim(), ws.rows[0]).withRest(ws.rest[0]);
    }

    /**
     * {@inheritDoc} The inputs are explained in groups of one length, up to
     * {@value BatchWorkspace#LANES} at a time, whose forward passes run side by side
     * ({@link NetworkBatch}) and so do the relevance passes: an LSTM layer's gate rows are read once
     * per step for the group. Each relevance equals {@link #explain(RecurrentModel, Sequence, int)}'s.
     */
    @Override
    public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
        RecurrentNetwork network = Arguments.requireNetwork(id(), model, inputs, targets);
        Relevance[] results = new Relevance[inputs.size()];
        LrpWorkspace ws = workspaces.get();
        NetworkBatch batch = ws.batches.batch(network);
        Sequence[] group = ws.batches.group;
        for (int[] members : EqualLengthGroups.of(inputs, BatchWorkspace.LANES)) {
            int lanes = members.length;
            for (int b = 0; b < lanes; b++) {
                group[b] = inputs.get(members[b]);
            }
            batch.forward(group, 0, lanes);
            int length = group[0].length();
            int dim = group[0].dim();
            for (int b = 0; b < lanes; b++) {
                ws.traces[b] = batch.trace(b);
                ws.targets[b] = targets[members[b]];
                ws.rows[b] = ws.laneRows(b, length * dim);
            }
            ws.passes.explain(network, ws.traces, lanes, ws.targets, ws.rows, ws.rest);
            for (int b = 0; b < lanes; b++) {
                results[members[b]] = Relevance.perInput(length, dim, ws.rows[b]).withRest(ws.rest[b]);
            }
        }
        return List.of(results);
    }

    @Override
    public String toString() {
        return id() + "(eps=" + eps + ", bias-factor=" + biasFactor + ")";
    }

    /** One thread's buffers: the relevance passes, the group's traces, targets and results. */
    private static final class LrpWorkspace extends Workspace {
        final RelevancePasses passes;
        final BatchWorkspace batches = new BatchWorkspace();
        final NetworkTrace[] traces = new NetworkTrace[BatchWorkspace.LANES];
        final int[] targets = new int[BatchWorkspace.LANES];
        final double[][] rows = new double[BatchWorkspace.LANES][];
        final double[] rest = new double[BatchWorkspace.LANES];
        private final double[][] laneRows = new double[BatchWorkspace.LANES][0];

        LrpWorkspace(RelevanceRules rules) {
            this.passes = new RelevancePasses(rules);
        }

        double[] laneRows(int lane, int n) {
            laneRows[lane] = grow(laneRows[lane], n);
            return laneRows[lane];
        }
    }
}
