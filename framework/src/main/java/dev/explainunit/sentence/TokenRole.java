package dev.explainunit.sentence;

import org.apiguardian.api.API;

/** What a token of the {@link SentimentCorpus} does in the grammar. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TokenRole {
    /** A positive or negative word of strength 1 or 2 ("good", "awful"). */
    POLAR,
    /** Negates its clause once ("not", "never", "hardly", ...). */
    NEGATOR,
    /** Strengthens the polar word after it ("very", "extremely", ...). */
    AMPLIFIER,
    /** "but": the clauses before it count a quarter. */
    CONTRAST,
    /** Words without sentiment: subjects, verbs, neutral clauses. */
    FILLER,
    /** Commas, full stops, exclamation marks. */
    PUNCTUATION
}
