package dev.explainunit.model;

import static dev.explainunit.model.NumericAssertions.bits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NetworkBatch} against the one-input passes it must reproduce: every record of every lane
 * (pre-activations, gates, states, outputs) and every input gradient has the bits of
 * {@link RecurrentNetwork#forward} and {@link RecurrentNetwork#inputGradient} on that input alone,
 * since each lane's arithmetic is the one-input pass's, only interleaved with the other lanes'.
 */
class NetworkBatchTest {

    static List<NetworkShape> shapes() {
        int[][] sizes = {{1, 1}, {2, 1}, {5, 3}, {4, 9}, {3, 6}};
        List<NetworkShape> shapes = new ArrayList<>();
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= 3; layers++) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    int[] size = sizes[shapes.size() % sizes.length];
                    shapes.add(new NetworkShape(kind, layers, size[0], size[1], 3, bidirectional, true, true));
                }
            }
            shapes.add(new NetworkShape(kind, 1, 60, 60, 3, true, true, true));
            shapes.add(new NetworkShape(kind, 2, 7, 1, 3, true, true, true));
        }
        return shapes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void every_lane_records_the_bits_of_the_one_input_pass_and_gets_its_gradient(NetworkShape shape) {
        Random random = new Random(shape.seed());
        int dim = shape.inputs();
        RecurrentNetwork model = RandomNetworks.network(random, shape, 0.6);
        NetworkBatch batch = new NetworkBatch(model, 8);
        // lengths up and down so that the lanes' traces grow and are reused
        int[] lengths = shape.hidden() == 60 ? new int[] {1, 9, 4} : new int[] {1, 2, 9, 4, 17};
        for (int length : lengths) {
            for (int lanes : new int[] {1, 2, 3, 8}) {
                Sequence[] x = new Sequence[lanes + 1];
                for (int b = 0; b < x.length; b++) {
                    x[b] = RandomNetworks.sequence(random, length, dim);
                }
                int[] targets = new int[lanes];
                double[][] gradients = new double[lanes][];
                for (int b = 0; b < lanes; b++) {
                    targets[b] = random.nextInt(3);
                    gradients[b] = new double[length * dim + 3];
                }
                batch.forward(x, 1, lanes);
                String where = shape + " T=" + length + " lanes=" + lanes;
                assertThat(batch.lanes()).isEqualTo(lanes);
                for (int b = 0; b < lanes; b++) {
                    NetworkTrace alone = model.forward(x[1 + b], model.newTrace());
                    assertSameRecord(batch.trace(b), alone, where + " lane " + b);
                }
                batch.inputGradient(targets, gradients);
                for (int b = 0; b < lanes; b++) {
                    NetworkTrace alone = model.forward(x[1 + b], model.newTrace());
                    double[] expected = new double[length * dim + 3];
                    model.inputGradient(alone, targets[b], expected);
                    assertThat(bits(gradients[b], length * dim)).as(where + " lane " + b)
                            .isEqualTo(bits(expected, length * dim));
                }
                // the backward pass from a one-hot output gradient is the input gradient
                double[][] oneHot = new double[lanes][3];
                double[][] fromBackward = new double[lanes][length * dim];
                for (int b = 0; b < lanes; b++) {
                    oneHot[b][targets[b]] = 1;
                }
                batch.backward(oneHot, fromBackward, null);
                for (int b = 0; b < lanes; b++) {
                    assertThat(bits(fromBackward[b], length * dim)).as(where + " backward, lane " + b)
                            .isEqualTo(bits(gradients[b], length * dim));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void inputs_with_one_row_zeroed_resume_from_the_reference_and_give_the_outputs_of_the_full_pass(
            NetworkShape shape) {
        Random random = new Random(7L * shape.seed());
        RecurrentNetwork model = RandomNetworks.network(random, shape, 0.8);
        NetworkBatch batch = new NetworkBatch(model, 8);
        NetworkTrace reference = model.newTrace();
        for (int length : new int[] {1, 5, 11, 3}) {
            Sequence x = RandomNetworks.sequence(random, length, shape.inputs());
            model.forward(x, reference);
            int[] rows = new int[length];
            for (int t = 0; t < length; t++) {
                rows[t] = t;
            }
            for (int first = 0; first < length; first += 8) {
                int count = Math.min(8, length - first);
                batch.forwardWithRowZeroed(reference, rows, first, count);
                for (int b = 0; b < count; b++) {
                    double[] full = model.forward(x.withStepZeroed(first + b), model.newTrace()).outputs();
                    assertThat(bits(batch.trace(b).outputs(), full.length))
                            .as("%s T=%d row %d zeroed", shape, length, first + b).isEqualTo(bits(full, full.length));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void scaled_copies_of_one_input_run_as_those_inputs(NetworkShape shape) {
        Random random = new Random(13L * shape.seed());
        double[] scales = {0.25, 1.0 / 3, 0.5, 2.0 / 3, 0.75, 1, -1.5, 0, 3};
        int dim = shape.inputs();
        RecurrentNetwork model = RandomNetworks.network(random, shape, 0.6);
        NetworkBatch batch = new NetworkBatch(model, 8);
        for (int length : new int[] {1, 6, 13}) {
            Sequence input = RandomNetworks.sequence(random, length, dim);
            double[] x = new double[length * dim];
            input.copyTo(x);
            int lanes = 1 + random.nextInt(8);
            int from = random.nextInt(scales.length - lanes + 1);
            batch.forwardScaled(x, length, scales, from, lanes);
            int[] targets = random.ints(lanes, 0, 3).toArray();
            double[][] gradients = new double[lanes][length * dim];
            batch.inputGradient(targets, gradients);
            for (int b = 0; b < lanes; b++) {
                double[][] rows = new double[length][dim];
                for (int v = 0; v < x.length; v++) {
                    rows[v / dim][v % dim] = scales[from + b] * x[v];
                }
                NetworkTrace alone = model.forward(Sequence.of(rows), model.newTrace());
                String where = shape + " T=" + length + " lane " + b;
                assertSameRecord(batch.trace(b), alone, where);
                double[] expected = new double[length * dim];
                model.inputGradient(alone, targets[b], expected);
                assertThat(bits(gradients[b], expected.length)).as(where).isEqualTo(bits(expected, expected.length));
            }
        }
    }

    @Test
    void inputs_that_repeat_steps_get_the_bits_of_the_one_input_pass_with_projections_kept_or_forgotten() {
        Random random = new Random(12);
        for (CellKind kind : CellKind.values()) {
            for (int kept : new int[] {0, 1, 3, 50}) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    NetworkShape shape = new NetworkShape(kind, 1 + kept % 2, 6, 5, 3, bidirectional, true, true);
                    RecurrentNetwork model = RandomNetworks.network(random, shape, 0.6);
                    NetworkBatch batch = kept == 0 ? new NetworkBatch(model, 4) : new NetworkBatch(model, 4, kept);
                    // a vocabulary of 7 steps (one of them -0.0 where another has 0.0), so most steps repeat
                    double[][] words = new double[7][6];
                    for (int w = 0; w < words.length; w++) {
                        for (int d = 0; d < 6; d++) {
                            words[w][d] = 2 * random.nextDouble() - 1;
                        }
                    }
                    words[5][2] = 0.0;
                    words[6] = words[5].clone();
                    words[6][2] = -0.0;
                    for (int call = 0; call < 6; call++) {
                        int length = 1 + random.nextInt(9);
                        int lanes = 1 + random.nextInt(4);
                        Sequence[] x = new Sequence[lanes];
                        for (int b = 0; b < lanes; b++) {
                            double[][] steps = new double[length][];
                            for (int t = 0; t < length; t++) {
                                steps[t] = words[random.nextInt(words.length)].clone();
                            }
                            x[b] = Sequence.of(steps);
                        }
                        int[] targets = random.ints(lanes, 0, 3).toArray();
                        double[][] gradients = new double[lanes][length * 6];
                        batch.forward(x, 0, lanes);
                        for (int b = 0; b < lanes; b++) {
                            assertSameRecord(batch.trace(b), model.forward(x[b], model.newTrace()),
                                    shape + " kept=" + kept + " call " + call + " lane " + b);
                        }
                        batch.inputGradient(targets, gradients);
                        for (int b = 0; b < lanes; b++) {
                            double[] expected = new double[length * 6];
                            model.inputGradient(model.forward(x[b], model.newTrace()), targets[b], expected);
                            assertThat(bits(gradients[b], length * 6)).isEqualTo(bits(expected, length * 6));
                        }
                    }
                }
            }
        }
    }

    static void assertSameRecord(NetworkTrace actual, NetworkTrace expected, String where) {
        assertThat(actual.length()).isEqualTo(expected.length());
        assertThat(bits(actual.outputs(), actual.outputs().length)).as(where + " outputs")
                .isEqualTo(bits(expected.outputs(), expected.outputs().length));
        for (int k = 0; k < expected.layers(); k++) {
            assertSameDirection(actual.forward(k), expected.forward(k), where + " layer " + k + " forward");
            if (expected.reverse(k) != null) {
                assertSameDirection(actual.reverse(k), expected.reverse(k), where + " layer " + k + " reverse");
            }
        }
    }

    private static void assertSameDirection(DirectionTrace actual, DirectionTrace expected, String where) {
        int steps = expected.steps();
        int hidden = expected.hiddenSize();
        int rows = expected.kind().gates() * hidden;
        assertThat(actual.steps()).isEqualTo(steps);
        for (int s = 0; s < steps; s++) {
            for (int j = 0; j < rows; j++) {
                assertThat(Double.doubleToRawLongBits(actual.z(s, j))).as("%s z(%d, %d)", where, s, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected.z(s, j)));
                assertThat(Double.doubleToRawLongBits(actual.gate(s, j))).as("%s gate(%d, %d)", where, s, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected.gate(s, j)));
            }
            for (int k = 0; k < hidden; k++) {
                assertThat(Double.doubleToRawLongBits(actual.h(s, k))).as("%s h(%d, %d)", where, s, k)
                        .isEqualTo(Double.doubleToRawLongBits(expected.h(s, k)));
                if (expected.kind() == CellKind.LSTM) {
                    assertThat(Double.doubleToRawLongBits(actual.c(s, k))).as("%s c(%d, %d)", where, s, k)
                            .isEqualTo(Double.doubleToRawLongBits(expected.c(s, k)));
                    assertThat(Double.doubleToRawLongBits(actual.tanhC(s, k))).as("%s tanhC(%d, %d)", where, s, k)
                            .isEqualTo(Double.doubleToRawLongBits(expected.tanhC(s, k)));
                } else {
                    assertThat(Double.doubleToRawLongBits(actual.recurrentCandidate(s, k)))
                            .as("%s recurrentCandidate(%d, %d)", where, s, k)
                            .isEqualTo(Double.doubleToRawLongBits(expected.recurrentCandidate(s, k)));
                }
            }
        }
    }

    @Test
    void inputs_of_different_lengths_in_one_batch_are_refused_naming_both_lengths() {
        Random random = new Random(3);
        RecurrentNetwork model = RandomNetworks.lstm(random, 2, 3, 2, true, 0.5);
        Sequence[] x = {RandomNetworks.sequence(random, 4, 2), RandomNetworks.sequence(random, 5, 2)};

        assertThatThrownBy(() -> new NetworkBatch(model, 4).forward(x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the inputs of a batch must have one length; input 1 has 5 steps, input 0 4");
    }

    @Test
    void more_inputs_than_the_capacity_are_refused() {
        Random random = new Random(4);
        RecurrentNetwork model = RandomNetworks.lstm(random, 2, 3, 2, false, 0.5);
        Sequence[] x = {RandomNetworks.sequence(random, 4, 2), RandomNetworks.sequence(random, 4, 2)};

        assertThatThrownBy(() -> new NetworkBatch(model, 1).forward(x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch of 2 inputs; this one holds 1 to 1");
    }
}
