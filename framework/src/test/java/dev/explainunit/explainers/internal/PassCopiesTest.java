package dev.explainunit.explainers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.NumericAssertions;
import dev.explainunit.model.RandomNetworks;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.internal.SingleUnitPasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every specialised copy of a pass agrees with the general pass it copies, to 1e-12 relative
 * (|a − b| ≤ 1e-12 · max(1, max |b|) over each compared array), on random single-unit LSTMs (H = 1)
 * of 1 and 2 layers where the copy runs, uni- and bidirectional, with and without biases, with
 * saturated gates, on inputs of 1 to 15 steps (zero rows among them):
 *
 * <ul>
 *   <li>{@code SingleUnitLstm}, the forward pass of three lanes side by side (from step 0, and
 *       resumed at steps of their own, as occlusion resumes) and the backward pass (the gradient
 *       reaching the last step only, or every step, as in a lower layer), against
 *       {@code DirectionPasses}' general passes;</li>
 *   <li>{@link SingleUnitLstmRelevance} against {@link LstmRelevance}, every rule, ε ∈ {0, 0.001, 0.2},
 *       bias factor 0 and 1, in every direction of every layer;</li>
 *   <li>{@link SingleUnitLstmDecomposition} (single-layer models) against {@link LstmDecomposition}
 *       word by word.</li>
 * </ul>
 */
class PassCopiesTest {

    private static final double TOLERANCE = 1e-12;

    /** The copies; each compares itself with its general pass on one model and input. */
    enum Copy {
        SINGLE_UNIT_LSTM(2) {
            @Override
            void check(RecurrentNetwork model, Sequence x, Random random, String where) {
                NetworkTrace trace = model.forward(x, model.newTrace());
                int length = x.length();
                for (int k = 0; k < model.layerCount(); k++) {
                    double[] input = layerInput(trace, k);
                    for (boolean reversed : directions(model)) {
                        DirectionWeights w = reversed ? model.layer(k).reverse() : model.layer(k).forward();
                        String at = where + " layer " + k + (reversed ? " reverse" : " forward");
                        // three lanes side by side: the input, and two others of its length
                        double[][] lanes = {input, gaussian(random, input.length), gaussian(random, input.length)};
                        double[][] dhIn = {gaussian(random, length), gaussian(random, length), gaussian(random, length)};
                        int[] fromStart = new int[lanes.length];
                        for (boolean fromEveryStep : new boolean[] {false, true}) {
                            compare(SingleUnitPasses.run(w, lanes, null, length, reversed, fromStart, dhIn,
                                            fromEveryStep, true),
                                    SingleUnitPasses.run(w, lanes, null, length, reversed, fromStart, dhIn,
                                            fromEveryStep, false), at + (fromEveryStep ? " from every step" : ""));
                        }
                        // occlusion: each lane the input with one row zeroed, resumed where it first differs
                        int[] resumeAt = new int[lanes.length];
                        double[][] occluded = new double[lanes.length][];
                        double[][] reference = new double[lanes.length][];
                        int width = w.inputSize();
                        for (int b = 0; b < lanes.length; b++) {
                            resumeAt[b] = random.nextInt(length);
                            reference[b] = input;
                            occluded[b] = input.clone();
                            int row = reversed ? length - 1 - resumeAt[b] : resumeAt[b];
                            java.util.Arrays.fill(occluded[b], row * width, (row + 1) * width, 0.0);
                        }
                        resumeAt[0] = Math.max(1, resumeAt[0]);
                        compare(SingleUnitPasses.run(w, occluded, reference, length, reversed, resumeAt, null, false,
                                        true),
                                SingleUnitPasses.run(w, occluded, reference, length, reversed, resumeAt, null, false,
                                        false), at + " resumed at steps " + java.util.Arrays.toString(resumeAt));
                    }
                }
            }
        },
        SINGLE_UNIT_LSTM_RELEVANCE(2) {
            @Override
            void check(RecurrentNetwork model, Sequence x, Random random, String where) {
                NetworkTrace trace = model.forward(x, model.newTrace());
                int length = x.length();
                for (RelevanceRules.Split split : RelevanceRules.Split.values()) {
                    for (double eps : new double[] {0, 0.001, 0.2}) {
                        for (double biasFactor : new double[] {0, 1}) {
                            RelevanceRules rules = new RelevanceRules(split, eps, biasFactor);
                            SingleUnitLstmRelevance copy = new SingleUnitLstmRelevance(rules);
                            LstmRelevance general = new LstmRelevance(rules);
                            for (int k = 0; k < model.layerCount(); k++) {
                                boolean fromEveryStep = k < model.layerCount() - 1;
                                double[] input = layerInput(trace, k);
                                double[] incoming = gaussian(random, length + 1);
                                incoming[0] = 0;
                                if (!fromEveryStep) {
                                    // the last layer gets relevance at its final state only
                                    java.util.Arrays.fill(incoming, 0, length, 0.0);
                                }
                                for (boolean reversed : directions(model)) {
                                    DirectionWeights w = reversed ? model.layer(k).reverse() : model.layer(k).forward();
                                    DirectionTrace tr = reversed ? trace.reverse(k) : trace.forward(k);
                                    RelevanceLane fast = lane(length, w.inputSize(), input, incoming);
                                    RelevanceLane slow = lane(length, w.inputSize(), input, incoming);
                                    copy.propagate(w, tr, fast, reversed, fromEveryStep);
                                    general.propagate(w, new DirectionTrace[] {tr}, new RelevanceLane[] {slow}, 1,
                                            reversed);
                                    String at = where + " " + split + " eps=" + eps + " bias-factor=" + biasFactor
                                            + " layer " + k + (reversed ? " reverse" : " forward");
                                    // R of the input rows, of h_0 and c_0, and what is absorbed, relative to
                                    // the largest of them
                                    NumericAssertions.assertClose(outcome(fast, length * w.inputSize()),
                                            outcome(slow, length * w.inputSize()), TOLERANCE, at);
                                }
                            }
                        }
                    }
                }
            }
        },
        SINGLE_UNIT_LSTM_DECOMPOSITION(1) {
            @Override
            void check(RecurrentNetwork model, Sequence x, Random random, String where) {
                NetworkTrace trace = model.forward(x, model.newTrace());
                int length = x.length();
                double[] input = layerInput(trace, 0);
                for (boolean reversed : directions(model)) {
                    DirectionWeights w = reversed ? model.layer(0).reverse() : model.layer(0).forward();
                    DirectionTrace tr = reversed ? trace.reverse(0) : trace.forward(0);
                    double fcWeight = model.fcWeight(0, reversed ? 1 : 0);
                    double[] scores = new double[length];
                    new SingleUnitLstmDecomposition().scores(w, tr, input, reversed, fcWeight, scores);
                    double[][] parts = new double[length][3];
                    for (int t = 0; t < length; t++) {
                        w.inputProduct(3, input, t * w.inputSize(), parts[t]);
                    }
                    LstmDecomposition general = new LstmDecomposition();
                    double[] expected = new double[length];
                    for (int word = 0; word < length; word++) {
                        general.decompose(w, tr, parts, null, null, word, reversed);
                        // the copy scores processing steps: the reverse direction reads row `word` at step T − 1 − word
                        expected[reversed ? length - 1 - word : word] = fcWeight * general.relevantH[length];
                    }
                    NumericAssertions.assertClose(scores, expected, TOLERANCE,
                            where + (reversed ? " reverse" : " forward") + " scores");
                }
            }
        };

        /** The most layers of a model the copy runs on. */
        final int maxLayers;

        Copy(int maxLayers) {
            this.maxLayers = maxLayers;
        }

        abstract void check(RecurrentNetwork model, Sequence x, Random random, String where);
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Copy copy : Copy.values()) {
            for (int layers = 1; layers <= copy.maxLayers; layers++) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    for (int inputs = 1; inputs <= 3; inputs++) {
                        cases.add(Arguments.of(copy, new NetworkShape(CellKind.LSTM, layers, inputs, 1, 2,
                                bidirectional, true, inputs != 2)));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void the_copy_agrees_with_its_general_pass(Copy copy, NetworkShape shape) {
        Random random = new Random(shape.seed() + copy.ordinal());
        int compared = 0;
        for (int variant = 0; variant < 3; variant++) {
            // plain weights, saturating weights, no biases (zero pre-activations on zero input rows)
            NetworkShape modelShape = variant == 2 ? shape.withBiases(false, false) : shape;
            RecurrentNetwork model = RandomNetworks.network(random, modelShape, variant == 1 ? 4.0 : 1.0);
            for (int length = 1; length <= 15; length++) {
                double[][] rows = RandomNetworks.sequence(random, length, shape.inputs()).toArray();
                if (length > 2) {
                    rows[random.nextInt(length)] = new double[shape.inputs()];
                }
                copy.check(model, Sequence.of(rows), random, modelShape + " variant " + variant + " T=" + length);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(45);
    }

    private static boolean[] directions(RecurrentNetwork model) {
        return model.isBidirectional() ? new boolean[] {false, true} : new boolean[] {false};
    }

    /** Layer k's input rows, T x D_k row-major. */
    private static double[] layerInput(NetworkTrace trace, int layer) {
        double[] values = new double[trace.length() * trace.layerInputWidth(layer)];
        trace.copyLayerInput(layer, values);
        return values;
    }

    /** A lane over {@code input} with {@code incoming[s + 1]} reaching h_s from outside. */
    private static RelevanceLane lane(int length, int inputs, double[] input, double[] incoming) {
        RelevanceLane lane = new RelevanceLane();
        lane.ensure(length, 1, 4, inputs);
        lane.x = input;
        lane.rx = new double[length * inputs];
        System.arraycopy(incoming, 0, lane.rh, 0, length + 1);
        return lane;
    }

    /** [R of the input rows, R of h_0, R of c_0, absorbed]. */
    private static double[] outcome(RelevanceLane lane, int values) {
        double[] outcome = java.util.Arrays.copyOf(lane.rx, values + 3);
        outcome[values] = lane.rh[0];
        outcome[values + 1] = lane.rc[0];
        outcome[values + 2] = lane.absorbed;
        return outcome;
    }

    private static void compare(SingleUnitPasses.Result[] copies, SingleUnitPasses.Result[] generals, String where) {
        assertThat(copies).hasSameSizeAs(generals);
        for (int b = 0; b < copies.length; b++) {
            SingleUnitPasses.Result copy = copies[b];
            SingleUnitPasses.Result general = generals[b];
            String lane = where + " lane " + b;
            NumericAssertions.assertClose(copy.z(), general.z(), TOLERANCE, lane + " z");
            NumericAssertions.assertClose(copy.gate(), general.gate(), TOLERANCE, lane + " gates");
            NumericAssertions.assertClose(copy.c(), general.c(), TOLERANCE, lane + " c");
            NumericAssertions.assertClose(copy.h(), general.h(), TOLERANCE, lane + " h");
            NumericAssertions.assertClose(copy.tanhC(), general.tanhC(), TOLERANCE, lane + " tanh c");
            NumericAssertions.assertClose(copy.dx(), general.dx(), TOLERANCE, lane + " ∂/∂x");
            NumericAssertions.assertClose(copy.deltas(), general.deltas(), TOLERANCE, lane + " δz");
            NumericAssertions.assertClose(new double[] {copy.dhBefore(), copy.dcBefore()},
                    new double[] {general.dhBefore(), general.dcBefore()}, TOLERANCE, lane + " ∂/∂h_0, ∂/∂c_0");
        }
    }

    private static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextGaussian();
        }
        return v;
    }
}
