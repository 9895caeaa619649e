package dev.explainunit.model;

import dev.explainunit.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Seeded random networks of every cell kind, depth and direction, and random sequences, for tests. */
public final class RandomNetworks {

    private RandomNetworks() {
    }

    /**
     * A network of {@code shape} with every weight and bias uniform in [−scale, scale] (biases and
     * fc.bias as the shape says).
     */
    public static RecurrentNetwork network(Random random, NetworkShape shape, double scale) {
        List<RecurrentLayer> layers = new ArrayList<>();
        int features = shape.bidirectional() ? 2 * shape.hidden() : shape.hidden();
        for (int k = 0; k < shape.layers(); k++) {
            int inputs = k == 0 ? shape.inputs() : features;
            DirectionWeights forward = direction(random, shape.kind(), inputs, shape.hidden(), scale, shape.biases());
            DirectionWeights reverse = shape.bidirectional()
                    ? direction(random, shape.kind(), inputs, shape.hidden(), scale, shape.biases()) : null;
            layers.add(new RecurrentLayer(forward, reverse));
        }
        return new RecurrentNetwork(layers, matrix(random, shape.outputs(), features, scale),
                shape.fcBias() ? matrix(random, shape.outputs(), 1, scale) : null);
    }

    /** {@link #network(Random, NetworkShape, double)} with a fresh generator seeded with {@code seed}. */
    public static RecurrentNetwork network(NetworkShape shape, long seed, double scale) {
        return network(new Random(seed), shape, scale);
    }

    /** A single-layer LSTM with both bias vectors and fc.bias, weights uniform in [−scale, scale]. */
    public static RecurrentNetwork lstm(Random random, int inputs, int hidden, int outputs, boolean bidirectional,
                                       double scale) {
        return network(random, NetworkShape.lstm(inputs, hidden, outputs, bidirectional), scale);
    }

    /** One direction with weights (and, with {@code biases}, both bias vectors) uniform in [−scale, scale]. */
    public static DirectionWeights direction(Random random, CellKind kind, int inputs, int hidden, double scale,
                                             boolean biases) {
        int rows = kind.gates() * hidden;
        return new DirectionWeights(kind, matrix(random, rows, inputs, scale), matrix(random, rows, hidden, scale),
                biases ? matrix(random, rows, 1, scale) : null, biases ? matrix(random, rows, 1, scale) : null);
    }

    /** A rows x cols matrix uniform in [−scale, scale]. */
    public static DMatrixRMaj matrix(Random random, int rows, int cols, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = scale * (2 * random.nextDouble() - 1);
        }
        return m;
    }

    /** A T x D sequence uniform in [−1, 1]. */
    public static Sequence sequence(Random random, int length, int inputs) {
        double[][] steps = new double[length][inputs];
        for (double[] step : steps) {
            for (int d = 0; d < inputs; d++) {
                step[d] = 2 * random.nextDouble() - 1;
            }
        }
        return Sequence.of(steps);
    }
}
