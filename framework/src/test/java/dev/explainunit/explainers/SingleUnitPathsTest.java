package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The single-unit (H = 1) fast paths give what the general paths give on the same models. */
class SingleUnitPathsTest {

    private static final double TOLERANCE = 1e-12;

    private static final TestModels.Shape[] SINGLE_UNIT_SHAPES = {
            new TestModels.Shape(2, 1, 1, false, false),
            new TestModels.Shape(3, 1, 2, false, true),
            new TestModels.Shape(2, 1, 3, true, true),
            new TestModels.Shape(1, 1, 1, true, false),
    };

    /** Random models with and without biases, large weights (saturated gates) included. */
    private static List<RecurrentNetwork> models() {
        List<RecurrentNetwork> models = new ArrayList<>();
        long seed = 100;
        for (TestModels.Shape shape : SINGLE_UNIT_SHAPES) {
            models.add(TestModels.random(shape, seed++));
            models.add(TestModels.random(shape, seed++, 4.0, true));
            models.add(TestModels.random(shape, seed++, 1.0, false));
        }
        return models;
    }

    /** Random inputs, plus one with zero steps (zero pre-activations in a model without biases). */
    private static List<Sequence> sequences(int dim, long seed) {
        double[][] zeros = TestModels.sequence(6, dim, seed).toArray();
        zeros[0] = new double[dim];
        zeros[3] = new double[dim];
        return List.of(TestModels.sequence(1, dim, seed + 1), TestModels.sequence(9, dim, seed + 2),
                Sequence.of(zeros));
    }

    @Test
    void lrp_single_unit_path_agrees_with_the_general_path_for_every_rule_eps_and_bias_factor() {
        double[][] settings = {{0.001, 0}, {0.2, 1}, {0, 0}, {0, 1}, {0.05, 0.5}};
        int compared = 0;
        for (RecurrentNetwork model : models()) {
            for (LrpRule rule : LrpRule.values()) {
                for (double[] setting : settings) {
                    LrpExplainer fast = new LrpExplainer(rule, setting[0], setting[1]);
                    LrpExplainer general = new LrpExplainer(rule, setting[0], setting[1], false);
                    for (Sequence x : sequences(model.inputSize(), compared)) {
                        for (int target = 0; target < model.outputSize(); target++) {
                            assertAgree(fast.explain(model, x, target), general.explain(model, x, target),
                                    rule + " eps=" + setting[0] + " bias-factor=" + setting[1] + " " + x);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void integrated_gradients_single_unit_path_agrees_with_the_general_path() {
        int compared = 0;
        for (int steps : new int[] {1, 7, 50}) {
            IntegratedGradientsExplainer fast = new IntegratedGradientsExplainer(steps);
            IntegratedGradientsExplainer general = new IntegratedGradientsExplainer(steps, false);
            for (RecurrentNetwork model : models()) {
                for (Sequence x : sequences(model.inputSize(), compared)) {
                    for (int target = 0; target < model.outputSize(); target++) {
                        assertAgree(fast.explain(model, x, target), general.explain(model, x, target),
                                "steps=" + steps + " " + x);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static void assertClose(double[] fast, double[] general) {
        for (int k = 0; k < fast.length; k++) {
            assertThat(fast[k]).as("[%d]", k).isCloseTo(general[k], within(TOLERANCE * Math.max(1, Math.abs(general[k]))));
        }
    }

    @Test
    void cd_single_unit_path_agrees_with_the_general_path() {
        ContextualDecompositionExplainer fast = new ContextualDecompositionExplainer();
        ContextualDecompositionExplainer general = new ContextualDecompositionExplainer(false);
        int compared = 0;
        for (RecurrentNetwork model : models()) {
            for (Sequence x : sequences(model.inputSize(), compared)) {
                for (int target = 0; target < model.outputSize(); target++) {
                    Relevance a = fast.explain(model, x, target);
                    Relevance b = general.explain(model, x, target);
                    assertThat(a.length()).isEqualTo(b.length());
                    for (int t = 0; t < a.length(); t++) {
                        assertThat(a.step(t)).as("%s R[%d]", x, t)
                                .isCloseTo(b.step(t), within(TOLERANCE * Math.max(1, Math.abs(b.step(t)))));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(30);
    }

    static void assertAgree(Relevance fast, Relevance general, String what) {
        assertThat(fast.length()).isEqualTo(general.length());
        double[][] a = fast.toPerInputArray();
        double[][] b = general.toPerInputArray();
        for (int t = 0; t < a.length; t++) {
            for (int d = 0; d < a[t].length; d++) {
                assertThat(a[t][d]).as("%s R[%d][%d]", what, t, d)
                        .isCloseTo(b[t][d], within(TOLERANCE * Math.max(1, Math.abs(b[t][d]))));
            }
        }
        assertThat(fast.rest().isPresent()).isEqualTo(general.rest().isPresent());
        if (general.rest().isPresent()) {
            double rest = general.rest().getAsDouble();
            assertThat(fast.rest().getAsDouble()).as("%s rest", what)
                    .isCloseTo(rest, within(TOLERANCE * Math.max(1, Math.abs(rest))));
        }
    }
}
