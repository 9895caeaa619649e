package dev.explainunit.sentence;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One sentence of a JSON Lines file.
 *
 * @param tokens the words, non-empty, none empty
 * @param label  the class, from 0; {@link #NO_LABEL} where the line has none
 * @param line   the line it was read from, from 1; 0 for a sentence not read from a file
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentenceRecord(List<String> tokens, int label, long line) {

    /** The label of a sentence without one. */
    public static final int NO_LABEL = -1;

    /** @throws IllegalArgumentException if there are no tokens or the label is below {@link #NO_LABEL} */
    public SentenceRecord {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a sentence needs at least one token");
        }
        if (label < NO_LABEL) {
            throw new IllegalArgumentException("label " + label + " is negative");
        }
    }

    /** A labelled sentence not read from a file. */
    public static SentenceRecord of(List<String> tokens, int label) {
        return new SentenceRecord(tokens, label, 0);
    }

    /** Whether the sentence has a label. */
    public boolean hasLabel() {
        return label != NO_LABEL;
    }
}
