package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.RecurrentNetwork;
import org.junit.jupiter.api.Test;

class OcclusionExplainerTest {

    private static double probability(double[] f, int c) {
        double sum = 0;
        for (double v : f) {
            sum += Math.exp(v);
        }
        return Math.exp(f[c]) / sum;
    }

    @Test
    void f_diff_equals_direct_predictions_with_each_step_zeroed_on_networks_and_black_boxes() {
        OcclusionExplainer explainer = new OcclusionExplainer(OcclusionExplainer.Difference.FUNCTION);
        for (int m = 0; m < TestModels.SHAPES.length; m++) {
            NetworkShape shape = TestModels.SHAPES[m];
            RecurrentNetwork model = TestModels.random(shape, 300 + m);
            for (int length : new int[] {1, 5, 11}) {
                Sequence x = TestModels.sequence(length, shape.inputs(), 13L * length + m);
                for (int target = 0; target < shape.outputs(); target++) {
                    Relevance fast = explainer.explain(model, x, target);
                    Relevance blackBox = explainer.explain(TestModels.blackBox(model), x, target);
                    double full = model.predict(x)[target];
                    for (int t = 0; t < length; t++) {
                        double expected = full - model.predict(x.withStepZeroed(t))[target];
                        assertThat(fast.step(t)).as("%s T=%d t=%d", shape, length, t).isCloseTo(expected, within(1e-12));
                        assertThat(blackBox.step(t)).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void p_diff_equals_direct_softmax_differences() {
        OcclusionExplainer explainer = new OcclusionExplainer.ProbabilityDifference();
        NetworkShape shape = TestModels.SHAPES[2];
        RecurrentNetwork model = TestModels.random(shape, 17, 2.0, true);
        Sequence x = TestModels.sequence(7, shape.inputs(), 5);
        for (int target = 0; target < shape.outputs(); target++) {
            Relevance fast = explainer.explain(model, x, target);
            Relevance blackBox = explainer.explain(TestModels.blackBox(model), x, target);
            for (int t = 0; t < x.length(); t++) {
                double expected = probability(model.predict(x), target) - probability(model.predict(x.withStepZeroed(t)), target);
                assertThat(fast.step(t)).isCloseTo(expected, within(1e-12));
                assertThat(blackBox.step(t)).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void occluding_a_step_that_is_already_zero_changes_nothing() {
        NetworkShape shape = TestModels.SHAPES[2];
        RecurrentNetwork model = TestModels.random(shape, 19);
        double[][] steps = TestModels.sequence(6, shape.inputs(), 8).toArray();
        steps[2] = new double[shape.inputs()];
        Relevance r = new OcclusionExplainer.FunctionDifference().explain(model, Sequence.of(steps), 1);
        assertThat(r.step(2)).isZero();
    }

    @Test
    void p_diff_refuses_a_single_output_model_because_its_probability_is_always_one() {
        RecurrentNetwork model = TestModels.random(TestModels.SHAPES[0], 3);
        Sequence x = TestModels.sequence(4, 2, 3);
        assertThatThrownBy(() -> new OcclusionExplainer.ProbabilityDifference().explain(model, x, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("occlusion-p-diff")
                .hasMessageContaining("occlusion-f-diff");
    }

    @Test
    void p_diff_supports_classifiers_only_and_f_diff_every_model() {
        RecurrentNetwork regression = TestModels.random(TestModels.SHAPES[0], 3);
        RecurrentNetwork classifier = TestModels.random(TestModels.SHAPES[2], 3);
        assertThat(regression.outputSize()).isEqualTo(1);
        assertThat(classifier.outputSize()).isGreaterThan(1);
        assertThat(new OcclusionExplainer.ProbabilityDifference().supports(regression)).isFalse();
        assertThat(new OcclusionExplainer.ProbabilityDifference().supports(classifier)).isTrue();
        assertThat(new OcclusionExplainer.FunctionDifference().supports(regression)).isTrue();
        assertThat(new OcclusionExplainer.FunctionDifference().supports(classifier)).isTrue();
    }

    @Test
    void occlusion_works_on_a_model_that_is_not_a_recurrent_network() {
        RecurrentModel sum = new RecurrentModel() {
            @Override
            public int inputSize() {
                return 1;
            }

            @Override
            public int outputSize() {
                return 1;
            }

            @Override
            public double[] predict(Sequence x) {
                double s = 0;
                for (int t = 0; t < x.length(); t++) {
                    s += x.get(t, 0) * x.get(t, 0);
                }
                return new double[] {s};
            }
        };
        Relevance r = new OcclusionExplainer.FunctionDifference().explain(sum, Sequence.of(new double[][] {{1}, {-2}, {3}}), 0);
        assertThat(r.toArray()).containsExactly(1, 4, 9);
    }
}
