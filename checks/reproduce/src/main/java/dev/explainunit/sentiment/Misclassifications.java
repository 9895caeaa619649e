package dev.explainunit.sentiment;

import dev.explainunit.checks.ModelPasses;
import dev.explainunit.composition.SentenceClassifier;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The paper's Table 5 (section 4): the test sentences the model misclassifies most confidently,
 * ranked by the softmax probability of the predicted class (equal ones by test-set position).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Misclassifications {

    private Misclassifications() {
    }

    /**
     * The {@code count} most confidently misclassified labelled sentences of {@code test}, without
     * relevance yet ({@link MisclassifiedSentence#with}); unlabelled sentences are skipped.
     */
    public static List<MisclassifiedSentence> mostConfident(SentenceModel model, List<SentenceRecord> test,
                                                            int count, int threads) {
        double[][] scores = new double[test.size()][];
        ModelPasses.forEach(test.size(), threads, i -> scores[i] = model.predict(test.get(i).tokens()));
        List<MisclassifiedSentence> wrong = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            SentenceRecord s = test.get(i);
            int predicted = SentenceClassifier.argmax(scores[i]);
            if (s.hasLabel() && predicted != s.label()) {
                wrong.add(new MisclassifiedSentence(i, s.tokens(), s.label(), predicted,
                        softmax(scores[i], predicted), Map.of()));
            }
        }
        wrong.sort(Comparator.comparingDouble((MisclassifiedSentence m) -> -m.probability())
                .thenComparingInt(MisclassifiedSentence::index));
        return List.copyOf(wrong.subList(0, Math.min(count, wrong.size())));
    }

    /** P_c = exp(f_c − max f) / Σ_k exp(f_k − max f), shifted so that no exponent overflows. */
    static double softmax(double[] scores, int c) {
        double max = scores[SentenceClassifier.argmax(scores)];
        double sum = 0;
        for (double f : scores) {
            sum += Math.exp(f - max);
        }
        return Math.exp(scores[c] - max) / sum;
    }
}
