package dev.explainunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ForwardTest {

    @Test
    void one_lstm_step_matches_the_recurrence_worked_by_hand() {
        // D = 1, H = 1, gate rows i, f, g, o; h_0 = c_0 = 0, so W_hh and f do not matter at T = 1.
        DirectionWeights w = DirectionWeights.lstm(column(0.5, -1.0, 2.0, 1.5), column(0.3, 0.3, 0.3, 0.3),
                column(0.1, 0.0, -0.5, 0.0), column(0.0, 0.2, 0.0, 0.5));
        RecurrentNetwork model = RecurrentNetwork.singleLayer(w, null, new DMatrixRMaj(new double[][] {{2.0}}),
                column(0.25));
        double x = 0.8;
        // z = W_ih x + b_ih + b_hh: i 0.5, f -0.6, g 1.1, o 1.7
        double i = sigmoid(0.5);
        double g = Math.tanh(1.1);
        double o = sigmoid(1.7);
        double c = i * g;
        double expected = 2.0 * o * Math.tanh(c) + 0.25;

        NetworkTrace trace = model.forward(Sequence.of(new double[][] {{x}}), model.newTrace());

        assertThat(trace.forward().z(0, 0)).isCloseTo(0.5, within(1e-15));
        assertThat(trace.forward().z(0, 1)).isCloseTo(-0.6, within(1e-15));
        assertThat(trace.forward().z(0, 2)).isCloseTo(1.1, within(1e-15));
        assertThat(trace.forward().z(0, 3)).isCloseTo(1.7, within(1e-15));
        assertThat(trace.forward().c(0, 0)).isCloseTo(c, within(1e-15));
        assertThat(trace.forward().c(-1, 0)).isZero();
        assertThat(trace.output(0)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void two_lstm_steps_carry_cell_and_hidden_state_through_the_forget_gate_and_recurrent_weights() {
        DirectionWeights w = DirectionWeights.lstm(column(1, 1, 1, 1), column(0.5, -0.5, 0.25, 1), null, null);
        RecurrentNetwork model = RecurrentNetwork.singleLayer(w, null, new DMatrixRMaj(new double[][] {{1.0}}), null);
        double x1 = 0.4;
        double x2 = -0.3;
        double c1 = sigmoid(x1) * Math.tanh(x1);
        double h1 = sigmoid(x1) * Math.tanh(c1);
        double i2 = sigmoid(x2 + 0.5 * h1);
        double f2 = sigmoid(x2 - 0.5 * h1);
        double g2 = Math.tanh(x2 + 0.25 * h1);
        double o2 = sigmoid(x2 + h1);
        double c2 = f2 * c1 + i2 * g2;

        assertThat(model.predict(Sequence.of(new double[][] {{x1}, {x2}}))[0])
                .isCloseTo(o2 * Math.tanh(c2), within(1e-15));
    }

    @Test
    void two_gru_steps_apply_the_reset_gate_to_the_recurrent_part_of_the_candidate_only() {
        // D = 1, H = 1, rows r, z, n; W_ih = 1 in every row, W_hh = (0.5, -0.5, 2), b_ih = (0, 0, 0.1), b_hh = (0, 0, 0.3)
        DirectionWeights w = DirectionWeights.gru(column(1, 1, 1), column(0.5, -0.5, 2), column(0, 0, 0.1),
                column(0, 0, 0.3));
        RecurrentNetwork model = RecurrentNetwork.singleLayer(w, null, new DMatrixRMaj(new double[][] {{1.0}}), null);
        double x1 = 0.4;
        double x2 = -0.3;
        // step 1, h_0 = 0: r ⊙ (W_hn·0 + b_hn) = r·0.3
        double r1 = sigmoid(x1);
        double z1 = sigmoid(x1);
        double n1 = Math.tanh(x1 + 0.1 + r1 * 0.3);
        double h1 = (1 - z1) * n1;
        double r2 = sigmoid(x2 + 0.5 * h1);
        double z2 = sigmoid(x2 - 0.5 * h1);
        double n2 = Math.tanh(x2 + 0.1 + r2 * (2 * h1 + 0.3));
        double h2 = (1 - z2) * n2 + z2 * h1;

        NetworkTrace trace = model.forward(Sequence.of(new double[][] {{x1}, {x2}}), model.newTrace());

        assertThat(trace.output(0)).isCloseTo(h2, within(1e-15));
        DirectionTrace d = trace.forward();
        assertThat(d.kind()).isEqualTo(CellKind.GRU);
        assertThat(d.z(1, DirectionWeights.GATE_R)).isCloseTo(x2 + 0.5 * h1, within(1e-15));
        assertThat(d.z(1, DirectionWeights.GATE_N)).isCloseTo(x2 + 0.1 + r2 * (2 * h1 + 0.3), within(1e-15));
        assertThat(d.gate(1, DirectionWeights.GATE_N)).isCloseTo(n2, within(1e-15));
        assertThat(d.recurrentCandidate(0, 0)).isCloseTo(0.3, within(1e-15));
        assertThat(d.recurrentCandidate(1, 0)).isCloseTo(2 * h1 + 0.3, within(1e-15));
        assertThat(d.h(0, 0)).isCloseTo(h1, within(1e-15));
        assertThat(d.h(-1, 0)).isZero();
    }

    static List<NetworkShape> shapes() {
        return NetworkShape.variety(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void outputs_and_every_layers_output_sequence_equal_an_independent_implementation(NetworkShape shape) {
        Random random = new Random(shape.seed());
        for (int trial = 0; trial < 6; trial++) {
            RecurrentNetwork model = RandomNetworks.network(random, shape, 1.5);
            Sequence x = RandomNetworks.sequence(random, 1 + random.nextInt(15), shape.inputs());
            ReferenceNetwork.Pass expected = ReferenceNetwork.run(model, x);
            NetworkTrace trace = model.forward(x, model.newTrace());

            assertThat(model.predict(x)).containsExactly(expected.outputs(), within(1e-12));
            assertThat(trace.outputs()).containsExactly(expected.outputs(), within(1e-12));
            for (int k = 0; k < shape.layers(); k++) {
                NumericAssertions.assertClose(layerOutput(trace, k), expected.layerOutputs()[k], 1e-12,
                        "layer " + k + "'s output, trial " + trial);
            }
        }
    }

    /** A layer's output sequence as the trace records it, [t][F], from the directions' states. */
    static double[][] layerOutput(NetworkTrace trace, int layer) {
        int length = trace.length();
        DirectionTrace forward = trace.forward(layer);
        DirectionTrace reverse = trace.reverse(layer);
        int hidden = forward.hiddenSize();
        double[][] rows = new double[length][reverse == null ? hidden : 2 * hidden];
        for (int t = 0; t < length; t++) {
            for (int k = 0; k < hidden; k++) {
                rows[t][k] = forward.h(t, k);
                if (reverse != null) {
                    rows[t][hidden + k] = reverse.h(length - 1 - t, k);
                }
            }
        }
        return rows;
    }

    @Test
    void a_layer_above_the_first_reads_the_output_sequence_of_the_layer_below() {
        Random random = new Random(5);
        for (CellKind kind : CellKind.values()) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                NetworkShape shape = new NetworkShape(kind, 3, 2, 3, 2, bidirectional, true, true);
                RecurrentNetwork model = RandomNetworks.network(random, shape, 1);
                Sequence x = RandomNetworks.sequence(random, 6, 2);
                NetworkTrace trace = model.forward(x, model.newTrace());
                for (int k = 1; k < 3; k++) {
                    double[][] below = layerOutput(trace, k - 1);
                    assertThat(trace.layerInputWidth(k)).isEqualTo(shape.features());
                    for (int t = 0; t < 6; t++) {
                        for (int f = 0; f < shape.features(); f++) {
                            assertThat(trace.layerInput(k, t, f)).isEqualTo(below[t][f]);
                        }
                    }
                    // layer k alone, as a one-layer network over layer k − 1's output, gives layer k's states
                    RecurrentNetwork alone = new RecurrentNetwork(List.of(model.layer(k)),
                            RandomNetworks.matrix(random, 1, shape.features(), 1), null);
                    NetworkTrace aloneTrace = alone.forward(Sequence.of(below), alone.newTrace());
                    assertThat(layerOutput(aloneTrace, 0)).isDeepEqualTo(layerOutput(trace, k));
                }
                assertThat(trace.layerInputWidth(0)).isEqualTo(2);
                assertThat(trace.layerInput(0, 3, 1)).isEqualTo(x.get(3, 1));
            }
        }
    }

    @Test
    void bidirectional_output_concatenates_forward_state_and_reverse_state_after_reading_backwards() {
        Random random = new Random(42);
        for (CellKind kind : CellKind.values()) {
            DirectionWeights forward = RandomNetworks.direction(random, kind, 2, 3, 1, true);
            DirectionWeights reverse = RandomNetworks.direction(random, kind, 2, 3, 1, true);
            DMatrixRMaj fc = RandomNetworks.matrix(random, 1, 6, 1);
            RecurrentNetwork bi = RecurrentNetwork.singleLayer(forward, reverse, fc, null);
            Sequence x = RandomNetworks.sequence(random, 5, 2);
            double[][] steps = x.toArray();
            double[][] reversedSteps = new double[5][];
            for (int t = 0; t < 5; t++) {
                reversedSteps[t] = steps[4 - t];
            }
            // Each half of the output layer alone, as a unidirectional model.
            RecurrentNetwork forwardOnly = RecurrentNetwork.singleLayer(forward, null, slice(fc, 0, 3), null);
            RecurrentNetwork reverseOnReversedInput = RecurrentNetwork.singleLayer(reverse, null, slice(fc, 3, 6), null);

            double expected = forwardOnly.predict(x)[0] + reverseOnReversedInput.predict(Sequence.of(reversedSteps))[0];

            assertThat(bi.predict(x)[0]).as("%s", kind).isCloseTo(expected, within(1e-14));
        }
    }

    @Test
    void reverse_trace_step_zero_reads_the_last_input() {
        Random random = new Random(8);
        for (CellKind kind : CellKind.values()) {
            DirectionWeights reverse = RandomNetworks.direction(random, kind, 2, 2, 1, true);
            RecurrentNetwork bi = RecurrentNetwork.singleLayer(RandomNetworks.direction(random, kind, 2, 2, 1, true),
                    reverse, RandomNetworks.matrix(random, 1, 4, 1), null);
            Sequence x = RandomNetworks.sequence(random, 4, 2);
            NetworkTrace trace = bi.forward(x, bi.newTrace());
            double[] h = ReferenceNetwork.states(reverse, new double[][] {x.toArray()[3]}, false)[0];

            assertThat(trace.reverse().h(0, 0)).isCloseTo(h[0], within(1e-15));
            assertThat(trace.reverse().h(0, 1)).isCloseTo(h[1], within(1e-15));
        }
    }

    @Test
    void a_trace_of_another_shape_of_model_is_refused() {
        Random random = new Random(9);
        RecurrentNetwork lstm = RandomNetworks.network(random, NetworkShape.lstm(2, 3, 1, false), 1);
        RecurrentNetwork gru = RandomNetworks.network(random, new NetworkShape(CellKind.GRU, 1, 2, 3, 1, false, true,
                true), 1);
        RecurrentNetwork twoLayers = RandomNetworks.network(random, NetworkShape.lstm(2, 3, 1, false).withLayers(2), 1);
        Sequence x = RandomNetworks.sequence(random, 3, 2);
        for (RecurrentNetwork other : List.of(gru, twoLayers)) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> lstm.forward(x, other.newTrace()))
                    .withMessageContaining("newTrace()");
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static DMatrixRMaj column(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }

    private static DMatrixRMaj slice(DMatrixRMaj m, int from, int to) {
        DMatrixRMaj s = new DMatrixRMaj(m.numRows, to - from);
        for (int r = 0; r < m.numRows; r++) {
            for (int k = from; k < to; k++) {
                s.set(r, k - from, m.get(r, k));
            }
        }
        return s;
    }
}
