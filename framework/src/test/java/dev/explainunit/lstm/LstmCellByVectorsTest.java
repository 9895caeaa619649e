package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The passes over a recorded trace, which sum their matrix products as scaled columns and rows of
 * the weights (vectorised), give the one-step methods' row sums bit for bit: the chain of
 * {@link LstmCell#forward}, the backward pass of {@link LstmCell#inputGradient}, the shared-input
 * steps of {@link LstmCell#forwardStepsReadingRecordedInput} and the direction's row kernels. The
 * sizes straddle the vector widths (2, 4 and 8 doubles), so the loops' tails are covered.
 */
class LstmCellByVectorsTest {

    private static final int[] HIDDEN = {2, 3, 5, 9, 16};
    private static final int[] INPUTS = {1, 3, 4, 8, 13};

    @Test
    void a_recorded_chain_and_its_input_gradient_give_the_one_step_row_sums_bit_for_bit() {
        Random random = new Random(31);
        for (int trial = 0; trial < 25; trial++) {
            int hidden = HIDDEN[trial % HIDDEN.length];
            int inputs = INPUTS[trial / HIDDEN.length];
            int rows = 4 * hidden;
            int length = 1 + random.nextInt(12);
            boolean reversed = trial % 2 == 1;
            LstmDirection w = RandomLstms.direction(random, inputs, hidden, trial % 3 == 0 ? 3.0 : 1.0);
            double[] x = gaussian(random, length * inputs);
            DirectionTrace trace = new DirectionTrace(hidden);
            LstmCell.forward(w, x, length, reversed, trace);

            double[] h = new double[(length + 1) * hidden];
            double[] c = new double[(length + 1) * hidden];
            double[] z = new double[length * rows];
            double[] gate = new double[length * rows];
            double[] tanhC = new double[length * hidden];
            for (int s = 0; s < length; s++) {
                int t = reversed ? length - 1 - s : s;
                LstmCell.forwardStep(hidden, inputs, w.weightIh, 0, w.weightHh, 0, w.bias, 0, x, t * inputs, h, c,
                        s * hidden, (s + 1) * hidden, z, gate, s * rows, tanhC, s * hidden);
            }
            for (int s = 0; s < length; s++) {
                for (int j = 0; j < rows; j++) {
                    assertThat(trace.z(s, j)).isEqualTo(z[s * rows + j]);
                    assertThat(trace.gate(s, j)).isEqualTo(gate[s * rows + j]);
                }
                for (int k = 0; k < hidden; k++) {
                    assertThat(trace.h(s, k)).isEqualTo(h[(s + 1) * hidden + k]);
                    assertThat(trace.c(s, k)).isEqualTo(c[(s + 1) * hidden + k]);
                    assertThat(trace.tanhC(s, k)).isEqualTo(tanhC[s * hidden + k]);
                }
            }

            double[] dhLast = gaussian(random, hidden + 2);
            double[] dx = gaussian(random, length * inputs);
            double[] dxOne = dx.clone();
            LstmCell.inputGradient(w, trace, dhLast, 2, reversed, dx);
            double[] dh = new double[hidden];
            double[] dc = new double[hidden];
            double[] dz = new double[rows];
            System.arraycopy(dhLast, 2, dh, 0, hidden);
            for (int s = length - 1; s >= 0; s--) {
                int t = reversed ? length - 1 - s : s;
                LstmCell.backwardStep(hidden, inputs, w.weightIh, 0, w.weightHh, 0, gate, s * rows, tanhC, s * hidden,
                        c, s * hidden, dh, 0, dc, 0, dz, 0, dxOne, t * inputs);
            }
            assertThat(dx).containsExactly(dxOne);
        }
    }

    @Test
    void steps_reading_the_recorded_input_give_the_steps_that_sum_it_bit_for_bit() {
        Random random = new Random(37);
        for (int trial = 0; trial < 25; trial++) {
            int hidden = HIDDEN[trial % HIDDEN.length];
            int inputs = INPUTS[trial / HIDDEN.length];
            int length = 2 + random.nextInt(8);
            int step = random.nextInt(length);
            int count = 1 + random.nextInt(5);
            boolean reversed = trial % 2 == 0;
            LstmDirection w = RandomLstms.direction(random, inputs, hidden, 2.0);
            double[] x = gaussian(random, length * inputs);
            DirectionTrace recorded = new DirectionTrace(hidden);
            LstmCell.forward(w, x, length, reversed, recorded);
            int t = reversed ? length - 1 - step : step;
            int bank = count * hidden;
            double[] h = new double[2 * bank];
            double[] c = new double[2 * bank];
            System.arraycopy(gaussian(random, bank), 0, h, 0, bank);
            System.arraycopy(gaussian(random, bank), 0, c, 0, bank);
            for (boolean zeroInput : new boolean[] {false, true}) {
                double[] hShared = h.clone();
                double[] cShared = c.clone();
                double[] gateShared = new double[4 * bank];
                double[] tanhShared = new double[bank];
                LstmCell.forwardStepsReadingRecordedInput(w, count, recorded, zeroInput ? -1 : step, hShared, cShared,
                        0, bank, gateShared, 0, tanhShared, 0);
                double[] hSummed = h.clone();
                double[] cSummed = c.clone();
                double[] gateSummed = new double[4 * bank];
                double[] tanhSummed = new double[bank];
                for (int v = 0; v < count; v++) {
                    LstmCell.forwardStep(hidden, inputs, w.weightIh, 0, w.weightHh, 0, w.bias, 0, zeroInput ? null : x,
                            t * inputs, hSummed, cSummed, v * hidden, bank + v * hidden, null, gateSummed,
                            v * 4 * hidden, tanhSummed, v * hidden);
                }
                assertThat(hShared).containsExactly(hSummed);
                assertThat(cShared).containsExactly(cSummed);
                assertThat(gateShared).containsExactly(gateSummed);
                assertThat(tanhShared).containsExactly(tanhSummed);
            }
        }
    }

    @Test
    void the_row_kernels_give_the_plain_weighted_sums_of_each_row_bit_for_bit() {
        Random random = new Random(41);
        for (int trial = 0; trial < 25; trial++) {
            int hidden = HIDDEN[trial % HIDDEN.length];
            int inputs = INPUTS[trial / HIDDEN.length];
            LstmDirection w = RandomLstms.direction(random, inputs, hidden, 1.0);
            int j = random.nextInt(4 * hidden);
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double[] x = gaussian(random, inputs + 3);
            double[] out = gaussian(random, inputs + 3);
            double[] expected = out.clone();
            for (int d = 0; d < inputs; d++) {
                expected[d] += x[d] * w.weightIh(j, d) * a + b;
            }
            w.addWeightedInputRow(j, x, a, b, out);
            assertThat(out).containsExactly(expected);

            double[] hx = gaussian(random, hidden);
            double[] hOut = gaussian(random, hidden);
            double[] hExpected = hOut.clone();
            for (int k = 0; k < hidden; k++) {
                hExpected[k] += hx[k] * w.weightHh(j, k) * a + b;
            }
            w.addWeightedRecurrentRow(j, hx, a, b, hOut);
            assertThat(hOut).containsExactly(hExpected);
        }
    }

    @Test
    void steps_reading_the_recorded_input_refuse_a_single_unit_direction_which_records_none() {
        LstmDirection w = RandomLstms.direction(new Random(1), 2, 1, 1.0);
        DirectionTrace recorded = new DirectionTrace(1);
        LstmCell.forward(w, new double[] {1, 2}, 1, false, recorded);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LstmCell.forwardStepsReadingRecordedInput(w, 1, recorded, 0, new double[2],
                        new double[2], 0, 1, new double[4], 0, new double[1], 0))
                .withMessageContaining("single-unit");
    }

    private static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextGaussian();
        }
        return v;
    }
}
