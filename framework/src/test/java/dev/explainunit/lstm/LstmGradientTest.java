package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ∂f_c/∂x_td against central finite differences of the independent reference forward pass. */
class LstmGradientTest {

    private static final double STEP = 1e-5;
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "D={0} H={1} C={2} bidirectional={3}")
    @CsvSource({"1,1,1,false", "2,1,1,false", "3,4,2,false", "2,5,3,false",
            "1,1,1,true", "2,3,2,true", "4,2,1,true"})
    void input_gradient_equals_central_finite_differences(int inputs, int hidden, int outputs, boolean bi) {
        Random random = new Random(31L * inputs + 7L * hidden + outputs + (bi ? 1000 : 0));
        for (int trial = 0; trial < 8; trial++) {
            Lstm model = RandomLstms.lstm(random, inputs, hidden, outputs, bi, 1.5);
            LstmTrace trace = model.newTrace();
            int length = 1 + random.nextInt(12);
            Sequence x = RandomLstms.sequence(random, length, inputs);
            double[] gradient = new double[length * inputs];
            for (int target = 0; target < outputs; target++) {
                model.forward(x, trace);
                model.inputGradient(trace, target, gradient);
                double[][] steps = x.toArray();
                for (int t = 0; t < length; t++) {
                    for (int d = 0; d < inputs; d++) {
                        double saved = steps[t][d];
                        steps[t][d] = saved + STEP;
                        double up = ReferenceLstm.output(model, Sequence.of(steps))[target];
                        steps[t][d] = saved - STEP;
                        double down = ReferenceLstm.output(model, Sequence.of(steps))[target];
                        steps[t][d] = saved;
                        assertThat(gradient[t * inputs + d])
                                .as("∂f_%d/∂x[%d][%d], trial %d", target, t, d, trial)
                                .isCloseTo((up - down) / (2 * STEP), within(TOLERANCE));
                    }
                }
            }
        }
    }
}
