package dev.explainunit.train.internal;

import dev.explainunit.model.Vocabulary;
import dev.explainunit.sentence.SentenceRecord;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Labelled sentences as token ids of a {@link Vocabulary}, ready for the training loops.
 *
 * @param ids    ids[n] the token ids of sentence n
 * @param labels labels[n] its class
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EncodedSentences(int[][] ids, int[] labels) {

    /**
     * @throws IllegalArgumentException naming the sentence (its line where known) that is empty,
     *                                  unlabelled or labelled outside [0, classes)
     * @throws dev.explainunit.model.UnknownWordException if a word is unknown and the vocabulary has no {@code <unk>}
     */
    public static EncodedSentences of(List<SentenceRecord> sentences, Vocabulary vocabulary, int classes) {
        int[][] ids = new int[sentences.size()][];
        int[] labels = new int[sentences.size()];
        for (int n = 0; n < ids.length; n++) {
            SentenceRecord sentence = sentences.get(n);
            String where = sentence.line() > 0 ? "line " + sentence.line() : "sentence " + n;
            if (sentence.tokens().isEmpty()) {
                throw new IllegalArgumentException(where + " has no tokens");
            }
            if (sentence.label() < 0 || sentence.label() >= classes) {
                throw new IllegalArgumentException(where + " has label [" + sentence.label() + "], expected 0.."
                        + (classes - 1));
            }
            ids[n] = new int[sentence.tokens().size()];
            for (int t = 0; t < ids[n].length; t++) {
                ids[n][t] = vocabulary.id(sentence.tokens().get(t));
            }
            labels[n] = sentence.label();
        }
        return new EncodedSentences(ids, labels);
    }

    public int size() {
        return labels.length;
    }

    /** The longest sentence's length (0 if none). */
    public int maxLength() {
        int max = 0;
        for (int[] sentence : ids) {
            max = Math.max(max, sentence.length);
        }
        return max;
    }
}
