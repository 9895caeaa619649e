package dev.explainunit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row kernels white-box explainers call ({@link DirectionWeights#addWeightedGateRow} and its
 * kin, the products) give the plain weighted sums of each row bit for bit, in vector loops; the
 * sizes straddle the vector widths (2, 4 and 8 doubles), so the loops' tails are covered.
 */
class RowKernelsTest {

    private static final int[] HIDDEN = {1, 2, 3, 5, 9, 16};
    private static final int[] INPUTS = {1, 3, 4, 8, 13};

    @Test
    void the_row_kernels_give_the_plain_weighted_sums_of_each_row_bit_for_bit() {
        Random random = new Random(41);
        int trial = 0;
        for (CellKind kind : CellKind.values()) {
            for (int hidden : HIDDEN) {
                for (int inputs : INPUTS) {
                    DirectionWeights w = RandomNetworks.direction(random, kind, inputs, hidden, 1.0, true);
                    int rows = kind.gates() * hidden;
                    int j = random.nextInt(rows - 3 >= 1 ? rows - 3 : 1);
                    double a = random.nextGaussian();
                    double b = random.nextGaussian();
                    String where = kind + " D=" + inputs + " H=" + hidden + " row " + j;

                    double[] x = gaussian(random, inputs + 3);
                    double[] out = gaussian(random, inputs + 3);
                    double[] expected = out.clone();
                    for (int d = 0; d < inputs; d++) {
                        expected[d] += x[d] * w.weightIh(j, d) * a + b;
                    }
                    w.addWeightedInputRow(j, x, a, b, out);
                    assertThat(out).as(where + " input row").containsExactly(expected);

                    double[] h = gaussian(random, hidden);
                    double[] hOut = gaussian(random, hidden);
                    double[] hExpected = hOut.clone();
                    for (int k = 0; k < hidden; k++) {
                        hExpected[k] += h[k] * w.weightHh(j, k) * a + b;
                    }
                    w.addWeightedRecurrentRow(j, h, a, b, hOut);
                    assertThat(hOut).as(where + " recurrent row").containsExactly(hExpected);

                    double[] u = gaussian(random, inputs + hidden);
                    double[] uOut = gaussian(random, inputs + hidden);
                    double[] uExpected = uOut.clone();
                    for (int e = 0; e < inputs + hidden; e++) {
                        double weight = e < inputs ? w.weightIh(j, e) : w.weightHh(j, e - inputs);
                        uExpected[e] += u[e] * weight * a + b;
                    }
                    w.addWeightedGateRow(j, u, a, b, uOut);
                    assertThat(uOut).as(where + " gate row").containsExactly(uExpected);

                    if (j + 3 < rows) {
                        double[] factors = gaussian(random, rows);
                        double[] shifts = gaussian(random, rows);
                        double[] four = gaussian(random, inputs + hidden);
                        double[] oneByOne = four.clone();
                        w.addFourWeightedGateRows(j, u, factors, shifts, j, four);
                        for (int r = j; r < j + 4; r++) {
                            w.addWeightedGateRow(r, u, factors[r], shifts[r], oneByOne);
                        }
                        assertThat(four).as(where + " four gate rows").containsExactly(oneByOne);
                    }

                    int count = 1 + random.nextInt(rows);
                    double[] product = gaussian(random, rows);
                    w.inputProduct(count, x, 2, product);
                    double[] recurrent = gaussian(random, rows);
                    double[] hAt = gaussian(random, hidden + 1);
                    w.recurrentProduct(count, hAt, 1, recurrent);
                    for (int r = 0; r < count; r++) {
                        double sum = 0;
                        for (int d = 0; d < inputs; d++) {
                            sum += w.weightIh(r, d) * x[2 + d];
                        }
                        assertThat(product[r]).as(where + " W_ih x, row " + r).isEqualTo(sum);
                        double recurrentSum = 0;
                        for (int k = 0; k < hidden; k++) {
                            recurrentSum += w.weightHh(r, k) * hAt[1 + k];
                        }
                        assertThat(recurrent[r]).as(where + " W_hh h, row " + r).isEqualTo(recurrentSum);
                    }
                    trial++;
                }
            }
        }
        assertThat(trial).isEqualTo(60);
    }

    private static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextGaussian();
        }
        return v;
    }
}
