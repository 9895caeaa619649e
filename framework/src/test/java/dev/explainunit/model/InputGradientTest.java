package dev.explainunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ∂f_c/∂x_td against central finite differences of the independent reference forward pass. */
class InputGradientTest {

    private static final double STEP = 1e-5;
    private static final double TOLERANCE = 1e-6;

    static List<NetworkShape> shapes() {
        return NetworkShape.variety(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void input_gradient_equals_central_finite_differences(NetworkShape shape) {
        Random random = new Random(31L * shape.seed());
        for (int trial = 0; trial < 4; trial++) {
            RecurrentNetwork model = RandomNetworks.network(random, shape, 1.5);
            NetworkTrace trace = model.newTrace();
            int length = 1 + random.nextInt(10);
            int inputs = shape.inputs();
            Sequence x = RandomNetworks.sequence(random, length, inputs);
            double[] gradient = new double[length * inputs];
            for (int target = 0; target < shape.outputs(); target++) {
                model.forward(x, trace);
                model.inputGradient(trace, target, gradient);
                double[][] steps = x.toArray();
                for (int t = 0; t < length; t++) {
                    for (int d = 0; d < inputs; d++) {
                        double saved = steps[t][d];
                        steps[t][d] = saved + STEP;
                        double up = ReferenceNetwork.outputs(model, Sequence.of(steps))[target];
                        steps[t][d] = saved - STEP;
                        double down = ReferenceNetwork.outputs(model, Sequence.of(steps))[target];
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
