package dev.explainunit.explainers;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.DirectionWeights;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Models and inputs for the explainer tests. */
final class TestModels {

    private TestModels() {
    }

    /** A model shape: D inputs, H units, C outputs, direction(s), whether the output layer has a bias. */
    record Shape(int inputs, int hidden, int outputs, boolean bidirectional, boolean outputBias) {
        @Override
        public String toString() {
            return "D=" + inputs + " H=" + hidden + " C=" + outputs + (bidirectional ? " bidirectional" : "")
                    + (outputBias ? " fc.bias" : "");
        }
    }

    static final Shape[] SHAPES = {
            new Shape(2, 1, 1, false, false),
            new Shape(3, 4, 2, false, true),
            new Shape(2, 3, 3, true, true),
            new Shape(5, 2, 1, true, false),
    };

    /** Random weights U(−scale, scale), random biases U(−scale, scale) (both vectors) unless {@code biases} is false. */
    static RecurrentNetwork random(Shape shape, long seed, double scale, boolean biases) {
        Random random = new Random(seed);
        DirectionWeights forward = direction(shape, random, scale, biases);
        DirectionWeights reverse = shape.bidirectional() ? direction(shape, random, scale, biases) : null;
        int features = shape.bidirectional() ? 2 * shape.hidden() : shape.hidden();
        DMatrixRMaj fcWeight = matrix(shape.outputs(), features, random, scale);
        DMatrixRMaj fcBias = shape.outputBias() && biases ? matrix(shape.outputs(), 1, random, scale) : null;
        return RecurrentNetwork.singleLayer(forward, reverse, fcWeight, fcBias);
    }

    static RecurrentNetwork random(Shape shape, long seed) {
        return random(shape, seed, 1.0, true);
    }

    private static DirectionWeights direction(Shape shape, Random random, double scale, boolean biases) {
        int rows = 4 * shape.hidden();
        return DirectionWeights.lstm(matrix(rows, shape.inputs(), random, scale), matrix(rows, shape.hidden(), random, scale),
                biases ? matrix(rows, 1, random, scale) : null, biases ? matrix(rows, 1, random, scale) : null);
    }

    static DMatrixRMaj matrix(int rows, int cols, Random random, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = scale * (2 * random.nextDouble() - 1);
        }
        return m;
    }

    /** T steps of U(−1, 1) inputs. */
    static Sequence sequence(int length, int dim, long seed) {
        Random random = new Random(seed);
        double[][] steps = new double[length][dim];
        for (double[] step : steps) {
            for (int d = 0; d < dim; d++) {
                step[d] = 2 * random.nextDouble() - 1;
            }
        }
        return Sequence.of(steps);
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
