package dev.explainunit.composition;

import dev.explainunit.sentence.CorpusSentence;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.sentence.TokenRole;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The candidate negators and amplifiers of appendix A.5, before the model's "neutral alone" filter.
 * The paper starts from the lists of Strohm and Klinger (2018), 39 negators and 69 amplifiers;
 * those lists are not shipped here. For the bundled corpus the candidates are the grammar's own
 * modifiers ({@link #of(SentimentCorpus)}); for a user's model, {@link #english()}.
 *
 * @param negators   candidate negators, in order, distinct
 * @param amplifiers candidate amplifiers, in order, distinct
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ModifierWords(List<String> negators, List<String> amplifiers) {

    private static final List<String> ENGLISH_NEGATORS = List.of("not", "n't", "no", "never", "neither", "nor",
            "none", "nobody", "nothing", "nowhere", "hardly", "barely", "scarcely", "rarely", "seldom", "without",
            "cannot", "lacks", "lacking", "lack");
    private static final List<String> ENGLISH_AMPLIFIERS = List.of("very", "extremely", "really", "truly",
            "incredibly", "remarkably", "deeply", "utterly", "thoroughly", "so", "completely", "entirely", "highly",
            "insanely", "purely", "absolutely", "totally", "particularly", "especially", "exceptionally", "terribly",
            "awfully", "hugely", "immensely", "most", "too", "super", "genuinely", "downright", "wholly", "fully",
            "strikingly", "exceedingly", "tremendously", "enormously", "amazingly", "unbelievably", "extraordinarily",
            "intensely", "profoundly", "seriously", "supremely", "overly", "vastly", "undeniably", "decidedly",
            "positively", "simply", "quite", "such");

    public ModifierWords {
        negators = List.copyOf(new LinkedHashSet<>(negators));
        amplifiers = List.copyOf(new LinkedHashSet<>(amplifiers));
    }

    /**
     * A default list of English negators (20) and amplifiers (50), compiled for ExplainUnit after
     * the kinds of words in Strohm and Klinger (2018): for a user's model, whose vocabulary decides
     * which of them are used.
     */
    public static ModifierWords english() {
        return new ModifierWords(ENGLISH_NEGATORS, ENGLISH_AMPLIFIERS);
    }

    /** The tokens the corpus grammar uses as negators and amplifiers (their {@link TokenRole}), in order of first use. */
    public static ModifierWords of(SentimentCorpus corpus) {
        Set<String> negators = new LinkedHashSet<>();
        Set<String> amplifiers = new LinkedHashSet<>();
        List<CorpusSentence> all = new ArrayList<>(corpus.train());
        all.addAll(corpus.phrases());
        for (CorpusSentence s : all) {
            for (int t = 0; t < s.length(); t++) {
                if (s.roles().get(t) == TokenRole.NEGATOR) {
                    negators.add(s.tokens().get(t));
                } else if (s.roles().get(t) == TokenRole.AMPLIFIER) {
                    amplifiers.add(s.tokens().get(t));
                }
            }
        }
        return new ModifierWords(new ArrayList<>(negators), new ArrayList<>(amplifiers));
    }
}
