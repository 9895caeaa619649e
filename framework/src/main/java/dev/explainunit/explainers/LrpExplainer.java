package dev.explainunit.explainers;

import dev.explainunit.BatchExplainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.DirectionTrace;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmBatch;
import dev.explainunit.lstm.LstmDirection;
import dev.explainunit.lstm.LstmTrace;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Layer-wise relevance propagation for LSTMs (paper section 2.3 and appendix A.2; Arras et al.
 * 2017, whose released code this follows), with the product rule {@link LrpRule}.
 *
 * <p>The target output's relevance f_c(x) is propagated backwards through the recorded forward
 * pass. A linear layer z_j = Σ_i z_i·w_ij + b_j (ε-rule):
 *
 * <pre>
 *   R_i = Σ_j (z_i·w_ij + β·(b_j + ε·sign(z_j)) / N) / (z_j + ε·sign(z_j)) · R_j,   sign(0) = +1
 * </pre>
 *
 * with β the bias factor, z_j the full pre-activation (both bias vectors) and N the number of lower
 * units feeding the layer: D + H for the gates (x_t and h_{t−1}), H (2H bidirectional) for the
 * output layer, 2H for the cell sum c_t = f ⊙ c_{t−1} + i ⊙ g (identity weights; as in the authors'
 * code the stabiliser share is spread over all 2H inputs). The output layer redistributes
 * no bias: its numerator is h_k·w_ck + β·ε·sign(f_c)/N while its denominator f_c(x) + ε·sign(f_c)
 * includes fc.bias_c. Relevance passes unchanged through σ and tanh. The products o ⊙ tanh(c_t),
 * f ⊙ c_{t−1}, i ⊙ g are split by the rule; a gate's share goes on to its pre-activation and from
 * there through its linear layer to x_t and h_{t−1}. With {@link LrpRule#ALL} gates get nothing and
 * only the g rows are propagated. Where a denominator is exactly 0 (ε = 0 and z_j = 0) nothing is
 * passed down and R_j is counted in the rest.
 *
 * <p>Per-input values R_{t,d} are returned ({@link Relevance#perInput}); a bidirectional model
 * adds both directions' relevance of x_t. The rest ({@link Relevance#rest()}) is the relevance
 * that reaches no input: what is left on h_0 and c_0; in every linear layer the part
 * (1 − β)·(b_j + ε·sign(z_j)) / (z_j + ε·sign(z_j)) · R_j that is not redistributed; in the output
 * layer (fc.bias_c + (1 − β)·ε·sign(f_c)) / (f_c + ε·sign(f_c)) · f_c, so the output bias's share
 * always stays in the rest; and the stabiliser's share of the PROP / ABS product splits.
 * Every part is accumulated where it arises, so for every rule, ε and β
 *
 * <pre>
 *   Σ_t R_t + rest = f_c(x)
 * </pre>
 *
 * up to rounding relative to the magnitudes involved (PROP with a small ε can divide by nearly
 * zero when z_g ≈ −z_s and produce huge relevances; the paper uses ε = 0.2 for it).
 *
 * With β = 1 and ε = 0 the rest is the relevance on the initial state plus fc.bias_c. White-box:
 * needs an {@link Lstm}. Thread-safe; buffers are kept per thread.
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
    private final boolean singleUnitPath;
    private final ThreadLocal<LrpWorkspace> workspaces = ThreadLocal.withInitial(LrpWorkspace::new);
    private final LrpBatches batches = new LrpBatches(this);
    private final LrpSingleUnitPass singleUnit = new LrpSingleUnitPass(this);

    /**
     * @param rule       the product rule
     * @param eps        the stabiliser ε ≥ 0
     * @param biasFactor the bias factor β (1 redistributes biases and stabilisers, 0 keeps them)
     * @throws IllegalArgumentException if the rule is null, ε is negative or not finite, or β is not finite
     */
    public LrpExplainer(LrpRule rule, double eps, double biasFactor) {
        this(rule, eps, biasFactor, true);
    }

    /** With {@code singleUnitPath} false every model takes the general path (to test the H = 1 one against it). */
    LrpExplainer(LrpRule rule, double eps, double biasFactor, boolean singleUnitPath) {
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
        this.singleUnitPath = singleUnitPath;
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
        Lstm lstm = Arguments.requireLstm(id(), model, input, target);
        LrpWorkspace ws = workspaces.get();
        int length = input.length();
        LstmTrace trace = lstm.forward(input, ws.trace(lstm));
        double[] x = ws.input(input);
        double[] rows = ws.zeroed(length * input.dim());
        ws.ensure(length, lstm.hiddenSize());
        ws.ensureInputs(input.dim());
        double rest = outputLayer(lstm, trace, target, ws);
        rest += propagate(lstm, lstm.forwardDirection(), trace.forward(), x, target, 0, ws.outCoefficient,
                ws.outPerUnit, false, ws, rows);
        if (lstm.isBidirectional()) {
            rest += propagate(lstm, lstm.reverseDirection(), trace.reverse(), x, target, lstm.hiddenSize(),
                    ws.outCoefficient, ws.outPerUnit, true, ws, rows);
        }
        return Relevance.perInput(length, input.dim(), rows).withRest(rest);
    }

    /**
     * {@inheritDoc} The inputs are explained in groups of one length, up to
     * {@value BatchWorkspace#LANES} at a time, whose forward passes run side by side
     * ({@link LstmBatch}); with {@link LrpRule#ALL} so do the gate layers of the relevance pass,
     * four rows of [W_ih | W_hh] at a time, each row read once per step for the group (the other
     * rules propagate each input alone: one method shared by all rules, compiled by the JIT for the
     * rule that ran first, ran the others slower). Every value is
     * computed as by {@link #explain(RecurrentModel, Sequence, int)}, in the same order, so the
     * results are equal bit for bit. A single-unit model (H = 1) is explained input by input.
     */
    @Override
    public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
        Lstm lstm = Arguments.requireLstm(id(), model, inputs, targets);
        if (lstm.hiddenSize() == 1) {
            Relevance[] results = new Relevance[inputs.size()];
            for (int k = 0; k < results.length; k++) {
                results[k] = explain(model, inputs.get(k), targets[k]);
            }
            return List.of(results);
        }
        return batches.explain(lstm, inputs, targets);
    }

    /**
     * The output layer: relevance f_c(x) on z = fc.weight_c · h_T + fc.bias_c, the bias keeping its
     * share. Sets {@code ws.outCoefficient} = f_c / (f_c + ε·sign f_c) and {@code ws.outPerUnit},
     * the stabiliser's share per unit (modified); returns the output layer's rest.
     */
    double outputLayer(Lstm lstm, LstmTrace trace, int target, LrpWorkspace ws) {
        int hidden = lstm.hiddenSize();
        double out = trace.output(target);
        double sign = out >= 0 ? 1 : -1;
        double den = out + eps * sign;
        double coefficient = 0;
        double perUnit = 0;
        double rest;
        if (den == 0) {
            rest = out;
        } else {
            coefficient = out / den;
            int features = lstm.isBidirectional() ? 2 * hidden : hidden;
            perUnit = biasFactor * eps * sign / features * coefficient;
            rest = (lstm.fcBias(target) + (1 - biasFactor) * eps * sign) * coefficient;
        }
        ws.outCoefficient = coefficient;
        ws.outPerUnit = perUnit;
        return rest;
    }

    /**
     * Propagates one direction's share of the output relevance down to the inputs, adding R_{t,d}
     * to {@code rows[t·D + d]} (modified). Returns the relevance this direction leaves on biases,
     * stabilisers and the initial state.
     */
    double propagate(Lstm lstm, LstmDirection w, DirectionTrace tr, double[] x, int target, int fcOffset,
                     double outCoefficient, double outPerUnit, boolean reversed, LrpWorkspace ws,
                     double[] rows) {
        if (w.hiddenSize() == 1 && singleUnitPath) {
            return singleUnit.propagate(w, tr, x, lstm.fcWeight(target, fcOffset), outCoefficient, outPerUnit,
                    reversed, ws, rows);
        }
        int length = tr.steps();
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        double absorbed = 0;
        startAtOutput(lstm, tr, target, fcOffset, outCoefficient, outPerUnit, ws);
        int gateLayerUnits = inputs + hidden;
        int firstRow = rule == LrpRule.ALL ? LstmDirection.GATE_G * hidden : 0;
        int endRow = rule == LrpRule.ALL ? firstRow + hidden : 4 * hidden;
        for (int s = length - 1; s >= 0; s--) {
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            absorbed = productLayers(tr, s, ws, absorbed);
            loadGateLayer(tr, s, x, rows, xBase, ws);
            for (int j = firstRow; j < endRow; j++) {
                absorbed = gateRow(w, tr, s, j, gateLayerUnits, ws, absorbed);
            }
            storeGateLayer(s, hidden, inputs, rows, xBase, ws);
        }
        return leftOnInitialState(hidden, ws, absorbed);
    }

    /** R_{h_T} of one direction's units (k &lt; H): h_k · w_ck · f_c / (f_c + ε·sign f_c) + the stabiliser's share; R_{c_T} = 0. */
    static void startAtOutput(Lstm lstm, DirectionTrace tr, int target, int fcOffset, double outCoefficient,
                              double outPerUnit, LrpWorkspace ws) {
        int length = tr.steps();
        int hidden = tr.hiddenSize();
        int last = length * hidden;
        for (int k = 0; k < hidden; k++) {
            ws.rh[last + k] = tr.h(length - 1, k) * lstm.fcWeight(target, fcOffset + k) * outCoefficient
                    + outPerUnit;
            ws.rc[last + k] = 0;
        }
    }

    /**
     * The elementwise layers of step s: h_s = o ⊙ tanh(c_s) split by the rule (the gate share to
     * z_o, the signal share through tanh to c_s), the cell sum c_s = f ⊙ c_{s−1} + i ⊙ g (identity
     * weights, no bias, N = 2H) and its two products split. Fills {@code ws.rz} and R_{c_{s−1}},
     * zeroes R_{h_{s−1}} (modified); returns {@code absorbed} plus the stabilisers' shares.
     */
    private double productLayers(DirectionTrace tr, int s, LrpWorkspace ws, double absorbed) {
        int hidden = tr.hiddenSize();
        double[] rh = ws.rh;
        double[] rc = ws.rc;
        double[] rz = ws.rz;
        double[] cellCoefficient = ws.cellCoefficient;
        int cur = (s + 1) * hidden;
        int prev = s * hidden;
        for (int k = 0; k < hidden; k++) {
            absorbed += split(tr.gate(s, 3 * hidden + k), tr.tanhC(s, k), rh[cur + k], ws);
            rz[3 * hidden + k] = ws.gateShare;
            rc[cur + k] += ws.signalShare;
            rh[prev + k] = 0;
        }
        double spread = 0;
        for (int k = 0; k < hidden; k++) {
            double cell = tr.c(s, k);
            double cellSign = cell >= 0 ? 1 : -1;
            double cellDen = cell + eps * cellSign;
            if (cellDen == 0) {
                absorbed += rc[cur + k];
                cellCoefficient[k] = 0;
            } else {
                double coefficient = rc[cur + k] / cellDen;
                cellCoefficient[k] = coefficient;
                spread += biasFactor * eps * cellSign / (2 * hidden) * coefficient;
                absorbed += (1 - biasFactor) * eps * cellSign * coefficient;
            }
        }
        for (int k = 0; k < hidden; k++) {
            double i = tr.gate(s, k);
            double f = tr.gate(s, hidden + k);
            double g = tr.gate(s, 2 * hidden + k);
            double cellBefore = tr.c(s - 1, k);
            double forgetProduct = f * cellBefore * cellCoefficient[k] + spread;
            double inputProduct = i * g * cellCoefficient[k] + spread;
            absorbed += split(f, cellBefore, forgetProduct, ws);
            rz[hidden + k] = ws.gateShare;
            rc[prev + k] = ws.signalShare;
            absorbed += split(i, g, inputProduct, ws);
            rz[k] = ws.gateShare;
            rz[2 * hidden + k] = ws.signalShare;
        }
        return absorbed;
    }

    /**
     * Copies x_t, its relevance so far, h_{s−1} and R_{h_{s−1}} into {@code ws}'s step buffers
     * (modified), from index 0, so that the direction's row kernels run in vector instructions.
     */
    private static void loadGateLayer(DirectionTrace tr, int s, double[] x, double[] rows, int xBase,
                                      LrpWorkspace ws) {
        int hidden = tr.hiddenSize();
        int inputs = ws.inputs;
        System.arraycopy(x, xBase, ws.stepInput, 0, inputs);
        System.arraycopy(rows, xBase, ws.stepInputRelevance, 0, inputs);
        for (int k = 0; k < hidden; k++) {
            ws.previousState[k] = tr.h(s - 1, k);
            ws.previousStateRelevance[k] = ws.rh[s * hidden + k];
        }
    }

    /** Copies the step buffers' relevances back to {@code rows[xBase ..]} and R_{h_{s−1}} (modified). */
    private static void storeGateLayer(int s, int hidden, int inputs, double[] rows, int xBase, LrpWorkspace ws) {
        System.arraycopy(ws.stepInputRelevance, 0, rows, xBase, inputs);
        System.arraycopy(ws.previousStateRelevance, 0, ws.rh, s * hidden, hidden);
    }

    /**
     * The batch path's {@link #loadGateLayer}: [x_t | h_{s−1}] to {@code ws.units} and their
     * relevances so far [R_{x_t} | R_{h_{s−1}}] to {@code ws.unitRelevance} (modified).
     */
    static void loadUnits(DirectionTrace tr, int s, double[] x, double[] rows, int xBase, LrpWorkspace ws) {
        int hidden = tr.hiddenSize();
        int inputs = ws.inputs;
        System.arraycopy(x, xBase, ws.units, 0, inputs);
        System.arraycopy(rows, xBase, ws.unitRelevance, 0, inputs);
        for (int k = 0; k < hidden; k++) {
            ws.units[inputs + k] = tr.h(s - 1, k);
            ws.unitRelevance[inputs + k] = ws.rh[s * hidden + k];
        }
    }

    /** Copies {@code ws.unitRelevance} back to {@code rows[xBase ..]} and R_{h_{s−1}} (modified). */
    static void storeUnits(int s, int hidden, int inputs, double[] rows, int xBase, LrpWorkspace ws) {
        System.arraycopy(ws.unitRelevance, 0, rows, xBase, inputs);
        System.arraycopy(ws.unitRelevance, inputs, ws.rh, s * hidden, hidden);
    }

    /**
     * Gate row j of step s's linear layer z_j = W_ih x_t + W_hh h_{s−1} + b_j (ε-rule, N = D + H):
     * adds the shares of x_t and h_{s−1} to the step buffers (modified); returns {@code absorbed}
     * plus the part kept by bias and stabiliser (all of R_j where the denominator is 0).
     */
    private double gateRow(LstmDirection w, DirectionTrace tr, int s, int j, int gateLayerUnits, LrpWorkspace ws,
                           double absorbed) {
        absorbed = rowFactors(w, tr, s, j, gateLayerUnits, ws, absorbed);
        if (ws.rowActive) {
            w.addWeightedInputRow(j, ws.stepInput, ws.rowFactor, ws.rowShift, ws.stepInputRelevance);
            w.addWeightedRecurrentRow(j, ws.previousState, ws.rowFactor, ws.rowShift, ws.previousStateRelevance);
        }
        return absorbed;
    }

    /**
     * The factors of gate row j's redistribution, R_e += u_e · w_je · a + b: a = R_j / (z_j +
     * ε·sign z_j) to {@code ws.rowFactor}, b = β·(b_j + ε·sign z_j) / N · a to
     * {@code ws.rowShift}, and whether the row passes anything down to {@code ws.rowActive}
     * (not where R_j = 0 or the denominator is 0) (all modified). Returns {@code absorbed} plus the
     * part kept by bias and stabiliser (all of R_j where the denominator is 0).
     */
    private double rowFactors(LstmDirection w, DirectionTrace tr, int s, int j, int gateLayerUnits, LrpWorkspace ws,
                      double absorbed) {
        double r = ws.rz[j];
        ws.rowActive = false;
        if (r == 0) {
            return absorbed;
        }
        double z = tr.z(s, j);
        double zSign = z >= 0 ? 1 : -1;
        double zDen = z + eps * zSign;
        if (zDen == 0) {
            return absorbed + r;
        }
        double coefficient = r / zDen;
        double biasAndStabiliser = w.bias(j) + eps * zSign;
        ws.rowFactor = coefficient;
        ws.rowShift = biasFactor * biasAndStabiliser / gateLayerUnits * coefficient;
        ws.rowActive = true;
        return absorbed + (1 - biasFactor) * biasAndStabiliser * coefficient;
    }

    /** {@code absorbed} plus the relevance left on h_0 and c_0. */
    static double leftOnInitialState(int hidden, LrpWorkspace ws, double absorbed) {
        for (int k = 0; k < hidden; k++) {
            absorbed += ws.rh[k] + ws.rc[k];
        }
        return absorbed;
    }

    /**
     * Splits relevance {@code r} of the product gate · signal by the rule into
     * {@code ws.gateShare} and {@code ws.signalShare} (modified); returns the stabiliser's share.
     */
    double split(double gate, double signal, double r, LrpWorkspace ws) {
        switch (rule) {
            case ALL -> {
                ws.gateShare = 0;
                ws.signalShare = r;
                return 0;
            }
            case HALF -> {
                ws.gateShare = 0.5 * r;
                ws.signalShare = 0.5 * r;
                return 0;
            }
            case PROP -> {
                double sum = gate + signal;
                double stabiliser = eps * (sum >= 0 ? 1 : -1);
                return share(gate, signal, stabiliser, sum + stabiliser, r, ws);
            }
            default -> {
                double gateAbs = Math.abs(gate);
                double signalAbs = Math.abs(signal);
                return share(gateAbs, signalAbs, eps, gateAbs + signalAbs + eps, r, ws);
            }
        }
    }

    private static double share(double gate, double signal, double stabiliser, double den, double r,
                                LrpWorkspace ws) {
        if (den == 0) {
            ws.gateShare = 0;
            ws.signalShare = 0;
            return r;
        }
        double coefficient = r / den;
        ws.gateShare = gate * coefficient;
        ws.signalShare = signal * coefficient;
        return stabiliser * coefficient;
    }

    @Override
    public String toString() {
        return id() + "(eps=" + eps + ", bias-factor=" + biasFactor + ")";
    }
}
