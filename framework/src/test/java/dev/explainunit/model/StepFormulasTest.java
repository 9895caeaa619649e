package dev.explainunit.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.Sequence;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every recorded step of every layer and direction has the bits of the cell's formulas summed
 * plainly, row by row, in the order the model documents (the input part from b over the inputs
 * in order, then the recurrent part over the units in order; for a GRU the recurrent part summed
 * from b_hh on its own): the vector loops, the unrolled single-unit pass and the kept input
 * projections reorder nothing. The sizes straddle the vector widths (2, 4 and 8 doubles).
 */
class StepFormulasTest {

    private static final int[] HIDDEN = {1, 2, 3, 5, 9, 16};
    private static final int[] INPUTS = {1, 3, 4, 8, 13};

    @Test
    void every_step_of_every_layer_and_direction_has_the_bits_of_the_plain_formulas() {
        Random random = new Random(23);
        int trial = 0;
        for (CellKind kind : CellKind.values()) {
            for (int hidden : HIDDEN) {
                for (int inputs : INPUTS) {
                    int layers = 1 + trial % 3;
                    boolean bidirectional = trial % 2 == 1;
                    NetworkShape shape = new NetworkShape(kind, layers, inputs, hidden, 2, bidirectional,
                            trial % 4 != 3, true);
                    RecurrentNetwork model = RandomNetworks.network(random, shape, trial % 3 == 0 ? 3.0 : 1.0);
                    Sequence x = RandomNetworks.sequence(random, 1 + random.nextInt(9), inputs);
                    NetworkTrace trace = model.forward(x, model.newTrace());
                    for (int k = 0; k < layers; k++) {
                        double[][] input = layerInput(trace, k);
                        check(model.layer(k).forward(), trace.forward(k), input, false, shape + " layer " + k);
                        if (bidirectional) {
                            check(model.layer(k).reverse(), trace.reverse(k), input, true,
                                    shape + " layer " + k + " reverse");
                        }
                    }
                    trial++;
                }
            }
        }
    }

    private static double[][] layerInput(NetworkTrace trace, int layer) {
        double[][] rows = new double[trace.length()][trace.layerInputWidth(layer)];
        for (int t = 0; t < rows.length; t++) {
            for (int d = 0; d < rows[t].length; d++) {
                rows[t][d] = trace.layerInput(layer, t, d);
            }
        }
        return rows;
    }

    private static void check(DirectionWeights w, DirectionTrace tr, double[][] input, boolean reversed, String where) {
        int hidden = w.hiddenSize();
        int length = input.length;
        for (int s = 0; s < length; s++) {
            double[] x = input[reversed ? length - 1 - s : s];
            String at = where + " step " + s;
            if (w.kind() == CellKind.LSTM) {
                for (int j = 0; j < 4 * hidden; j++) {
                    double sum = w.bias(j);
                    for (int d = 0; d < x.length; d++) {
                        sum += w.weightIh(j, d) * x[d];
                    }
                    for (int q = 0; q < hidden; q++) {
                        sum += w.weightHh(j, q) * tr.h(s - 1, q);
                    }
                    boolean g = j / hidden == DirectionWeights.GATE_G;
                    assertThat(tr.z(s, j)).as("%s z_%d", at, j).isEqualTo(sum);
                    assertThat(tr.gate(s, j)).as("%s gate_%d", at, j)
                            .isEqualTo(g ? Activations.tanh(sum) : Activations.sigmoid(sum));
                }
                for (int k = 0; k < hidden; k++) {
                    double cell = tr.gate(s, hidden + k) * tr.c(s - 1, k) + tr.gate(s, k) * tr.gate(s, 2 * hidden + k);
                    assertThat(tr.c(s, k)).as("%s c_%d", at, k).isEqualTo(cell);
                    assertThat(tr.tanhC(s, k)).as("%s tanh c_%d", at, k).isEqualTo(Activations.tanh(cell));
                    assertThat(tr.h(s, k)).as("%s h_%d", at, k)
                            .isEqualTo(tr.gate(s, 3 * hidden + k) * Activations.tanh(cell));
                }
            } else {
                double[] inputPart = new double[3 * hidden];
                double[] recurrentPart = new double[3 * hidden];
                for (int j = 0; j < 3 * hidden; j++) {
                    inputPart[j] = w.biasIh(j);
                    for (int d = 0; d < x.length; d++) {
                        inputPart[j] += w.weightIh(j, d) * x[d];
                    }
                    recurrentPart[j] = w.biasHh(j);
                    for (int q = 0; q < hidden; q++) {
                        recurrentPart[j] += w.weightHh(j, q) * tr.h(s - 1, q);
                    }
                }
                for (int j = 0; j < 2 * hidden; j++) {
                    double sum = inputPart[j] + recurrentPart[j];
                    assertThat(tr.z(s, j)).as("%s z_%d", at, j).isEqualTo(sum);
                    assertThat(tr.gate(s, j)).as("%s gate_%d", at, j).isEqualTo(Activations.sigmoid(sum));
                }
                for (int k = 0; k < hidden; k++) {
                    int n = 2 * hidden + k;
                    double reset = tr.gate(s, k);
                    double update = tr.gate(s, hidden + k);
                    double a = inputPart[n] + reset * recurrentPart[n];
                    double candidate = Activations.tanh(a);
                    assertThat(tr.recurrentCandidate(s, k)).as("%s W_hn h + b_hn of %d", at, k)
                            .isEqualTo(recurrentPart[n]);
                    assertThat(tr.z(s, n)).as("%s a_%d", at, k).isEqualTo(a);
                    assertThat(tr.gate(s, n)).as("%s n_%d", at, k).isEqualTo(candidate);
                    assertThat(tr.h(s, k)).as("%s h_%d", at, k)
                            .isEqualTo((1 - update) * candidate + update * tr.h(s - 1, k));
                }
            }
        }
    }
}
