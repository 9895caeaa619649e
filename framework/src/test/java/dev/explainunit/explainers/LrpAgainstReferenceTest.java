package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.NumericAssertions;
import dev.explainunit.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LrpExplainer} against {@link ReferenceLrp}, DESIGN's rules written out by brute force, on
 * random small GRUs and LSTMs (stacked, uni- and bidirectional, H = 1 among them): every rule, with
 * and without bias factor, ε ∈ {0, 0.001, 0.2}: every relevance R_{t,d} and the rest to 1e-12
 * relative, |a − b| ≤ 1e-12 · max(1, max |R_{t,d}|, |rest|) of the reference.
 */
class LrpAgainstReferenceTest {

    static List<NetworkShape> shapes() {
        List<NetworkShape> shapes = new ArrayList<>();
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= 3; layers++) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    shapes.add(new NetworkShape(kind, layers, 3, 4, 2, bidirectional, true, layers % 2 == 1));
                    shapes.add(new NetworkShape(kind, layers, 2, 1, 1, bidirectional, layers != 2, true));
                }
            }
            shapes.add(new NetworkShape(kind, 2, 5, 7, 3, true, true, true));
        }
        return shapes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void every_rule_equals_the_brute_force_rules_with_and_without_bias_factor(NetworkShape shape) {
        RecurrentNetwork model = TestModels.random(shape, 40 + shape.seed(), 1.0, shape.biases());
        for (LrpRule rule : LrpRule.values()) {
            for (double eps : new double[] {0, 0.001, 0.2}) {
                for (double biasFactor : new double[] {0, 1}) {
                    LrpExplainer explainer = new LrpExplainer(rule, eps, biasFactor);
                    for (int length : new int[] {1, 4, 7}) {
                        Sequence x = TestModels.sequence(length, shape.inputs(), 100L * length + shape.layers());
                        for (int c = 0; c < shape.outputs(); c++) {
                            String where = shape + " " + rule + " eps=" + eps + " bias-factor=" + biasFactor + " T="
                                    + length + " c=" + c;
                            ReferenceLrp.Result expected = ReferenceLrp.explain(model, x, c, rule, eps, biasFactor);
                            Relevance r = explainer.explain(model, x, c);
                            double allowed = 1e-12 * Math.max(NumericAssertions.scale(expected.relevance()),
                                    Math.abs(expected.rest()));
                            double[][] actual = r.toPerInputArray();
                            for (int t = 0; t < length; t++) {
                                for (int d = 0; d < shape.inputs(); d++) {
                                    assertThat(actual[t][d]).as("%s R[%d][%d]", where, t, d)
                                            .isCloseTo(expected.relevance()[t][d], within(allowed));
                                }
                            }
                            assertThat(r.rest().getAsDouble()).as(where + " rest")
                                    .isCloseTo(expected.rest(), within(allowed));
                        }
                    }
                }
            }
        }
    }
}
