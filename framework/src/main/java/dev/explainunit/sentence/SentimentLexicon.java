package dev.explainunit.sentence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of the {@link SentimentCorpus} grammar. Multi-word entries are split on spaces into
 * tokens; every token the grammar emits comes from these lists, so {@link #tokens()} is the
 * corpus vocabulary.
 */
final class SentimentLexicon {

    /** Positive words: strength 1, then strength 2. */
    static final List<String> POSITIVE_1 = List.of("good", "nice", "fine", "pleasant", "decent", "enjoyable",
            "likable", "solid", "charming", "funny", "clever", "engaging", "entertaining", "interesting", "warm",
            "sweet", "fresh", "smart", "touching", "lively", "watchable", "appealing", "competent", "satisfying");
    static final List<String> POSITIVE_2 = List.of("great", "excellent", "wonderful", "brilliant", "superb",
            "masterful", "outstanding", "terrific", "fantastic", "beautiful", "moving", "gripping", "hilarious",
            "stunning", "delightful", "remarkable", "powerful", "perfect", "exceptional", "marvelous",
            "extraordinary", "magnificent", "riveting", "glorious");
    /** Negative words: strength 1, then strength 2. */
    static final List<String> NEGATIVE_1 = List.of("bad", "dull", "weak", "boring", "silly", "flat", "bland",
            "tedious", "slow", "messy", "predictable", "clumsy", "forgettable", "shallow", "uneven", "tired", "thin",
            "lazy", "mediocre", "stale", "sloppy", "lame", "awkward");
    static final List<String> NEGATIVE_2 = List.of("awful", "terrible", "horrible", "dreadful", "atrocious",
            "unbearable", "painful", "pathetic", "abysmal", "disastrous", "laughable", "pointless", "unwatchable",
            "worthless", "insufferable", "hideous", "embarrassing", "idiotic", "excruciating", "wretched", "ghastly",
            "appalling", "lousy", "miserable");

    static final List<String> NEGATORS = List.of("not", "n't", "never", "hardly", "barely", "scarcely", "rarely",
            "seldom");
    static final List<String> AMPLIFIERS = List.of("very", "extremely", "really", "truly", "incredibly",
            "remarkably", "deeply", "utterly", "thoroughly", "so");
    static final String CONTRAST = "but";
    static final List<String> PUNCTUATION = List.of(".", "!", ",", ";");

    static final List<String> SINGULAR = List.of("film", "movie", "story", "plot", "script", "acting", "direction",
            "dialogue", "soundtrack", "ending", "pacing", "humor", "screenplay", "photography", "premise",
            "performance", "comedy", "drama", "thriller", "documentary", "romance", "sequel", "cast");
    static final List<String> PLURAL = List.of("characters", "performances", "jokes", "effects", "visuals",
            "songs", "actors", "scenes");
    static final List<String> MODIFIERS = List.of("new", "latest", "whole", "french", "american", "animated",
            "british", "italian", "original", "main");
    static final List<String> DETERMINERS = List.of("the", "this", "its");
    static final List<String> PLURAL_DETERMINERS = List.of("the", "these", "its");

    /** Neutral clauses that open a sentence, followed by a comma. */
    static final List<String> PREFIXES = List.of("in the end", "at times", "by the end", "for the most part",
            "in its second half", "after the first hour", "as the story unfolds", "on the whole",
            "like most films of its kind", "at two hours", "set in a small town", "based on a true story",
            "with a cast of unknowns", "in the third act", "from the opening scene");
    /** Neutral clauses that end a clause. */
    static final List<String> SUFFIXES = List.of("from beginning to end", "for most of its running time",
            "in every scene", "as a whole", "on the big screen", "for a family audience", "in the third act",
            "at least for a while", "in the way it was made", "most of the time");
    /** Neutral relative clauses after a subject, between commas. */
    static final List<String> RELATIVES = List.of("which was shot in PLACE", "which runs almost two hours",
            "directed by a former PERSON", "based on the novel", "with its large cast", "which opens this week",
            "set in PLACE in the DECADE");
    /** Neutral sentences; PERSON, PLACE, DECADE, RELATIVE, EVENT are slots. */
    static final List<String> NEUTRAL = List.of("the story follows a PERSON and his RELATIVE in PLACE",
            "the film is set in PLACE in the DECADE", "it runs about two hours",
            "it is a DRAMA about a PERSON who EVENT", "the movie opens in PLACE this week",
            "the director made the film in PLACE", "a PERSON EVENT in PLACE",
            "the film was made for television", "there are three songs and one dance number",
            "the story takes place over one summer");
    static final List<String> PERSON = List.of("young teacher", "lawyer", "detective", "soldier", "writer",
            "doctor", "farmer", "student", "police officer", "musician");
    static final List<String> PLACE = List.of("paris", "london", "new york", "chicago", "rome", "the city",
            "a small town", "texas");
    static final List<String> DECADE = List.of("sixties", "seventies", "eighties", "nineties");
    static final List<String> RELATIVE = List.of("brother", "sister", "father", "mother", "family", "friends");
    static final List<String> EVENT = List.of("moves to the city", "returns home", "finds a job",
            "meets a stranger", "travels to PLACE", "leaves his family");
    static final List<String> DRAMA = List.of("drama", "comedy", "thriller", "documentary");

    /** Fixed phrase words of the clause templates. */
    static final List<String> FRAME = List.of("is", "was", "are", "were", "it", "'s", "a", "an", "does", "feel",
            "feels", "seems", "seem", "looks", "look", "i", "found", "and", "who", "his");

    private SentimentLexicon() {
    }

    /** Every token the grammar can emit, each once, in a fixed order. */
    static List<String> tokens() {
        Set<String> tokens = new LinkedHashSet<>();
        for (List<String> list : List.of(PUNCTUATION, List.of(CONTRAST), NEGATORS, AMPLIFIERS, POSITIVE_1, POSITIVE_2,
                NEGATIVE_1, NEGATIVE_2, FRAME, DETERMINERS, PLURAL_DETERMINERS, SINGULAR, PLURAL, MODIFIERS, PREFIXES, SUFFIXES,
                RELATIVES, NEUTRAL, PERSON, PLACE, DECADE, RELATIVE, EVENT, DRAMA)) {
            for (String entry : list) {
                for (String word : entry.split(" ")) {
                    if (!isSlot(word)) {
                        tokens.add(word);
                    }
                }
            }
        }
        return new ArrayList<>(tokens);
    }

    /** Slot names are upper case. */
    static boolean isSlot(String word) {
        return word.length() > 1 && word.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }
}
