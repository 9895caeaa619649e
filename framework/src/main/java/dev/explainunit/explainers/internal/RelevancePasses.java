package dev.explainunit.explainers.internal;

import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * An LRP pass through a whole network for a group of recorded inputs: the output layer, then each
 * layer from the last down, each direction by the relevance pass of its cell ({@link LstmRelevance},
 * {@link SingleUnitLstmRelevance}, {@link GruRelevance}). The one piece of code that knows how the
 * layers stack.
 *
 * <pre>
 *   output layer:  R_{h_k} = h_k · w_ck · f_c / (f_c + ε·sign f_c) + β·ε·sign(f_c) / F · f_c / (f_c + ε·sign f_c)
 *                  (the initial relevance is f_c(x); fc.bias_c and (1 − β)·ε keep their share)
 *   layer k &gt; 0:   the relevance of its input row t, [R of layer k−1's forward h_t ; of its reverse h_t],
 *                  reaches layer k − 1's forward direction at step t and its reverse one at step T − 1 − t
 * </pre>
 *
 * What every layer keeps (biases, stabilisers, zero denominators) and what reaches the initial states
 * h_0 (and c_0) of every layer and direction is the rest, so that Σ R_{t,d} + rest = f_c(x) up to
 * rounding. One thread; grows, never shrinks.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RelevancePasses {

    private final RelevanceRules rules;
    private final LstmRelevance lstm;
    private final SingleUnitLstmRelevance singleUnit;
    private final GruRelevance gru;
    private RelevanceLane[][] lanes = new RelevanceLane[2][0];
    private DirectionTrace[] directions = new DirectionTrace[0];
    /** Per lane and layer k &gt; 0 the relevance of layer k's input rows, T x F, and layer k's input. */
    private double[][][] rows = new double[0][][];
    private double[][][] inputs = new double[0][][];
    private double[] coefficient = new double[0];
    private double[] perUnit = new double[0];

    public RelevancePasses(RelevanceRules rules) {
        this.rules = rules;
        this.lstm = new LstmRelevance(rules);
        this.singleUnit = new SingleUnitLstmRelevance(rules);
        this.gru = new GruRelevance(rules);
    }

    /**
     * Explains output {@code targets[b]} of the passes recorded in {@code traces[0 .. count)} (one
     * length): lane b's relevance R_{t,d} to {@code relevance[b]} (T x D row-major, the first T·D
     * values overwritten) and what reaches no input to {@code rest[b]}.
     */
    public void explain(RecurrentNetwork n, NetworkTrace[] traces, int count, int[] targets, double[][] relevance,
                        double[] rest) {
        ensure(n, count);
        int layers = n.layerCount();
        int length = traces[0].length();
        for (int b = 0; b < count; b++) {
            rest[b] = outputLayer(n, traces[b], targets[b], b);
        }
        for (int k = layers - 1; k >= 0; k--) {
            int width = traces[0].layerInputWidth(k);
            for (int b = 0; b < count; b++) {
                double[] rx = k == 0 ? relevance[b] : (rows[b][k] = RelevanceLane.grow(rows[b][k], length * width));
                Arrays.fill(rx, 0, length * width, 0.0);
                double[] x = inputs[b][k] = RelevanceLane.grow(inputs[b][k], length * width);
                traces[b].copyLayerInput(k, x);
                for (int direction = 0; direction < (n.isBidirectional() ? 2 : 1); direction++) {
                    RelevanceLane lane = lanes[direction][b];
                    lane.ensure(length, n.hiddenSize(), n.cellKind().gates() * n.hiddenSize(), width);
                    lane.rx = rx;
                    lane.x = x;
                    if (k == layers - 1) {
                        startAtOutput(n, traces[b], targets[b], b, direction, lane);
                    }
                }
            }
            for (int direction = 0; direction < (n.isBidirectional() ? 2 : 1); direction++) {
                boolean reversed = direction == 1;
                DirectionWeights w = reversed ? n.layer(k).reverse() : n.layer(k).forward();
                for (int b = 0; b < count; b++) {
                    directions[b] = reversed ? traces[b].reverse(k) : traces[b].forward(k);
                    lanes[direction][b].absorbed = 0;
                }
                propagate(w, count, direction, reversed, k < layers - 1);
                for (int b = 0; b < count; b++) {
                    rest[b] += leftOnInitialState(lanes[direction][b], n.hiddenSize());
                }
            }
            if (k > 0) {
                for (int b = 0; b < count; b++) {
                    distribute(n, rows[b][k], length, b);
                }
            }
        }
    }

    private void propagate(DirectionWeights w, int count, int direction, boolean reversed, boolean fromEveryStep) {
        RelevanceLane[] group = lanes[direction];
        if (w.kind() == CellKind.GRU) {
            gru.propagate(w, directions, group, count, reversed);
        } else if (w.hiddenSize() == 1) {
            for (int b = 0; b < count; b++) {
                singleUnit.propagate(w, directions[b], group[b], reversed, fromEveryStep);
            }
        } else {
            lstm.propagate(w, directions, group, count, reversed);
        }
    }

    /** The lane's absorbed relevance plus what reached its direction's initial state. */
    private static double leftOnInitialState(RelevanceLane lane, int hidden) {
        double absorbed = lane.absorbed;
        for (int k = 0; k < hidden; k++) {
            absorbed += lane.rh[k] + lane.rc[k];
        }
        return absorbed;
    }

    /**
     * The output layer: relevance f_c(x) on f = fc.weight_c · h_T + fc.bias_c, the bias keeping its
     * share; keeps the coefficient f_c / (f_c + ε·sign f_c) and the stabiliser's share per unit of
     * lane b; returns the output layer's rest.
     */
    private double outputLayer(RecurrentNetwork n, NetworkTrace trace, int target, int b) {
        double eps = rules.eps();
        double biasFactor = rules.biasFactor();
        double out = trace.output(target);
        double sign = out >= 0 ? 1 : -1;
        double den = out + eps * sign;
        if (den == 0) {
            coefficient[b] = 0;
            perUnit[b] = 0;
            return out;
        }
        double c = out / den;
        coefficient[b] = c;
        perUnit[b] = biasFactor * eps * sign / n.features() * c;
        return (n.fcBias(target) + (1 - biasFactor) * eps * sign) * c;
    }

    /** R of the last layer's final state in one direction: h_k · w_ck · coefficient + the stabiliser's share; R_c = 0. */
    private void startAtOutput(RecurrentNetwork n, NetworkTrace trace, int target, int b, int direction,
                               RelevanceLane lane) {
        int hidden = n.hiddenSize();
        int length = trace.length();
        DirectionTrace tr = direction == 0 ? trace.forward() : trace.reverse();
        Arrays.fill(lane.rh, 0, length * hidden, 0.0);
        int last = length * hidden;
        for (int k = 0; k < hidden; k++) {
            lane.rh[last + k] = tr.h(length - 1, k) * n.fcWeight(target, direction * hidden + k) * coefficient[b]
                    + perUnit[b];
        }
    }

    /** Hands the relevance of layer k's input rows (T x F) to layer k − 1's directions, step by step. */
    private void distribute(RecurrentNetwork n, double[] rx, int length, int b) {
        int hidden = n.hiddenSize();
        int features = n.features();
        RelevanceLane forward = lanes[0][b];
        Arrays.fill(forward.rh, 0, hidden, 0.0);
        for (int t = 0; t < length; t++) {
            System.arraycopy(rx, t * features, forward.rh, (t + 1) * hidden, hidden);
        }
        if (n.isBidirectional()) {
            RelevanceLane reverse = lanes[1][b];
            Arrays.fill(reverse.rh, 0, hidden, 0.0);
            for (int t = 0; t < length; t++) {
                System.arraycopy(rx, t * features + hidden, reverse.rh, (length - t) * hidden, hidden);
            }
        }
    }

    private void ensure(RecurrentNetwork n, int count) {
        if (lanes[0].length < count) {
            RelevanceLane[][] grown = new RelevanceLane[2][count];
            for (int d = 0; d < 2; d++) {
                for (int b = 0; b < count; b++) {
                    grown[d][b] = b < lanes[d].length ? lanes[d][b] : new RelevanceLane();
                }
            }
            lanes = grown;
            directions = new DirectionTrace[count];
            coefficient = new double[count];
            perUnit = new double[count];
        }
        if (rows.length < count || (count > 0 && rows[0].length < n.layerCount())) {
            rows = new double[Math.max(count, rows.length)][n.layerCount()][0];
            inputs = new double[Math.max(count, inputs.length)][n.layerCount()][0];
        }
    }
}
