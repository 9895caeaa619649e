package dev.explainunit.sentiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A row of the paper's Table 5: a misclassified test sentence with each method's word relevance
 * for the predicted class.
 *
 * @param index       the sentence's position in the test set
 * @param tokens      the words
 * @param label       the true class
 * @param predicted   the model's class
 * @param probability the softmax probability of the predicted class, P_pred = exp f_pred / Σ_c exp f_c
 * @param relevance   per method id, one value per word, for the predicted class
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MisclassifiedSentence(int index, List<String> tokens, int label, int predicted, double probability,
                                    Map<String, double[]> relevance) {

    public MisclassifiedSentence {
        tokens = List.copyOf(tokens);
        relevance = Collections.unmodifiableMap(new LinkedHashMap<>(relevance));
    }

    /** This sentence with one more method's relevance. */
    public MisclassifiedSentence with(String method, double[] wordRelevance) {
        Map<String, double[]> more = new LinkedHashMap<>(relevance);
        more.put(method, wordRelevance.clone());
        return new MisclassifiedSentence(index, tokens, label, predicted, probability, more);
    }
}
