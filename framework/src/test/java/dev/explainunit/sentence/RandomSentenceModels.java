package dev.explainunit.sentence;

import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.DirectionWeights;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Small random bidirectional sentence classifiers over a given vocabulary, for tests. */
final class RandomSentenceModels {

    private RandomSentenceModels() {
    }

    /** Five classes, E = H = {@code size}, weights uniform in ±0.5, embedding in ±1. */
    static SentenceModel model(Vocabulary vocabulary, int size, long seed) {
        Random random = new Random(seed);
        DirectionWeights forward = direction(random, size);
        DirectionWeights reverse = direction(random, size);
        RecurrentNetwork lstm = RecurrentNetwork.singleLayer(forward, reverse, uniform(random, 5, 2 * size, 0.5), uniform(random, 5, 1, 0.5));
        return new SentenceModel(uniform(random, vocabulary.size(), size, 1), lstm, vocabulary);
    }

    private static DirectionWeights direction(Random random, int size) {
        return DirectionWeights.lstm(uniform(random, 4 * size, size, 0.5), uniform(random, 4 * size, size, 0.5),
                uniform(random, 4 * size, 1, 0.5), uniform(random, 4 * size, 1, 0.5));
    }

    private static DMatrixRMaj uniform(Random random, int rows, int cols, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (2 * random.nextDouble() - 1) * scale;
        }
        return m;
    }
}
