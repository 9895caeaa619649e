package dev.explainunit.sentence;

import dev.explainunit.model.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A five-class sentiment corpus generated from a compositional grammar of English words, with
 * SST's split sizes and a ground truth for every token (its {@link TokenRole} and signed
 * contribution to the sentence score). The grammar, the rules and measured statistics are in
 * {@code src/docs/sentiment-corpus.md}.
 *
 * <p>Rules (paper section 4 uses SST; these stand in for its annotators):
 * <pre>
 *   polar word       v = ±1 (strength 1) or ±2 (strength 2)
 *   amplifier        α·v with α = {@value #AMPLIFIER_FACTOR}           "very good"      = 1.4
 *   negation         neg(c) = {@value #NEGATED_POSITIVE}·c for c &gt; 0, {@value #NEGATED_NEGATIVE}·c for c &lt; 0, once a clause
 *                                                                      "not good"       = −0.75
 *                                                                      "not bad"        = +0.6
 *   contrast         X , but Y  =  {@value #CONTRAST_LEFT_WEIGHT}·X + Y
 *   score            s = sum of the clause values = sum of the token contributions
 *   label            {@link #label}(s + ε), ε ~ N(0, {@value #NOISE_SD}²) drawn per sentence and recorded
 * </pre>
 *
 * Deterministic for a seed on every JVM: {@link Random}'s generator and Gaussian are specified
 * exactly, and each split draws from its own stream. No validation or test sentence occurs in an
 * earlier split (one that would is drawn again); short training sentences may repeat, as in SST.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentimentCorpus {

    /** The seed of the bundled corpus. */
    public static final long DEFAULT_SEED = 20190801L;
    /** SST's split sizes (Socher et al. 2013). */
    public static final int TRAIN_SIZE = 8544, VALIDATION_SIZE = 1101, TEST_SIZE = 2210;
    /** Number of short labelled phrases added to training, as SST labels its phrases. */
    public static final int PHRASE_COUNT = 8544;
    /** Number of classes: 0 (−−), 1 (−), 2 (neutral), 3 (+), 4 (++). */
    public static final int CLASSES = 5;

    /** The amplifier's factor α. */
    public static final double AMPLIFIER_FACTOR = 1.4;
    /** Negation of a positive clause value c: c times this. */
    public static final double NEGATED_POSITIVE = -0.75;
    /** Negation of a negative clause value c: c times this. */
    public static final double NEGATED_NEGATIVE = -0.6;
    /** The weight of the clauses before "but". */
    public static final double CONTRAST_LEFT_WEIGHT = 0.25;
    /** Standard deviation of the label noise. */
    public static final double NOISE_SD = 0.4;
    /** Class boundaries on the noisy score: ±0.5 and ±1.5. */
    public static final double NEUTRAL_BOUND = 0.5, STRONG_BOUND = 1.5;

    private final long seed;
    private final List<CorpusSentence> train;
    private final List<CorpusSentence> validation;
    private final List<CorpusSentence> test;
    private final List<CorpusSentence> phrases;

    private SentimentCorpus(long seed) {
        this.seed = seed;
        Set<List<String>> seen = new HashSet<>();
        this.train = generate(seed, 1, TRAIN_SIZE, SentimentGrammar::sentence, seen, false);
        this.validation = generate(seed, 2, VALIDATION_SIZE, SentimentGrammar::sentence, seen, true);
        this.test = generate(seed, 3, TEST_SIZE, SentimentGrammar::sentence, seen, true);
        this.phrases = generate(seed, 4, PHRASE_COUNT, SentimentGrammar::phrase, new HashSet<>(), false);
    }

    /** The corpus for {@code seed}; the same on every JVM. */
    public static SentimentCorpus generate(long seed) {
        return new SentimentCorpus(seed);
    }

    /**
     * {@code count} sentences from their own random stream (a change to one split leaves the
     * others alone); with {@code unseen}, a sentence already in {@code seen} (an earlier split's)
     * is drawn again, so that no evaluation sentence occurs in training. Adds to {@code seen}.
     */
    private static List<CorpusSentence> generate(long seed, int stream, int count, Consumer<SentenceBuilder> grammar,
                                                 Set<List<String>> seen, boolean unseen) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + stream);
        List<CorpusSentence> sentences = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            SentenceBuilder b = new SentenceBuilder(random);
            grammar.accept(b);
            while (unseen && seen.contains(b.tokens())) {
                b = new SentenceBuilder(random);
                grammar.accept(b);
            }
            double noise = NOISE_SD * random.nextGaussian();
            double score = b.score(0, b.size());
            sentences.add(b.build(noise, label(score + noise)));
        }
        for (CorpusSentence s : sentences) {
            seen.add(s.tokens());
        }
        return List.copyOf(sentences);
    }

    /**
     * The class of a noisy score s:
     * <pre>
     *   0 (−−)  s &lt; −1.5        1 (−)  −1.5 ≤ s &lt; −0.5        2 (0)  −0.5 ≤ s ≤ 0.5
     *   3 (+)   0.5 &lt; s ≤ 1.5   4 (++) s &gt; 1.5
     * </pre>
     */
    public static int label(double noisyScore) {
        if (noisyScore < -STRONG_BOUND) {
            return 0;
        }
        if (noisyScore < -NEUTRAL_BOUND) {
            return 1;
        }
        if (noisyScore <= NEUTRAL_BOUND) {
            return 2;
        }
        return noisyScore <= STRONG_BOUND ? 3 : 4;
    }

    /** Negation of a clause value c: {@value #NEGATED_POSITIVE}·c for c &gt; 0, {@value #NEGATED_NEGATIVE}·c otherwise. */
    public static double negate(double clause) {
        return clause > 0 ? NEGATED_POSITIVE * clause : NEGATED_NEGATIVE * clause;
    }

    /** The vocabulary of the grammar: {@value Vocabulary#UNKNOWN} (id 0), then every token it can emit. */
    public static Vocabulary vocabulary() {
        List<String> tokens = new ArrayList<>();
        tokens.add(Vocabulary.UNKNOWN);
        tokens.addAll(SentimentLexicon.tokens());
        return Vocabulary.of(tokens);
    }

    /** The seed the corpus was generated from. */
    public long seed() {
        return seed;
    }

    /** The {@value #TRAIN_SIZE} training sentences, without the phrases. */
    public List<CorpusSentence> train() {
        return train;
    }

    /** The {@value #VALIDATION_SIZE} validation sentences. */
    public List<CorpusSentence> validation() {
        return validation;
    }

    /** The {@value #TEST_SIZE} test sentences. */
    public List<CorpusSentence> test() {
        return test;
    }

    /**
     * The {@value #PHRASE_COUNT} short labelled phrases for training (single words, "not very
     * good", a clause, a neutral phrase), labelled by the same rule; SST labels its phrases too,
     * and without them a model calls almost every single word non-neutral (paper appendix A.5).
     */
    public List<CorpusSentence> phrases() {
        return phrases;
    }
}
