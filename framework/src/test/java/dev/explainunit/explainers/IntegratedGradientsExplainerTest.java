package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.Activations;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.lstm.RandomLstms;
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
            TestModels.Shape shape = TestModels.SHAPES[s];
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
            TestModels.Shape shape = TestModels.SHAPES[s];
            RecurrentNetwork model = TestModels.random(shape, 810 + s);
            Sequence x = TestModels.sequence(8, shape.inputs(), 10 + s);
            double expected = model.predict(x)[0] - model.predict(scaled(x, 0))[0];
            assertThat(explainer.explain(model, x, 0).sum()).as("%s", shape).isCloseTo(expected, within(1e-3));
        }
    }

    @Test
    void on_a_nearly_linear_model_integrated_gradients_approach_gradient_times_input() {
        TestModels.Shape shape = TestModels.SHAPES[2];
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
     * The sum as m passes one after another give it (each point's forward-direction terms, then
     * its reverse ones, added to the running sum), written here with the one-input passes of
     * {@link RecurrentNetwork}: the explainer runs its points side by side and must keep every bit.
     */
    private static double[] integratedGradientsOneAfterAnother(RecurrentNetwork model, Sequence x, int target, int steps) {
        int n = x.length() * x.dim();
        double[] values = new double[n];
        x.copyTo(values);
        double[] sum = new double[n];
        for (int k = 1; k <= steps; k++) {
            NetworkTrace trace = model.forward(scaled(x, (double) k / steps), model.newTrace());
            double[] fc = new double[model.isBidirectional() ? 2 * model.hiddenSize() : model.hiddenSize()];
            for (int j = 0; j < fc.length; j++) {
                fc[j] = model.fcWeight(target, j);
            }
            LstmCell.inputGradient(model.layer(0).forward(), trace.forward(), fc, 0, false, sum);
            if (model.isBidirectional()) {
                LstmCell.inputGradient(model.layer(0).reverse(), trace.reverse(), fc, model.hiddenSize(), true, sum);
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
        int[][] shapes = {{1, 1}, {3, 2}, {6, 60}, {60, 60}};
        for (int[] shape : shapes) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                RecurrentNetwork model = RandomLstms.lstm(random, shape[0], shape[1], 4, bidirectional, 0.6);
                for (int steps : new int[] {1, 7, 8, 9, 50}) {
                    // H = 1 takes the general path only when told to
                    IntegratedGradientsExplainer explainer = new IntegratedGradientsExplainer(steps, shape[1] > 1);
                    for (int length : new int[] {1, 5, 12}) {
                        Sequence x = RandomLstms.sequence(random, length, shape[0]);
                        int target = random.nextInt(4);
                        Relevance r = explainer.explain(model, x, target);
                        double[] expected = integratedGradientsOneAfterAnother(model, x, target, steps);
                        for (int t = 0; t < length; t++) {
                            for (int d = 0; d < shape[0]; d++) {
                                assertThat(Double.doubleToRawLongBits(r.input(t, d)))
                                        .as("D=%d H=%d bi=%s m=%d T=%d (%d, %d)", shape[0], shape[1], bidirectional,
                                                steps, length, t, d)
                                        .isEqualTo(Double.doubleToRawLongBits(expected[t * shape[0] + d]));
                            }
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
