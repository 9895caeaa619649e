package dev.explainunit.lstm;

import dev.explainunit.Sequence;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Seeded random models and sequences for tests. */
public final class RandomLstms {

    private RandomLstms() {
    }

    /** A model with weights uniform in [-scale, scale]; biases and fc.bias always present. */
    public static Lstm lstm(Random random, int inputs, int hidden, int outputs, boolean bidirectional, double scale) {
        LstmDirection forward = direction(random, inputs, hidden, scale);
        LstmDirection reverse = bidirectional ? direction(random, inputs, hidden, scale) : null;
        int features = bidirectional ? 2 * hidden : hidden;
        return new Lstm(forward, reverse, matrix(random, outputs, features, scale), matrix(random, outputs, 1, scale));
    }

    /** One direction with weights uniform in [-scale, scale]. */
    public static LstmDirection direction(Random random, int inputs, int hidden, double scale) {
        return new LstmDirection(matrix(random, 4 * hidden, inputs, scale), matrix(random, 4 * hidden, hidden, scale),
                matrix(random, 4 * hidden, 1, scale), matrix(random, 4 * hidden, 1, scale));
    }

    /** A rows x cols matrix uniform in [-scale, scale]. */
    public static DMatrixRMaj matrix(Random random, int rows, int cols, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = scale * (2 * random.nextDouble() - 1);
        }
        return m;
    }

    /** A T x D sequence uniform in [-1, 1]. */
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
