package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.RecurrentNetwork;
import org.junit.jupiter.api.Test;

/**
 * LRP-all against a fresh transcription of the authors' {@code LSTM_bidi.lrp} and
 * {@code lrp_linear} (ArrasL/LRP_for_LSTM), dense matrices and all, for models without output bias
 * (the authors' models have none).
 */
class LrpAllAgainstAuthorsAlgorithmTest {

    @Test
    void lrp_all_equals_the_authors_algorithm_for_several_stabilisers_and_bias_factors() {
        NetworkShape[] shapes = {
                NetworkShape.lstm(2, 1, 1, false).withBiases(true, false),
                NetworkShape.lstm(3, 4, 2, false).withBiases(true, false),
                NetworkShape.lstm(2, 3, 3, true).withBiases(true, false),
                NetworkShape.lstm(4, 2, 2, true).withBiases(true, false),
        };
        for (int m = 0; m < shapes.length; m++) {
            NetworkShape shape = shapes[m];
            RecurrentNetwork model = TestModels.random(shape, 950 + m);
            for (double eps : new double[] {0.001, 0.1}) {
                for (double biasFactor : new double[] {0.0, 1.0}) {
                    LrpExplainer explainer = new LrpExplainer(LrpRule.ALL, eps, biasFactor);
                    for (int length : new int[] {1, 6}) {
                        Sequence x = TestModels.sequence(length, shape.inputs(), 100L * m + length);
                        for (int c = 0; c < shape.outputs(); c++) {
                            double[][] expected = reference(model, x, c, eps, biasFactor);
                            Relevance r = explainer.explain(model, x, c);
                            for (int t = 0; t < length; t++) {
                                for (int d = 0; d < shape.inputs(); d++) {
                                    assertThat(r.input(t, d)).as("%s eps=%s bf=%s t=%d d=%d", shape, eps, biasFactor, t, d)
                                            .isCloseTo(expected[t][d], within(1e-12));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** lrp_linear: hin (D), w (D x M), b (M), hout (M), rout (M). */
    private static double[] lrpLinear(double[] hin, double[][] w, double[] b, double[] hout, double[] rout,
                                      double bias_nb_units, double eps, double biasFactor) {
        double[] rin = new double[hin.length];
        for (int i = 0; i < hin.length; i++) {
            for (int j = 0; j < hout.length; j++) {
                double sign = hout[j] >= 0 ? 1 : -1;
                double numer = w[i][j] * hin[i] + biasFactor * (b[j] + eps * sign) / bias_nb_units;
                double denom = hout[j] + eps * sign;
                rin[i] += numer / denom * rout[j];
            }
        }
        return rin;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** One direction's forward pass: pre-activations [T][4H], gates [T][4H], c and h [T+1][H] (row 0 initial). */
    private record Pass(double[][] pre, double[][] gates, double[][] c, double[][] h, double[][] x) {
    }

    private static Pass forward(DirectionWeights w, Sequence input, boolean reversed) {
        int length = input.length();
        int hidden = w.hiddenSize();
        double[][] x = new double[length][];
        for (int s = 0; s < length; s++) {
            x[s] = input.toArray()[reversed ? length - 1 - s : s];
        }
        double[][] pre = new double[length][4 * hidden];
        double[][] gates = new double[length][4 * hidden];
        double[][] c = new double[length + 1][hidden];
        double[][] h = new double[length + 1][hidden];
        for (int s = 0; s < length; s++) {
            for (int j = 0; j < 4 * hidden; j++) {
                double z = w.biasIh(j) + w.biasHh(j);
                for (int d = 0; d < w.inputSize(); d++) {
                    z += w.weightIh(j, d) * x[s][d];
                }
                for (int k = 0; k < hidden; k++) {
                    z += w.weightHh(j, k) * h[s][k];
                }
                pre[s][j] = z;
                gates[s][j] = j / hidden == 2 ? Math.tanh(z) : sigmoid(z);
            }
            for (int k = 0; k < hidden; k++) {
                c[s + 1][k] = gates[s][hidden + k] * c[s][k] + gates[s][k] * gates[s][2 * hidden + k];
                h[s + 1][k] = gates[s][3 * hidden + k] * Math.tanh(c[s + 1][k]);
            }
        }
        return new Pass(pre, gates, c, h, x);
    }

    private static double[][] reference(RecurrentNetwork model, Sequence input, int target, double eps, double biasFactor) {
        int length = input.length();
        int hidden = model.hiddenSize();
        int outputs = model.outputSize();
        boolean bidirectional = model.isBidirectional();
        Pass left = forward(model.layer(0).forward(), input, false);
        Pass right = bidirectional ? forward(model.layer(0).reverse(), input, true) : null;
        double[] s = new double[outputs];
        for (int c = 0; c < outputs; c++) {
            for (int k = 0; k < hidden; k++) {
                s[c] += model.fcWeight(c, k) * left.h[length][k];
                if (bidirectional) {
                    s[c] += model.fcWeight(c, hidden + k) * right.h[length][k];
                }
            }
        }
        double[] rout = new double[outputs];
        rout[target] = s[target];
        int units = bidirectional ? 2 * hidden : hidden;
        double[][] rx = new double[length][input.dim()];
        addDirection(model, model.layer(0).forward(), left, 0, s, rout, units, eps, biasFactor, false, rx);
        if (bidirectional) {
            addDirection(model, model.layer(0).reverse(), right, hidden, s, rout, units, eps, biasFactor, true, rx);
        }
        return rx;
    }

    private static void addDirection(RecurrentNetwork model, DirectionWeights w, Pass p, int offset, double[] s, double[] rout, int units,
                                     double eps, double biasFactor, boolean reversed, double[][] rx) {
        int length = p.x.length;
        int hidden = w.hiddenSize();
        int dim = w.inputSize();
        double[][] why = new double[hidden][s.length];
        for (int k = 0; k < hidden; k++) {
            for (int c = 0; c < s.length; c++) {
                why[k][c] = model.fcWeight(c, offset + k);
            }
        }
        double[][] identity = new double[hidden][hidden];
        for (int k = 0; k < hidden; k++) {
            identity[k][k] = 1;
        }
        double[][] wxg = new double[dim][hidden];
        double[][] whg = new double[hidden][hidden];
        double[] bg = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            int row = 2 * hidden + k;
            for (int d = 0; d < dim; d++) {
                wxg[d][k] = w.weightIh(row, d);
            }
            for (int q = 0; q < hidden; q++) {
                whg[q][k] = w.weightHh(row, q);
            }
            bg[k] = w.bias(row);
        }
        double[][] rh = new double[length + 1][];
        double[][] rc = new double[length + 1][hidden];
        rh[length] = lrpLinear(p.h[length], why, new double[s.length], s, rout, units, eps, biasFactor);
        for (int t = length - 1; t >= 0; t--) {
            for (int k = 0; k < hidden; k++) {
                rc[t + 1][k] += rh[t + 1][k];
            }
            double[] fc = new double[hidden];
            double[] ig = new double[hidden];
            double[] preG = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                fc[k] = p.gates[t][hidden + k] * p.c[t][k];
                ig[k] = p.gates[t][k] * p.gates[t][2 * hidden + k];
                preG[k] = p.pre[t][2 * hidden + k];
            }
            rc[t] = lrpLinear(fc, identity, new double[hidden], p.c[t + 1], rc[t + 1], 2 * hidden, eps, biasFactor);
            double[] rg = lrpLinear(ig, identity, new double[hidden], p.c[t + 1], rc[t + 1], 2 * hidden, eps, biasFactor);
            double[] rxt = lrpLinear(p.x[t], wxg, bg, preG, rg, dim + hidden, eps, biasFactor);
            rh[t] = lrpLinear(p.h[t], whg, bg, preG, rg, dim + hidden, eps, biasFactor);
            int original = reversed ? length - 1 - t : t;
            for (int d = 0; d < dim; d++) {
                rx[original][d] += rxt[d];
            }
        }
    }
}
