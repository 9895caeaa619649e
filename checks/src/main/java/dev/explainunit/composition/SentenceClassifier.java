package dev.explainunit.composition;

import dev.explainunit.model.SentenceModel;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A classifier of token lists: the prediction scores f_c (one per class, before any softmax) of a
 * sentence. {@link SentenceModel#predict} is one; the composition samples of appendix A.5 need no
 * more than this.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface SentenceClassifier {

    /** The scores f_c(tokens), one per class. */
    double[] scores(List<String> tokens);

    /** The class with the largest score, the first of equal ones. */
    default int predictClass(List<String> tokens) {
        return argmax(scores(tokens));
    }

    /** The index of the largest value, the first of equal ones. */
    static int argmax(double[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }
}
