package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.RecurrentNetwork;
import org.junit.jupiter.api.Test;

class GradientExplainersTest {

    @Test
    void gradient_times_input_equals_central_differences_times_input_on_uni_and_bidirectional_models() {
        GradientTimesInputExplainer explainer = new GradientTimesInputExplainer();
        for (int m = 0; m < TestModels.SHAPES.length; m++) {
            NetworkShape shape = TestModels.SHAPES[m];
            RecurrentNetwork model = TestModels.random(shape, 100 + m);
            for (int length : new int[] {1, 4, 9}) {
                Sequence x = TestModels.sequence(length, shape.inputs(), 7L * length + m);
                for (int target = 0; target < shape.outputs(); target++) {
                    double[][] fd = TestModels.finiteDifferenceGradient(model, x, target);
                    Relevance r = explainer.explain(model, x, target);
                    assertThat(r.length()).isEqualTo(length);
                    for (int t = 0; t < length; t++) {
                        double step = 0;
                        for (int d = 0; d < shape.inputs(); d++) {
                            double expected = fd[t][d] * x.get(t, d);
                            assertThat(r.input(t, d)).as("%s t=%d d=%d", shape, t, d).isCloseTo(expected, within(1e-6));
                            step += expected;
                        }
                        assertThat(r.step(t)).isCloseTo(step, within(1e-6));
                    }
                }
            }
        }
    }

    @Test
    void gradient_is_the_squared_norm_of_central_differences_per_step() {
        GradientExplainer explainer = new GradientExplainer();
        for (int m = 0; m < TestModels.SHAPES.length; m++) {
            NetworkShape shape = TestModels.SHAPES[m];
            RecurrentNetwork model = TestModels.random(shape, 200 + m);
            Sequence x = TestModels.sequence(6, shape.inputs(), 31 + m);
            int target = shape.outputs() - 1;
            double[][] fd = TestModels.finiteDifferenceGradient(model, x, target);
            Relevance r = explainer.explain(model, x, target);
            for (int t = 0; t < x.length(); t++) {
                double norm = 0;
                for (int d = 0; d < shape.inputs(); d++) {
                    assertThat(r.input(t, d)).isCloseTo(fd[t][d] * fd[t][d], within(1e-6));
                    norm += fd[t][d] * fd[t][d];
                }
                assertThat(r.step(t)).as("%s t=%d", shape, t).isCloseTo(norm, within(1e-6)).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void gradient_methods_refuse_a_black_box_model_and_say_why() {
        RecurrentNetwork model = TestModels.random(TestModels.SHAPES[0], 1);
        Sequence x = TestModels.sequence(3, 2, 1);
        assertThatThrownBy(() -> new GradientExplainer().explain(TestModels.blackBox(model), x, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradient").hasMessageContaining("RecurrentNetwork");
        assertThatThrownBy(() -> new GradientTimesInputExplainer().explain(TestModels.blackBox(model), x, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradient-x-input").hasMessageContaining("RecurrentNetwork");
    }

    @Test
    void gradient_times_input_puts_the_operands_on_the_hand_set_addition_model() {
        RecurrentNetwork model = TestModels.handSetAddition();
        Sequence x = Sequence.of(new double[][] {{0, 0.3}, {0.7, 0}, {0, -0.9}, {-0.6, 0}, {0, 0.5}});
        Relevance r = new GradientTimesInputExplainer().explain(model, x, 0);
        assertThat(r.step(1)).isCloseTo(0.7, within(1e-3));
        assertThat(r.step(3)).isCloseTo(-0.6, within(1e-3));
        for (int t : new int[] {0, 2, 4}) {
            assertThat(r.step(t)).isCloseTo(0, within(1e-9));
        }
    }
}
