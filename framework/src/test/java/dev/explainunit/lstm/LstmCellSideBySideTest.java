package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LstmCell#forwardSteps} on independent state banks: each variant gets what its own one-step call gives. */
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
}
