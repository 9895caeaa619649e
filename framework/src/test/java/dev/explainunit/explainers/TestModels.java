package dev.explainunit.explainers;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.RandomNetworks;
import dev.explainunit.model.RecurrentNetwork;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Models and inputs for the explainer tests. */
final class TestModels {

    private TestModels() {
    }

    /** Single- and two-layer, uni- and bidirectional LSTMs and GRUs, H = 1 among them. */
    static final NetworkShape[] SHAPES = {
            new NetworkShape(CellKind.LSTM, 1, 2, 1, 1, false, true, false),
            new NetworkShape(CellKind.LSTM, 1, 3, 4, 2, false, true, true),
            new NetworkShape(CellKind.LSTM, 1, 2, 3, 3, true, true, true),
            new NetworkShape(CellKind.LSTM, 1, 5, 2, 1, true, true, false),
            new NetworkShape(CellKind.LSTM, 2, 2, 3, 2, true, true, true),
            new NetworkShape(CellKind.LSTM, 3, 3, 2, 1, false, true, false),
            new NetworkShape(CellKind.GRU, 1, 2, 1, 1, false, true, false),
            new NetworkShape(CellKind.GRU, 1, 3, 4, 2, true, true, true),
            new NetworkShape(CellKind.GRU, 2, 2, 3, 3, true, true, true),
    };

    /** The LSTM shapes among {@link #SHAPES}. */
    static List<NetworkShape> lstmShapes() {
        return Arrays.stream(SHAPES).filter(s -> s.kind() == CellKind.LSTM).toList();
    }

    /**
     * Random weights U(−scale, scale), random biases U(−scale, scale) (both vectors, and fc.bias if
     * the shape has one) unless {@code biases} is false.
     */
    static RecurrentNetwork random(NetworkShape shape, long seed, double scale, boolean biases) {
        return RandomNetworks.network(shape.withBiases(biases, biases && shape.fcBias()), seed, scale);
    }

    static RecurrentNetwork random(NetworkShape shape, long seed) {
        return random(shape, seed, 1.0, true);
    }

    /** T steps of U(−1, 1) inputs. */
    static Sequence sequence(int length, int dim, long seed) {
        return RandomNetworks.sequence(new Random(seed), length, dim);
    }

    /** Wraps a model so that only its black-box view is visible. */
    static RecurrentModel blackBox(RecurrentModel model) {
        return new RecurrentModel() {
            @Override
            public int inputSize() {
                return model.inputSize();
            }

            @Override
            public int outputSize() {
                return model.outputSize();
            }

            @Override
            public double[] predict(Sequence x) {
                return model.predict(x);
            }
        };
    }

    /** ∂f_c/∂x_{t,d} by central differences of predict, step 1e-6. */
    static double[][] finiteDifferenceGradient(RecurrentModel model, Sequence x, int target) {
        double h = 1e-6;
        double[][] steps = x.toArray();
        double[][] gradient = new double[x.length()][x.dim()];
        for (int t = 0; t < x.length(); t++) {
            for (int d = 0; d < x.dim(); d++) {
                double keep = steps[t][d];
                steps[t][d] = keep + h;
                double up = model.predict(Sequence.of(steps))[target];
                steps[t][d] = keep - h;
                double down = model.predict(Sequence.of(steps))[target];
                steps[t][d] = keep;
                gradient[t][d] = (up - down) / (2 * h);
            }
        }
        return gradient;
    }

    /**
     * The single-unit addition solution the paper describes (3.2): i, f, o saturated open (bias
     * 30), g = tanh(0.01·x_0) reading only the number dimension, fc.weight compensating the slope.
     */
    static RecurrentNetwork handSetAddition() {
        double open = 30;
        double slope = 0.01;
        DMatrixRMaj weightIh = new DMatrixRMaj(new double[][] {{0, 0}, {0, 0}, {slope, 0}, {0, 0}});
        DMatrixRMaj weightHh = new DMatrixRMaj(4, 1);
        DMatrixRMaj biasIh = new DMatrixRMaj(new double[][] {{open}, {open}, {0}, {open}});
        DirectionWeights direction = DirectionWeights.lstm(weightIh, weightHh, biasIh, null);
        return RecurrentNetwork.singleLayer(direction, null, new DMatrixRMaj(new double[][] {{1 / slope}}), null);
    }
}
