package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RandomNetworks;
import dev.explainunit.model.RecurrentLayer;
import dev.explainunit.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LrpExplainerTest {

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Every cell kind, 1 to 3 layers, uni- and bidirectional, two sizes each (H = 1 among them). */
    static List<NetworkShape> conservationShapes() {
        List<NetworkShape> shapes = new ArrayList<>();
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= 3; layers++) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    shapes.add(new NetworkShape(kind, layers, 2, 1, 1, bidirectional, true, layers != 2));
                    shapes.add(new NetworkShape(kind, layers, 3, 4, 2, bidirectional, true, layers != 1));
                }
            }
        }
        return shapes;
    }

    /**
     * Σ R + rest = f_c(x) for every rule, ε ∈ {0, 0.001, 0.2} and bias factor ∈ {0, 1}: the rest is
     * what biases and stabilisers keep plus what reaches the initial states of every layer and
     * direction. Up to rounding relative to the magnitudes involved: PROP with a small ε can divide
     * by nearly 0 (z_g ≈ −z_s) and produce relevances of 1e10 and more, whose sum then cancels.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("conservationShapes")
    void every_rule_conserves_the_output_counting_the_rest(NetworkShape shape) {
        RecurrentNetwork model = TestModels.random(shape, shape.seed());
        for (LrpRule rule : LrpRule.values()) {
            for (double eps : new double[] {0, 0.001, 0.2}) {
                for (double biasFactor : new double[] {0, 1}) {
                    LrpExplainer explainer = new LrpExplainer(rule, eps, biasFactor);
                    for (int length : new int[] {1, 3, 8}) {
                        Sequence x = TestModels.sequence(length, shape.inputs(), 11L * length + shape.seed());
                        for (int target = 0; target < shape.outputs(); target++) {
                            Relevance r = explainer.explain(model, x, target);
                            double f = model.predict(x)[target];
                            assertThat(r.rest()).isPresent();
                            double rest = r.rest().getAsDouble();
                            double magnitude = Math.abs(f) + Math.abs(rest);
                            for (double[] row : r.toPerInputArray()) {
                                for (double v : row) {
                                    magnitude += Math.abs(v);
                                }
                            }
                            assertThat(r.sum() + rest)
                                    .as("%s %s eps=%s bias-factor=%s T=%d c=%d", shape, rule, eps, biasFactor, length,
                                            target)
                                    .isCloseTo(f, within(1e-12 * Math.max(1, magnitude)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void the_rest_also_closes_the_balance_when_biases_and_stabilisers_keep_their_share() {
        for (LrpRule rule : LrpRule.values()) {
            LrpExplainer explainer = new LrpExplainer(rule, rule == LrpRule.PROP ? 0.2 : 0.01, 0.0);
            for (int m = 0; m < TestModels.SHAPES.length; m++) {
                NetworkShape shape = TestModels.SHAPES[m];
                RecurrentNetwork model = TestModels.random(shape, 500 + m);
                Sequence x = TestModels.sequence(9, shape.inputs(), m);
                Relevance r = explainer.explain(model, x, 0);
                assertThat(r.sum() + r.rest().getAsDouble()).as("%s %s", rule, shape)
                        .isCloseTo(model.predict(x)[0], within(1e-9));
            }
        }
    }

    @Test
    void without_biases_and_stabiliser_every_rule_puts_the_whole_output_on_the_inputs() {
        // the initial states are 0 and take no relevance, nothing is absorbed, so Σ_t R_t = f_c(x) on its own
        for (LrpRule rule : LrpRule.values()) {
            LrpExplainer explainer = new LrpExplainer(rule, 0.0, 0.0);
            for (int m = 0; m < TestModels.SHAPES.length; m++) {
                NetworkShape shape = TestModels.SHAPES[m];
                RecurrentNetwork model = TestModels.random(shape, 600 + m, 1.0, false);
                Sequence x = TestModels.sequence(7, shape.inputs(), 40 + m);
                Relevance r = explainer.explain(model, x, shape.outputs() - 1);
                // PROP with ε = 0 may divide by nearly 0 and pass relevances of 1e14 that cancel
                double magnitude = 0;
                for (int t = 0; t < x.length(); t++) {
                    magnitude += Math.abs(r.step(t));
                }
                assertThat(r.sum()).as("%s %s", rule, shape)
                        .isCloseTo(model.predict(x)[shape.outputs() - 1], within(1e-12 * Math.max(1, magnitude)));
                assertThat(r.rest().getAsDouble()).as("%s %s", rule, shape).isCloseTo(0, within(1e-12));
            }
        }
    }

    /**
     * A GRU without b_hn has s = W_hn h + b_hn = 0 at its first step (h_0 = 0): with ε = 0 the
     * ε-rule of s divides by exactly 0. The 0/0 share is 0 and a nonzero share is kept, never NaN,
     * and the balance still closes.
     */
    @Test
    void a_gru_without_recurrent_bias_at_eps_zero_gives_finite_relevance_where_s_is_zero() {
        Random random = new Random(77);
        for (boolean inputBias : new boolean[] {false, true}) {
            for (int layers = 1; layers <= 2; layers++) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    List<RecurrentLayer> list = new ArrayList<>();
                    for (int k = 0; k < layers; k++) {
                        int inputs = k == 0 ? 2 : (bidirectional ? 6 : 3);
                        list.add(new RecurrentLayer(gruWithoutRecurrentBias(random, inputs, inputBias),
                                bidirectional ? gruWithoutRecurrentBias(random, inputs, inputBias) : null));
                    }
                    RecurrentNetwork model = new RecurrentNetwork(list,
                            RandomNetworks.matrix(random, 2, bidirectional ? 6 : 3, 1), null);
                    Sequence x = TestModels.sequence(5, 2, layers);
                    NetworkTrace trace = model.forward(x, model.newTrace());
                    assertThat(trace.forward(0).recurrentCandidate(0, 0)).isZero();
                    for (LrpRule rule : LrpRule.values()) {
                        for (double biasFactor : new double[] {0, 1}) {
                            for (int target = 0; target < 2; target++) {
                                Relevance r = new LrpExplainer(rule, 0, biasFactor).explain(model, x, target);
                                String where = rule + " bias-factor=" + biasFactor + " b_ih=" + inputBias + " L="
                                        + layers + " bi=" + bidirectional;
                                for (double[] row : r.toPerInputArray()) {
                                    assertThat(row).as(where).doesNotContain(Double.NaN);
                                    for (double v : row) {
                                        assertThat(v).as(where).isFinite();
                                    }
                                }
                                assertThat(r.rest().getAsDouble()).as(where).isFinite();
                                assertThat(r.sum() + r.rest().getAsDouble()).as(where)
                                        .isCloseTo(model.predict(x)[target], within(1e-9));
                            }
                        }
                    }
                }
            }
        }
    }

    /** A GRU direction (H = 3) without b_hh, with or without b_ih. */
    private static DirectionWeights gruWithoutRecurrentBias(Random random, int inputs, boolean inputBias) {
        return DirectionWeights.gru(RandomNetworks.matrix(random, 9, inputs, 1), RandomNetworks.matrix(random, 9, 3, 1),
                inputBias ? RandomNetworks.matrix(random, 9, 1, 1) : null, null);
    }

    @Test
    void the_rest_holds_the_output_bias_when_everything_else_is_redistributed() {
        NetworkShape shape = NetworkShape.lstm(2, 2, 1, false);
        RecurrentNetwork withBias = TestModels.random(shape, 7);
        DMatrixRMaj fcBias = withBias.fcBias();
        RecurrentNetwork noInnerBias = RecurrentNetwork.singleLayer(strip(withBias.layer(0).forward()), null, withBias.fcWeight(), fcBias);
        Sequence x = TestModels.sequence(5, 2, 9);
        Relevance r = new LrpExplainer(LrpRule.ALL, 0.0, 1.0).explain(noInnerBias, x, 0);
        assertThat(r.rest().getAsDouble()).isCloseTo(fcBias.get(0), within(1e-12));
        assertThat(r.sum()).isCloseTo(noInnerBias.predict(x)[0] - fcBias.get(0), within(1e-12));
    }

    private static DirectionWeights strip(DirectionWeights w) {
        return DirectionWeights.lstm(w.weightIh(), w.weightHh(), null, null);
    }

    /**
     * T = 1, D = 1, H = 1, ε = 0, bias factor 0: c = i·g (c_0 = 0), h = o·tanh(c), f = w·h. Gate j's
     * relevance R_j reaches x through its pre-activation z_j = a_j·x + b_j as a_j·x / z_j · R_j.
     */
    private static final double X = 0.8;
    private static final double[] A = {0.9, -0.4, 1.3, 0.6};   // input weights of i, f, g, o
    private static final double[] B = {0.2, 0.1, -1.5, 0.5};   // biases of i, f, g, o
    private static final double W = 1.7;

    private static RecurrentNetwork oneStepModel() {
        DMatrixRMaj weightIh = new DMatrixRMaj(new double[][] {{A[0]}, {A[1]}, {A[2]}, {A[3]}});
        DMatrixRMaj weightHh = new DMatrixRMaj(new double[][] {{0.5}, {-0.5}, {0.25}, {0.75}});
        DMatrixRMaj bias = new DMatrixRMaj(new double[][] {{B[0]}, {B[1]}, {B[2]}, {B[3]}});
        return RecurrentNetwork.singleLayer(DirectionWeights.lstm(weightIh, weightHh, bias, null), null, new DMatrixRMaj(new double[][] {{W}}), null);
    }

    private static double share(int gate) {
        return A[gate] * X / (A[gate] * X + B[gate]);
    }

    private static double explainOneStep(LrpRule rule) {
        Relevance r = new LrpExplainer(rule, 0.0, 0.0).explain(oneStepModel(), Sequence.of(new double[][] {{X}}), 0);
        return r.step(0);
    }

    private static double[] oneStepForward() {
        double i = sigmoid(A[0] * X + B[0]);
        double g = Math.tanh(A[2] * X + B[2]);
        double o = sigmoid(A[3] * X + B[3]);
        double tanhC = Math.tanh(i * g);
        return new double[] {i, g, o, tanhC, W * o * tanhC};
    }

    @Test
    void lrp_all_on_one_step_sends_everything_through_g() {
        double[] v = oneStepForward();
        double out = v[4];
        assertThat(explainOneStep(LrpRule.ALL)).isCloseTo(share(2) * out, within(1e-12));
    }

    @Test
    void lrp_half_on_one_step_gives_o_half_and_i_and_g_a_quarter() {
        double out = oneStepForward()[4];
        double expected = share(3) * out / 2 + share(0) * out / 4 + share(2) * out / 4;
        assertThat(explainOneStep(LrpRule.HALF)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void lrp_prop_on_one_step_splits_in_proportion_to_the_factors() {
        double[] v = oneStepForward();
        double i = v[0], g = v[1], o = v[2], tanhC = v[3], out = v[4];
        double toO = o / (o + tanhC) * out;
        double toCell = tanhC / (o + tanhC) * out;
        double toI = i / (i + g) * toCell;
        double toG = g / (i + g) * toCell;
        double expected = share(3) * toO + share(0) * toI + share(2) * toG;
        assertThat(explainOneStep(LrpRule.PROP)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void lrp_abs_on_one_step_splits_in_proportion_to_the_absolute_factors() {
        double[] v = oneStepForward();
        double i = v[0], g = v[1], o = v[2], tanhC = v[3], out = v[4];
        assertThat(g).as("the case is only telling when g < 0").isNegative();
        double toO = Math.abs(o) / (Math.abs(o) + Math.abs(tanhC)) * out;
        double toCell = Math.abs(tanhC) / (Math.abs(o) + Math.abs(tanhC)) * out;
        double toI = Math.abs(i) / (Math.abs(i) + Math.abs(g)) * toCell;
        double toG = Math.abs(g) / (Math.abs(i) + Math.abs(g)) * toCell;
        double expected = share(3) * toO + share(0) * toI + share(2) * toG;
        assertThat(explainOneStep(LrpRule.ABS)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void lrp_all_gives_the_operands_their_values_on_the_hand_set_addition_model() {
        RecurrentNetwork model = TestModels.handSetAddition();
        double na = 0.83;
        double nb = -0.61;
        Sequence x = Sequence.of(new double[][] {{0, -0.7}, {0, 0.9}, {na, 0}, {0, 0.55}, {0, -0.95}, {nb, 0}, {0, 0.6}});
        Relevance r = new LrpExplainer(LrpRule.ALL, 0.0, 0.0).explain(model, x, 0);
        assertThat(r.step(2)).isCloseTo(na, within(1e-3));
        assertThat(r.step(5)).isCloseTo(nb, within(1e-3));
        for (int t : new int[] {0, 1, 3, 4, 6}) {
            assertThat(r.step(t)).as("distractor %d", t).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void lrp_returns_relevance_per_input_dimension_that_sums_to_the_step() {
        NetworkShape shape = TestModels.SHAPES[3];
        RecurrentNetwork model = TestModels.random(shape, 77);
        Sequence x = TestModels.sequence(6, shape.inputs(), 78);
        for (LrpRule rule : LrpRule.values()) {
            Relevance r = new LrpExplainer(rule, 0.001, 0.0).explain(model, x, 0);
            assertThat(r.hasPerInput()).isTrue();
            for (int t = 0; t < x.length(); t++) {
                double sum = 0;
                for (int d = 0; d < shape.inputs(); d++) {
                    sum += r.input(t, d);
                }
                assertThat(r.step(t)).isCloseTo(sum, within(1e-12));
            }
        }
    }

    @Test
    void lrp_refuses_a_black_box_model_and_bad_settings() {
        RecurrentNetwork model = TestModels.random(TestModels.SHAPES[0], 1);
        Sequence x = TestModels.sequence(3, 2, 1);
        assertThatThrownBy(() -> new LrpExplainer(LrpRule.ALL, 0, 0).explain(TestModels.blackBox(model), x, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lrp-all").hasMessageContaining("RecurrentNetwork");
        assertThatThrownBy(() -> new LrpExplainer(LrpRule.PROP, -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eps");
        assertThatThrownBy(() -> new LrpExplainer(LrpRule.PROP, 0.1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bias-factor");
    }
}
