package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The single-unit (H = 1) forward and backward passes give what the general passes give. */
class SingleUnitPathTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void single_unit_forward_and_gradient_agree_with_the_general_path_uni_and_bidirectional() {
        Random random = new Random(41);
        int compared = 0;
        for (int trial = 0; trial < 40; trial++) {
            boolean bidirectional = trial % 2 == 1;
            int inputs = 1 + trial % 3;
            int outputs = 1 + trial % 4;
            Lstm model = RandomLstms.lstm(random, inputs, 1, outputs, bidirectional, trial < 20 ? 1.0 : 5.0);
            Sequence x = RandomLstms.sequence(random, 1 + random.nextInt(15), inputs);
            LstmTrace fast = model.forward(x, model.newTrace(), true);
            LstmTrace general = model.forward(x, model.newTrace(), false);
            assertSameTrace(fast.forward(), general.forward());
            if (bidirectional) {
                assertSameTrace(fast.reverse(), general.reverse());
            }
            for (int c = 0; c < outputs; c++) {
                assertClose(fast.output(c), general.output(c), "output " + c);
                double[] fastGradient = new double[x.length() * inputs];
                double[] generalGradient = new double[x.length() * inputs];
                model.inputGradient(fast, c, fastGradient, true);
                model.inputGradient(general, c, generalGradient, false);
                for (int v = 0; v < fastGradient.length; v++) {
                    assertClose(fastGradient[v], generalGradient[v], "gradient " + v);
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(60);
    }

    @Test
    void cell_single_unit_steps_give_the_general_steps_values_bit_for_bit_with_and_without_input() {
        Random random = new Random(8);
        for (int trial = 0; trial < 30; trial++) {
            int inputs = 1 + trial % 4;
            LstmDirection w = RandomLstms.direction(random, inputs, 1, trial < 15 ? 1.0 : 4.0);
            double[] x = new double[2 + inputs];
            for (int d = 0; d < inputs; d++) {
                x[2 + d] = random.nextGaussian();
            }
            for (boolean withInput : new boolean[] {true, false}) {
                double[] input = withInput ? x : null;
                double[][] h = {{0, 0, 3 * random.nextGaussian(), 0}, null};
                h[1] = h[0].clone();
                double[][] c = {{0, 0, 3 * random.nextGaussian(), 0}, null};
                c[1] = c[0].clone();
                double[][] z = new double[2][6];
                double[][] gate = new double[2][6];
                double[][] tanhC = new double[2][3];
                LstmCell.forwardStepsSingleUnit(1, inputs, w.weightIh, 0, w.weightHh, 0, w.bias, 0, input, 2, 0, h[0], c[0],
                        2, 3, z[0], gate[0], 1, tanhC[0], 1);
                LstmCell.forwardStepGeneral(1, inputs, w.weightIh, 0, w.weightHh, 0, w.bias, 0, input, 2, h[1], c[1],
                        2, 3, z[1], gate[1], 1, tanhC[1], 1);
                assertThat(z[0]).containsExactly(z[1]);
                assertThat(gate[0]).containsExactly(gate[1]);
                assertThat(h[0]).containsExactly(h[1]);
                assertThat(c[0]).containsExactly(c[1]);
                assertThat(tanhC[0]).containsExactly(tanhC[1]);
                assertThat(h[0][3]).isNotZero();

                double[][] dh = {{0, random.nextGaussian()}, null};
                dh[1] = dh[0].clone();
                double[][] dc = {{random.nextGaussian(), 0}, null};
                dc[1] = dc[0].clone();
                double[][] dz = new double[2][5];
                double[][] dx = {new double[3 + inputs], null};
                dx[0][3] = random.nextGaussian();
                dx[1] = dx[0].clone();
                LstmCell.backwardStepSingleUnit(inputs, w.weightIh, 0, w.weightHh, 0, gate[0], 1, tanhC[0], 1, c[0], 2,
                        dh[0], 1, dc[0], 0, dz[0], 1, withInput ? dx[0] : null, 3);
                LstmCell.backwardStepGeneral(1, inputs, w.weightIh, 0, w.weightHh, 0, gate[1], 1, tanhC[1], 1, c[1], 2,
                        dh[1], 1, dc[1], 0, dz[1], 1, withInput ? dx[1] : null, 3);
                assertThat(dz[0]).containsExactly(dz[1]);
                assertThat(dh[0]).containsExactly(dh[1]);
                assertThat(dc[0]).containsExactly(dc[1]);
                assertThat(dx[0]).containsExactly(dx[1]);
                assertThat(dz[0][1]).isNotZero();
            }
        }
    }

    private static void assertSameTrace(DirectionTrace fast, DirectionTrace general) {
        assertThat(fast.steps()).isEqualTo(general.steps());
        for (int s = 0; s < fast.steps(); s++) {
            for (int j = 0; j < 4; j++) {
                assertClose(fast.z(s, j), general.z(s, j), "z(" + s + ", " + j + ")");
                assertClose(fast.gate(s, j), general.gate(s, j), "gate(" + s + ", " + j + ")");
            }
            assertClose(fast.c(s, 0), general.c(s, 0), "c(" + s + ")");
            assertClose(fast.h(s, 0), general.h(s, 0), "h(" + s + ")");
            assertClose(fast.tanhC(s, 0), general.tanhC(s, 0), "tanhC(" + s + ")");
        }
    }

    private static void assertClose(double fast, double general, String what) {
        assertThat(fast).as(what).isCloseTo(general, within(TOLERANCE * Math.max(1, Math.abs(general))));
    }
}
