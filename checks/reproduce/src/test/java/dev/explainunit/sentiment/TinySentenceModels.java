package dev.explainunit.sentiment;

import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.model.Vocabulary;
import dev.explainunit.sentence.SentenceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Small hand-built sentence models and corpora with fixed seeds, for tests that recompute results directly. */
final class TinySentenceModels {

    static final List<String> WORDS = List.of("<unk>", "good", "bad", "not", "very", "film", "the", "a", ".");

    private TinySentenceModels() {
    }

    /** A random LSTM (uniform weights in ±scale) behind a random embedding of {@link #WORDS}. */
    static SentenceModel model(long seed, int embedding, int hidden, int classes, boolean bidirectional,
                               double scale) {
        Random random = new Random(seed);
        DirectionWeights forward = direction(random, embedding, hidden, scale);
        DirectionWeights reverse = bidirectional ? direction(random, embedding, hidden, scale) : null;
        int features = bidirectional ? 2 * hidden : hidden;
        RecurrentNetwork lstm = RecurrentNetwork.singleLayer(forward, reverse, uniform(random, classes, features, scale),
                uniform(random, classes, 1, scale));
        return new SentenceModel(uniform(random, WORDS.size(), embedding, 1.0), lstm, Vocabulary.of(WORDS));
    }

    private static DirectionWeights direction(Random random, int embedding, int hidden, double scale) {
        return DirectionWeights.lstm(uniform(random, 4 * hidden, embedding, scale), uniform(random, 4 * hidden, hidden, scale),
                uniform(random, 4 * hidden, 1, scale), uniform(random, 4 * hidden, 1, scale));
    }

    static DMatrixRMaj uniform(Random random, int rows, int cols, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (2 * random.nextDouble() - 1) * scale;
        }
        return m;
    }

    /** {@code count} sentences of 6..13 random words of {@link #WORDS} (not {@code <unk>}), random labels. */
    static List<SentenceRecord> corpus(long seed, int count, int classes) {
        Random random = new Random(seed);
        List<SentenceRecord> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = 6 + random.nextInt(8);
            List<String> tokens = new ArrayList<>();
            for (int t = 0; t < length; t++) {
                tokens.add(WORDS.get(1 + random.nextInt(WORDS.size() - 1)));
            }
            sentences.add(new SentenceRecord(tokens, random.nextInt(classes), i + 1));
        }
        return sentences;
    }
}
