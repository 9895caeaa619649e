package dev.explainunit.composition;

import dev.explainunit.model.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The representative samples of the paper's appendix A.5, built from what the model at hand
 * predicts:
 * <ol>
 * <li>Sentiment words: every vocabulary word is classified alone; the {@value #TOP_WORDS} words
 *     predicted + with the largest score f_+ are the positive words, likewise for −.
 * <li>Modifiers: the candidate negators and amplifiers in the vocabulary that the model predicts
 *     neutral (0) alone.
 * <li>Type 1, negated positive: bigrams (negator, positive word); a negator is kept if at least
 *     {@value #MIN_SHARE_PERCENT}% of its bigrams are predicted −; the samples are the kept
 *     negators' bigrams predicted −.
 * <li>Types 2 and 3, amplified positive / negative: bigrams (amplifier, positive / negative word);
 *     an amplifier is kept if at least {@value #MIN_SHARE_PERCENT}% of its bigrams are predicted
 *     ++ (type 2) / −− (type 3); the samples are the kept amplifiers' bigrams predicted so.
 * <li>Type 4, negated amplified positive: every trigram (negator, amplifier, positive word) of the
 *     neutral modifiers, kept if the bigram (amplifier, positive word) is predicted ++ and the
 *     trigram −.
 * </ol>
 * Equal scores are ordered by vocabulary id; n-grams in the order negator, amplifier, word of
 * their lists.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CompositionSamples {

    /** Sentiment words per polarity. */
    public static final int TOP_WORDS = 50;
    /** The paper's 40% rule: a modifier is kept if it has the composition's effect on at least this share of its n-grams. */
    public static final int MIN_SHARE_PERCENT = 40;

    private final List<String> positiveWords;
    private final List<String> negativeWords;
    private final List<String> negators;
    private final List<String> amplifiers;
    private final Map<Composition, ComposedSamples> samples;

    private CompositionSamples(List<String> positiveWords, List<String> negativeWords, List<String> negators,
                               List<String> amplifiers, Map<Composition, ComposedSamples> samples) {
        this.positiveWords = positiveWords;
        this.negativeWords = negativeWords;
        this.negators = negators;
        this.amplifiers = amplifiers;
        this.samples = samples;
    }

    /**
     * Selects the samples of the four compositions.
     *
     * @param classifier a five-class sentiment classifier (0 = −− .. 4 = ++)
     * @param vocabulary the words to draw sentiment words from ({@value Vocabulary#UNKNOWN} is skipped)
     * @param candidates the candidate modifiers; those outside the vocabulary are skipped
     * @throws IllegalArgumentException if the classifier does not return {@value Composition#CLASSES} scores
     */
    public static CompositionSamples select(SentenceClassifier classifier, Vocabulary vocabulary,
                                            ModifierWords candidates) {
        Map<String, double[]> single = new LinkedHashMap<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            String word = vocabulary.token(id);
            if (!word.equals(Vocabulary.UNKNOWN)) {
                double[] scores = classifier.scores(List.of(word));
                if (scores.length != Composition.CLASSES) {
                    throw new IllegalArgumentException("the compositions of appendix A.5 need a five-class sentiment "
                            + "model (0 = very negative .. 4 = very positive); this one has [" + scores.length
                            + "] classes");
                }
                single.put(word, scores);
            }
        }
        List<String> positive = top(single, Composition.POSITIVE);
        List<String> negative = top(single, Composition.NEGATIVE);
        List<String> negators = neutral(candidates.negators(), single);
        List<String> amplifiers = neutral(candidates.amplifiers(), single);
        Map<Composition, ComposedSamples> samples = new EnumMap<>(Composition.class);
        samples.put(Composition.NEGATED_POSITIVE,
                bigrams(Composition.NEGATED_POSITIVE, classifier, negators, positive));
        samples.put(Composition.AMPLIFIED_POSITIVE,
                bigrams(Composition.AMPLIFIED_POSITIVE, classifier, amplifiers, positive));
        samples.put(Composition.AMPLIFIED_NEGATIVE,
                bigrams(Composition.AMPLIFIED_NEGATIVE, classifier, amplifiers, negative));
        samples.put(Composition.NEGATED_AMPLIFIED_POSITIVE, trigrams(classifier, negators, amplifiers, positive));
        return new CompositionSamples(positive, negative, negators, amplifiers, samples);
    }

    /** The {@value #TOP_WORDS} words predicted {@code c} alone with the largest f_c, largest first. */
    private static List<String> top(Map<String, double[]> single, int c) {
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, double[]> e : single.entrySet()) {
            if (SentenceClassifier.argmax(e.getValue()) == c) {
                words.add(e.getKey());
            }
        }
        // List.sort is stable: equal scores keep vocabulary order
        words.sort(Comparator.comparingDouble((String w) -> -single.get(w)[c]));
        return List.copyOf(words.subList(0, Math.min(TOP_WORDS, words.size())));
    }

    private static List<String> neutral(List<String> candidates, Map<String, double[]> single) {
        List<String> kept = new ArrayList<>();
        for (String w : candidates) {
            double[] scores = single.get(w);
            if (scores != null && SentenceClassifier.argmax(scores) == Composition.NEUTRAL) {
                kept.add(w);
            }
        }
        return List.copyOf(kept);
    }

    /** Types 1–3: every (modifier, word) bigram; the 40% rule per modifier; the kept modifiers' bigrams of the class. */
    private static ComposedSamples bigrams(Composition type, SentenceClassifier classifier, List<String> modifiers,
                                           List<String> words) {
        double[] shares = new double[Composition.CLASSES];
        List<String> kept = new ArrayList<>();
        List<List<String>> samples = new ArrayList<>();
        for (String modifier : modifiers) {
            List<List<String>> hits = new ArrayList<>();
            for (String word : words) {
                List<String> bigram = List.of(modifier, word);
                int c = classifier.predictClass(bigram);
                shares[c]++;
                if (c == type.predicted()) {
                    hits.add(bigram);
                }
            }
            // at least 40%: 100 · hits ≥ 40 · n, in integers
            if (!words.isEmpty() && 100L * hits.size() >= (long) MIN_SHARE_PERCENT * words.size()) {
                kept.add(modifier);
                samples.addAll(hits);
            }
        }
        int constructed = modifiers.size() * words.size();
        return new ComposedSamples(type, kept, constructed, percent(shares, constructed), samples);
    }

    /** Type 4: every (negator, amplifier, positive word) with "amplifier word" predicted ++ and the trigram −. */
    private static ComposedSamples trigrams(SentenceClassifier classifier, List<String> negators,
                                            List<String> amplifiers, List<String> positive) {
        Composition type = Composition.NEGATED_AMPLIFIED_POSITIVE;
        double[] shares = new double[Composition.CLASSES];
        List<List<String>> samples = new ArrayList<>();
        for (String amplifier : amplifiers) {
            for (String word : positive) {
                boolean amplified = classifier.predictClass(List.of(amplifier, word)) == Composition.VERY_POSITIVE;
                for (String negator : negators) {
                    List<String> trigram = List.of(negator, amplifier, word);
                    int c = classifier.predictClass(trigram);
                    shares[c]++;
                    if (amplified && c == type.predicted()) {
                        samples.add(trigram);
                    }
                }
            }
        }
        samples.sort(Comparator.comparingInt((List<String> s) -> negators.indexOf(s.get(0))));
        int constructed = negators.size() * amplifiers.size() * positive.size();
        return new ComposedSamples(type, negators, constructed, percent(shares, constructed), samples);
    }

    private static double[] percent(double[] counts, int total) {
        double[] share = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            share[c] = total == 0 ? Double.NaN : 100 * counts[c] / total;
        }
        return share;
    }

    /** The positive sentiment words, largest f_+ first. */
    public List<String> positiveWords() {
        return positiveWords;
    }

    /** The negative sentiment words, largest f_− first. */
    public List<String> negativeWords() {
        return negativeWords;
    }

    /** The candidate negators the model predicts neutral alone. */
    public List<String> neutralNegators() {
        return negators;
    }

    /** The candidate amplifiers the model predicts neutral alone. */
    public List<String> neutralAmplifiers() {
        return amplifiers;
    }

    /** The samples of one composition. */
    public ComposedSamples samples(Composition composition) {
        return samples.get(composition);
    }
}
