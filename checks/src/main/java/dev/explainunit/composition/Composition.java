package dev.explainunit.composition;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The four semantic compositions of the paper's Table 4 (appendix A.5), on the five SST classes
 * 0 (−−), 1 (−), 2 (0), 3 (+), 4 (++). Each sample's predicted class, the class the composition
 * keeps, is its target.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Composition {
    /** "not good" predicted − (class 1). */
    NEGATED_POSITIVE("negated-positive", 1, List.of("<not>", "<good>")),
    /** "very good" predicted ++ (class 4). */
    AMPLIFIED_POSITIVE("amplified-positive", 4, List.of("<very>", "<good>")),
    /** "very bad" predicted −− (class 0). */
    AMPLIFIED_NEGATIVE("amplified-negative", 0, List.of("<very>", "<bad>")),
    /** "not very good" predicted − (class 1), where "very good" alone is predicted ++. */
    NEGATED_AMPLIFIED_POSITIVE("negated-amplified-positive", 1, List.of("<not>", "<very>", "<good>"));

    /** The classes of the five-class sentiment models the compositions are defined on. */
    public static final int CLASSES = 5;
    /** The SST classes by index. */
    public static final int VERY_NEGATIVE = 0, NEGATIVE = 1, NEUTRAL = 2, POSITIVE = 3, VERY_POSITIVE = 4;

    private final String key;
    private final int predicted;
    private final List<String> words;

    Composition(String key, int predicted, List<String> words) {
        this.key = key;
        this.predicted = predicted;
        this.words = words;
    }

    /** The JSON key, {@code table4.<key>.<method>}. */
    public String key() {
        return key;
    }

    /** The class a kept sample is predicted as, and the target of its explanation. */
    public int predicted() {
        return predicted;
    }

    /** The placeholders of the sample's words, as in the paper's heatmaps. */
    public List<String> words() {
        return words;
    }
}
