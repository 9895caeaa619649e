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
