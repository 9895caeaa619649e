package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LstmCell#forwardSteps} on independent state banks gives each variant what its own
 * one-step call gives, and the general step's blocked sums give the plain row-by-row sums of the
 * formulas bit for bit.
 */
class LstmCellSideBySideTest {

    @Test
    void forward_steps_side_by_side_give_each_variant_the_values_of_its_own_step_bit_for_bit() {
        Random random = new Random(17);
        for (int trial = 0; trial < 24; trial++) {
            int hidden = 1 + trial % 3;
            int inputs = 1 + trial % 4;
            int count = 1 + random.nextInt(6);
            LstmDirection w = RandomLstms.direction(random, inputs, hidden, trial < 12 ? 1.0 : 4.0);
            double[] x = new double[3 + inputs];
            for (int d = 0; d < inputs; d++) {
                x[3 + d] = random.nextGaussian();
            }
            int bank = count * hidden;
            double[] h = new double[2 * bank];
            double[] c = new double[2 * bank];
            for (int k = 0; k < bank; k++) {
                h[k] = random.nextGaussian();
                c[k] = 2 * random.nextGaussian();
            }
            double[] hOne = h.clone();
            double[] cOne = c.clone();
            double[] gate = new double[4 * bank];
            double[] gateOne = new double[4 * bank];
            double[] z = new double[4 * bank];
            double[] zOne = new double[4 * bank];
            double[] tanhC = new double[bank];
            double[] tanhCOne = new double[bank];

            LstmCell.forwardSteps(w, count, x, 3, 0, h, c, 0, bank, z, gate, 0, tanhC, 0);
            for (int v = 0; v < count; v++) {
                LstmCell.forwardStep(hidden, inputs, w.weightIh, 0, w.weightHh, 0, w.bias, 0, x, 3, hOne, cOne,
                        v * hidden, bank + v * hidden, zOne, gateOne, v * 4 * hidden, tanhCOne, v * hidden);
            }
            assertThat(h).containsExactly(hOne);
            assertThat(c).containsExactly(cOne);
            assertThat(gate).containsExactly(gateOne);
            assertThat(z).containsExactly(zOne);
            assertThat(tanhC).containsExactly(tanhCOne);
            assertThat(h[bank]).isNotZero();
        }
    }

    @Test
    void general_steps_give_the_plain_row_by_row_sums_of_the_formulas_bit_for_bit() {
        Random random = new Random(23);
        for (int trial = 0; trial < 20; trial++) {
            int hidden = 2 + trial % 5;
            int inputs = 1 + trial % 7;
            int rows = 4 * hidden;
            LstmDirection w = RandomLstms.direction(random, inputs, hidden, 2.0);
            double[] x = gaussian(random, inputs);
            double[] h = new double[2 * hidden];
            double[] c = new double[2 * hidden];
            System.arraycopy(gaussian(random, hidden), 0, h, 0, hidden);
            System.arraycopy(gaussian(random, hidden), 0, c, 0, hidden);
            double[] z = new double[rows];
            double[] gate = new double[rows];
            double[] tanhC = new double[hidden];
            LstmCell.forwardStep(hidden, inputs, w.weightIh, 0, w.weightHh, 0, w.bias, 0, x, 0, h, c, 0, hidden, z,
                    gate, 0, tanhC, 0);
            for (int j = 0; j < rows; j++) {
                double sum = w.bias(j);
                for (int d = 0; d < inputs; d++) {
                    sum += w.weightIh(j, d) * x[d];
                }
                for (int k = 0; k < hidden; k++) {
                    sum += w.weightHh(j, k) * h[k];
                }
                boolean g = j / hidden == LstmDirection.GATE_G;
                assertThat(z[j]).isEqualTo(sum);
                assertThat(gate[j]).isEqualTo(g ? LstmCell.tanh(sum) : LstmCell.sigmoid(sum));
            }
            for (int k = 0; k < hidden; k++) {
                double cell = gate[hidden + k] * c[k] + gate[k] * gate[2 * hidden + k];
                assertThat(c[hidden + k]).isEqualTo(cell);
                assertThat(h[hidden + k]).isEqualTo(gate[3 * hidden + k] * LstmCell.tanh(cell));
            }

            double[] dh = gaussian(random, hidden);
            double[] dhIn = dh.clone();
            double[] dc = gaussian(random, hidden);
            double[] dcIn = dc.clone();
            double[] dz = new double[rows];
            double[] dx = gaussian(random, inputs);
            double[] dxIn = dx.clone();
            LstmCell.backwardStep(hidden, inputs, w.weightIh, 0, w.weightHh, 0, gate, 0, tanhC, 0, c, 0, dh, 0, dc, 0,
                    dz, 0, dx, 0);
            for (int k = 0; k < hidden; k++) {
                double i = gate[k];
                double f = gate[hidden + k];
                double g = gate[2 * hidden + k];
                double o = gate[3 * hidden + k];
                double cellGrad = dcIn[k] + dhIn[k] * o * (1 - tanhC[k] * tanhC[k]);
                assertThat(dz[k]).isEqualTo(cellGrad * g * i * (1 - i));
                assertThat(dz[hidden + k]).isEqualTo(cellGrad * c[k] * f * (1 - f));
                assertThat(dz[2 * hidden + k]).isEqualTo(cellGrad * i * (1 - g * g));
                assertThat(dz[3 * hidden + k]).isEqualTo(dhIn[k] * tanhC[k] * o * (1 - o));
                assertThat(dc[k]).isEqualTo(cellGrad * f);
            }
            for (int d = 0; d < inputs; d++) {
                double sum = 0;
                for (int j = 0; j < rows; j++) {
                    sum += w.weightIh(j, d) * dz[j];
                }
                assertThat(dx[d]).isEqualTo(dxIn[d] + sum);
            }
            for (int k = 0; k < hidden; k++) {
                double sum = 0;
                for (int j = 0; j < rows; j++) {
                    sum += w.weightHh(j, k) * dz[j];
                }
                assertThat(dh[k]).isEqualTo(sum);
            }
        }
    }

    private static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextGaussian();
        }
        return v;
    }
}
