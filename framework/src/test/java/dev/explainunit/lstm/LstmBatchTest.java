package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.Sequence;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LstmBatch} against the one-input passes it must reproduce: every record of every lane
 * (pre-activations, gates, c, h, tanh c, outputs) and every input gradient has the bits of
 * {@link Lstm#forward} and {@link Lstm#inputGradient} on that input alone.
 */
class LstmBatchTest {

    private static final int[][] SHAPES = {{1, 1}, {2, 1}, {1, 3}, {5, 3}, {4, 60}, {60, 60}, {7, 5}, {3, 6}};

    @Test
    void every_lane_records_the_bits_of_the_one_input_pass_and_gets_its_gradient() {
        Random random = new Random(11);
        for (int[] shape : SHAPES) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                int dim = shape[0];
                int hidden = shape[1];
                Lstm model = RandomLstms.lstm(random, dim, hidden, 3, bidirectional, 0.6);
                LstmBatch batch = new LstmBatch(model, 8);
                // lengths up and down so that the lanes' traces grow and are reused
                for (int length : new int[] {1, 2, 9, 4, 17}) {
                    for (int lanes : new int[] {1, 2, 3, 8}) {
                        Sequence[] x = new Sequence[lanes + 1];
                        for (int b = 0; b < x.length; b++) {
                            x[b] = RandomLstms.sequence(random, length, dim);
                        }
                        int[] targets = new int[lanes];
                        double[][] gradients = new double[lanes][];
                        for (int b = 0; b < lanes; b++) {
                            targets[b] = random.nextInt(3);
                            gradients[b] = new double[length * dim + 3];
                        }
                        batch.forward(x, 1, lanes);
                        String where = "D=" + dim + " H=" + hidden + " bi=" + bidirectional + " T=" + length
                                + " lanes=" + lanes;
                        for (int b = 0; b < lanes; b++) {
                            LstmTrace alone = model.forward(x[1 + b], model.newTrace());
                            assertSameRecord(batch.trace(b), alone, where + " lane " + b);
                        }
                        batch.inputGradient(targets, gradients);
                        for (int b = 0; b < lanes; b++) {
                            LstmTrace alone = model.forward(x[1 + b], model.newTrace());
                            double[] expected = new double[length * dim + 3];
                            model.inputGradient(alone, targets[b], expected);
                            assertThat(bits(gradients[b], length * dim)).as(where + " lane " + b)
                                    .isEqualTo(bits(expected, length * dim));
                        }
                    }
                }
            }
        }
    }

    @Test
    void inputs_that_repeat_steps_get_the_bits_of_the_one_input_pass_with_projections_kept_or_forgotten() {
        Random random = new Random(12);
        for (int kept : new int[] {0, 1, 3, 50}) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                Lstm model = RandomLstms.lstm(random, 6, 5, 3, bidirectional, 0.6);
                LstmBatch batch = kept == 0 ? new LstmBatch(model, 4) : new LstmBatch(model, 4, kept);
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
                                "kept=" + kept + " call " + call + " lane " + b);
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

    @Test
    void scaled_copies_of_one_input_run_as_those_inputs_and_the_directions_gradients_add_up_to_the_gradient() {
        Random random = new Random(13);
        double[] scales = {0.25, 1.0 / 3, 0.5, 2.0 / 3, 0.75, 1, -1.5, 0, 3};
        for (int[] shape : SHAPES) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                int dim = shape[0];
                Lstm model = RandomLstms.lstm(random, dim, shape[1], 3, bidirectional, 0.6);
                LstmBatch batch = new LstmBatch(model, 8);
                for (int length : new int[] {1, 6, 13}) {
                    Sequence input = RandomLstms.sequence(random, length, dim);
                    double[] x = new double[length * dim];
                    input.copyTo(x);
                    int lanes = 1 + random.nextInt(8);
                    int from = random.nextInt(scales.length - lanes + 1);
                    batch.forwardScaled(x, length, scales, from, lanes);
                    int[] targets = random.ints(lanes, 0, 3).toArray();
                    double[][] forward = new double[lanes][length * dim];
                    double[][] reverse = new double[lanes][length * dim];
                    batch.inputGradientByDirection(targets, forward, reverse);
                    String where = "D=" + dim + " H=" + shape[1] + " bi=" + bidirectional + " T=" + length;
                    for (int b = 0; b < lanes; b++) {
                        double[][] rows = new double[length][dim];
                        for (int v = 0; v < x.length; v++) {
                            rows[v / dim][v % dim] = scales[from + b] * x[v];
                        }
                        LstmTrace alone = model.forward(Sequence.of(rows), model.newTrace());
                        assertSameRecord(batch.trace(b), alone, where + " lane " + b);
                        double[] expected = new double[length * dim];
                        model.inputGradient(alone, targets[b], expected);
                        double[] sum = new double[length * dim];
                        for (int v = 0; v < sum.length; v++) {
                            sum[v] = bidirectional ? forward[b][v] + reverse[b][v] : forward[b][v];
                        }
                        assertThat(bits(sum, sum.length)).as(where + " lane " + b).isEqualTo(bits(expected, sum.length));
                    }
                }
            }
        }
    }

    private static void assertSameRecord(LstmTrace actual, LstmTrace expected, String where) {
        assertThat(actual.length()).isEqualTo(expected.length());
        assertThat(bits(actual.outputs(), actual.outputs().length)).as(where + " outputs")
                .isEqualTo(bits(expected.outputs(), expected.outputs().length));
        assertSameDirection(actual.forward(), expected.forward(), where + " forward");
        if (expected.reverse() != null) {
            assertSameDirection(actual.reverse(), expected.reverse(), where + " reverse");
        }
    }

    private static void assertSameDirection(DirectionTrace actual, DirectionTrace expected, String where) {
        int steps = expected.steps();
        int hidden = expected.hiddenSize();
        assertThat(actual.steps()).isEqualTo(steps);
        for (int s = 0; s < steps; s++) {
            for (int j = 0; j < 4 * hidden; j++) {
                assertThat(Double.doubleToRawLongBits(actual.z(s, j))).as("%s z(%d, %d)", where, s, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected.z(s, j)));
                assertThat(Double.doubleToRawLongBits(actual.gate(s, j))).as("%s gate(%d, %d)", where, s, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected.gate(s, j)));
            }
            for (int k = 0; k < hidden; k++) {
                assertThat(Double.doubleToRawLongBits(actual.c(s, k))).as("%s c(%d, %d)", where, s, k)
                        .isEqualTo(Double.doubleToRawLongBits(expected.c(s, k)));
                assertThat(Double.doubleToRawLongBits(actual.h(s, k))).as("%s h(%d, %d)", where, s, k)
                        .isEqualTo(Double.doubleToRawLongBits(expected.h(s, k)));
                assertThat(Double.doubleToRawLongBits(actual.tanhC(s, k))).as("%s tanhC(%d, %d)", where, s, k)
                        .isEqualTo(Double.doubleToRawLongBits(expected.tanhC(s, k)));
            }
        }
    }

    @Test
    void inputs_of_different_lengths_in_one_batch_are_refused_naming_both_lengths() {
        Random random = new Random(3);
        Lstm model = RandomLstms.lstm(random, 2, 3, 2, true, 0.5);
        Sequence[] x = {RandomLstms.sequence(random, 4, 2), RandomLstms.sequence(random, 5, 2)};

        assertThatThrownBy(() -> new LstmBatch(model, 4).forward(x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the inputs of a batch must have one length; input 1 has 5 steps, input 0 4");
    }

    @Test
    void more_inputs_than_the_capacity_are_refused() {
        Random random = new Random(4);
        Lstm model = RandomLstms.lstm(random, 2, 3, 2, false, 0.5);
        Sequence[] x = {RandomLstms.sequence(random, 4, 2), RandomLstms.sequence(random, 4, 2)};

        assertThatThrownBy(() -> new LstmBatch(model, 1).forward(x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch of 2 inputs; this one holds 1 to 1");
    }

    private static long[] bits(double[] values, int n) {
        long[] bits = new long[n];
        for (int k = 0; k < n; k++) {
            bits[k] = Double.doubleToRawLongBits(values[k]);
        }
        return bits;
    }
}
