package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RandomNetworks;
import dev.explainunit.model.RecurrentNetwork;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntegratedGradientsExplainerTest {

    private static Sequence scaled(Sequence x, double alpha) {
        double[][] steps = x.toArray();
        for (double[] step : steps) {
            for (int d = 0; d < step.length; d++) {
                step[d] *= alpha;
            }
        }
        return Sequence.of(steps);
    }

    @Test
    void a_few_steps_equal_the_riemann_sum_of_finite_difference_gradients() {
        int m = 3;
        IntegratedGradientsExplainer explainer = new IntegratedGradientsExplainer(m);
        for (int s = 0; s < TestModels.SHAPES.length; s++) {
            NetworkShape shape = TestModels.SHAPES[s];
            RecurrentNetwork model = TestModels.random(shape, 800 + s);
            Sequence x = TestModels.sequence(5, shape.inputs(), s);
            int target = shape.outputs() - 1;
            double[][] expected = new double[x.length()][x.dim()];
            for (int k = 1; k <= m; k++) {
                double[][] g = TestModels.finiteDifferenceGradient(model, scaled(x, (double) k / m), target);
                for (int t = 0; t < x.length(); t++) {
                    for (int d = 0; d < x.dim(); d++) {
                        expected[t][d] += x.get(t, d) * g[t][d] / m;
                    }
                }
            }
            Relevance r = explainer.explain(model, x, target);
            for (int t = 0; t < x.length(); t++) {
                for (int d = 0; d < x.dim(); d++) {
                    assertThat(r.input(t, d)).as("%s t=%d d=%d", shape, t, d).isCloseTo(expected[t][d], within(1e-6));
                }
            }
        }
    }

    @Test
    void many_steps_satisfy_completeness_against_the_zero_baseline() {
        IntegratedGradientsExplainer explainer = new IntegratedGradientsExplainer(4000);
        for (int s = 0; s < TestModels.SHAPES.length; s++) {
            NetworkShape shape = TestModels.SHAPES[s];
            RecurrentNetwork model = TestModels.random(shape, 810 + s);
            Sequence x = TestModels.sequence(8, shape.inputs(), 10 + s);
            double expected = model.predict(x)[0] - model.predict(scaled(x, 0))[0];
            assertThat(explainer.explain(model, x, 0).sum()).as("%s", shape).isCloseTo(expected, within(1e-3));
        }
    }

    @Test
    void on_a_nearly_linear_model_integrated_gradients_approach_gradient_times_input() {
        NetworkShape shape = TestModels.SHAPES[2];
        RecurrentNetwork model = TestModels.random(shape, 820, 0.01, true);
        Sequence x = TestModels.sequence(6, shape.inputs(), 4);
        Relevance ig = new IntegratedGradientsExplainer().explain(model, x, 1);
        Relevance gxi = new GradientTimesInputExplainer().explain(model, x, 1);
        double largest = 0;
        for (int t = 0; t < x.length(); t++) {
            largest = Math.max(largest, Math.abs(gxi.step(t)));
        }
        for (int t = 0; t < x.length(); t++) {
            assertThat(ig.step(t)).isCloseTo(gxi.step(t), within(0.01 * largest));
        }
    }

    /**
     * The sum as m passes one after another give it (each point's gradient added to the running sum
     * in the order of k), written here with the one-input passes of {@link RecurrentNetwork}: the
     * explainer runs its points side by side and must keep every bit.
     */
    private static double[] integratedGradientsOneAfterAnother(RecurrentNetwork model, Sequence x, int target,
                                                                int steps) {
        int n = x.length() * x.dim();
        double[] values = new double[n];
        x.copyTo(values);
        double[] sum = new double[n];
        double[] gradient = new double[n];
        for (int k = 1; k <= steps; k++) {
            double[][] rows = new double[x.length()][x.dim()];
            for (int v = 0; v < n; v++) {
                rows[v / x.dim()][v % x.dim()] = (double) k / steps * values[v];
            }
            NetworkTrace trace = model.forward(Sequence.of(rows), model.newTrace());
            model.inputGradient(trace, target, gradient);
            for (int v = 0; v < n; v++) {
                sum[v] += gradient[v];
            }
        }
        for (int v = 0; v < n; v++) {
            sum[v] = values[v] * sum[v] / steps;
        }
        return sum;
    }

    @Test
    void the_points_run_side_by_side_give_the_bits_of_the_points_one_after_another() {
        Random random = new Random(41);
        NetworkShape[] shapes = {NetworkShape.lstm(1, 1, 4, false), NetworkShape.lstm(3, 2, 4, true),
                NetworkShape.lstm(6, 60, 4, true), new NetworkShape(CellKind.GRU, 2, 3, 5, 4, true, true, true),
                new NetworkShape(CellKind.LSTM, 2, 2, 1, 4, false, true, true)};
        for (NetworkShape shape : shapes) {
            RecurrentNetwork model = RandomNetworks.network(random, shape, 0.6);
            for (int steps : new int[] {1, 7, 8, 9, 50}) {
                IntegratedGradientsExplainer explainer = new IntegratedGradientsExplainer(steps);
                for (int length : new int[] {1, 5, 12}) {
                    Sequence x = RandomNetworks.sequence(random, length, shape.inputs());
                    int target = random.nextInt(4);
                    Relevance r = explainer.explain(model, x, target);
                    double[] expected = integratedGradientsOneAfterAnother(model, x, target, steps);
                    for (int t = 0; t < length; t++) {
                        for (int d = 0; d < shape.inputs(); d++) {
                            assertThat(Double.doubleToRawLongBits(r.input(t, d)))
                                    .as("%s m=%d T=%d (%d, %d)", shape, steps, length, t, d)
                                    .isEqualTo(Double.doubleToRawLongBits(expected[t * shape.inputs() + d]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void the_number_of_steps_must_be_positive() {
        assertThatThrownBy(() -> new IntegratedGradientsExplainer(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integrated-gradients");
    }
}
