package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.Lstm;
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
            Lstm model = TestModels.random(shape, 800 + s);
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
            Lstm model = TestModels.random(shape, 810 + s);
            Sequence x = TestModels.sequence(8, shape.inputs(), 10 + s);
            double expected = model.predict(x)[0] - model.predict(scaled(x, 0))[0];
            assertThat(explainer.explain(model, x, 0).sum()).as("%s", shape).isCloseTo(expected, within(1e-3));
        }
    }

    @Test
    void on_a_nearly_linear_model_integrated_gradients_approach_gradient_times_input() {
        TestModels.Shape shape = TestModels.SHAPES[2];
        Lstm model = TestModels.random(shape, 820, 0.01, true);
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

    @Test
    void the_number_of_steps_must_be_positive() {
        assertThatThrownBy(() -> new IntegratedGradientsExplainer(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integrated-gradients");
    }
}
