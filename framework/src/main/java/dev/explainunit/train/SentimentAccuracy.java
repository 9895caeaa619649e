package dev.explainunit.train;

import dev.explainunit.sentence.CorpusSentence;
import dev.explainunit.sentence.TokenRole;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;

/**
 * A classifier's accuracy on sentences of the sentiment corpus, overall and on the sentences that
 * need composition: those with a negator and those with a contrast ("X, but Y").
 *
 * @param overall            fraction of all sentences classified correctly
 * @param negation           ... of those with a {@link TokenRole#NEGATOR}
 * @param contrast           ... of those with a {@link TokenRole#CONTRAST}
 * @param sentences          number of sentences
 * @param negationSentences  number with a negator
 * @param contrastSentences  number with a contrast
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentimentAccuracy(double overall, double negation, double contrast, int sentences,
                                int negationSentences, int contrastSentences) {

    /** The accuracy of {@code classifier} (tokens to class) on {@code sentences}. */
    public static SentimentAccuracy of(List<CorpusSentence> sentences, ToIntFunction<List<String>> classifier) {
        int[] total = new int[3];
        int[] correct = new int[3];
        for (CorpusSentence s : sentences) {
            boolean right = classifier.applyAsInt(s.tokens()) == s.label();
            boolean[] in = {true, s.has(TokenRole.NEGATOR), s.has(TokenRole.CONTRAST)};
            for (int k = 0; k < 3; k++) {
                if (in[k]) {
                    total[k]++;
                    correct[k] += right ? 1 : 0;
                }
            }
        }
        return new SentimentAccuracy(ratio(correct[0], total[0]), ratio(correct[1], total[1]),
                ratio(correct[2], total[2]), total[0], total[1], total[2]);
    }

    private static double ratio(int correct, int total) {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
