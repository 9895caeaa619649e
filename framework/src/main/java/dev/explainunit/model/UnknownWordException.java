package dev.explainunit.model;

import org.apiguardian.api.API;

/**
 * A word that is not in a vocabulary without {@value Vocabulary#UNKNOWN}. The message names the
 * word; callers add where it stands (file and line, sentence and position).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class UnknownWordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String word;

    UnknownWordException(String word) {
        super("unknown word " + Vocabulary.shown(word) + ": not in the vocabulary, which has no "
                + Vocabulary.UNKNOWN + " token");
        this.word = word;
    }

    /** The word that has no id. */
    public String word() {
        return word;
    }
}
