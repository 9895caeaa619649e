package dev.explainunit.sentence;

import static dev.explainunit.sentence.SentimentLexicon.AMPLIFIERS;
import static dev.explainunit.sentence.SentimentLexicon.NEGATIVE_1;
import static dev.explainunit.sentence.SentimentLexicon.NEGATIVE_2;
import static dev.explainunit.sentence.SentimentLexicon.NEGATORS;
import static dev.explainunit.sentence.SentimentLexicon.POSITIVE_1;
import static dev.explainunit.sentence.SentimentLexicon.POSITIVE_2;

import java.util.List;
import java.util.Random;

/**
 * The generative grammar of the {@link SentimentCorpus} (documented with examples in
 * {@code src/docs/sentiment-corpus.md}). Contributions follow the composition inside out: the
 * polar word carries its value v; an amplifier the change it makes, (α − 1)·v; a negator the
 * change negation makes to the clause value c, neg(c) − c; "but" the change the discount makes to
 * the clauses before it, (w − 1)·left. The contributions therefore sum to the sentence score.
 */
final class SentimentGrammar {

    // Sentence shape, tuned so that lengths and class shares resemble SST's (see the docs).
    private static final double P_NEUTRAL_SENTENCE = 0.08;
    private static final double P_NEUTRAL_LEAD = 0.45;
    private static final double P_PREFIX = 0.40;
    private static final double P_SUFFIX = 0.40;
    private static final double P_RELATIVE = 0.25;
    private static final double[] CLAUSE_COUNT = {0.48, 0.36, 0.12, 0.04}; // 1, 2, 3, 4 clauses
    private static final double P_CONTRAST = 0.45; // of sentences with two or more clauses
    // Clause composition.
    private static final double P_POSITIVE = 0.52;
    private static final double P_STRONG = 0.12;
    private static final double P_AMPLIFIER = 0.25;
    private static final double P_NEGATION = 0.25;
    private static final double P_EXCLAMATION = 0.08;

    private static final List<String> WORDS = SentimentLexicon.tokens();

    private SentimentGrammar() {
    }

    /** A sentence: neutral, or evaluative clauses joined by "and" or contrasted by "but". */
    static void sentence(SentenceBuilder b) {
        if (b.chance(P_NEUTRAL_SENTENCE)) {
            b.filler(b.pick(SentimentLexicon.NEUTRAL));
            if (b.chance(0.4)) {
                b.punctuation(",");
                b.filler("and");
                b.filler(b.pick(SentimentLexicon.NEUTRAL));
            }
            b.punctuation(".");
            return;
        }
        if (b.chance(P_PREFIX)) {
            b.filler(b.pick(SentimentLexicon.PREFIXES));
            b.punctuation(",");
        }
        if (b.chance(P_NEUTRAL_LEAD)) {
            b.filler(b.pick(SentimentLexicon.NEUTRAL));
            b.punctuation(",");
            b.filler("and");
        }
        int clauses = clauseCount(b);
        // "but" before the second or the last clause
        int contrastBefore = clauses > 1 && b.chance(P_CONTRAST) ? (b.chance(0.5) ? 1 : clauses - 1) : -1;
        int leftStart = b.size();
        for (int i = 0; i < clauses; i++) {
            if (i == contrastBefore) {
                b.punctuation(",");
                int but = b.add(SentimentLexicon.CONTRAST, TokenRole.CONTRAST, 0);
                b.setContribution(but, (SentimentCorpus.CONTRAST_LEFT_WEIGHT - 1) * b.score(leftStart, but));
            } else if (i > 0) {
                if (b.chance(0.5)) {
                    b.punctuation(",");
                    b.filler("and");
                } else {
                    b.punctuation(b.chance(0.5) ? ";" : ",");
                }
            }
            evaluativeClause(b);
        }
        if (b.chance(P_SUFFIX)) {
            b.filler(b.pick(SentimentLexicon.SUFFIXES));
        }
        b.punctuation(b.chance(P_EXCLAMATION) ? "!" : ".");
    }

    private static int clauseCount(SentenceBuilder b) {
        double r = b.uniform();
        int count = 1;
        for (int k = 0; k < CLAUSE_COUNT.length - 1 && r >= CLAUSE_COUNT[k]; k++) {
            r -= CLAUSE_COUNT[k];
            count++;
        }
        return count;
    }

    /**
     * A short phrase as SST labels its phrases: a single word, an adjective phrase ("not very
     * good"), an evaluative clause, or a neutral phrase.
     */
    static void phrase(SentenceBuilder b) {
        double r = b.uniform();
        if (r < 0.30) {
            singleWord(b, b.pick(WORDS));
        } else if (r < 0.65) {
            String negator = b.chance(0.4) ? b.pick(List.of("not", "never", "hardly")) : null;
            int negAt = negator == null ? -1 : b.add(negator, TokenRole.NEGATOR, 0);
            adjectivePhrase(b, negAt, null);
        } else if (r < 0.90) {
            evaluativeClause(b);
        } else {
            b.filler(b.pick(b.chance(0.5) ? SentimentLexicon.PREFIXES : SentimentLexicon.SUFFIXES));
        }
    }

    private static void singleWord(SentenceBuilder b, String word) {
        if (POSITIVE_1.contains(word) || POSITIVE_2.contains(word) || NEGATIVE_1.contains(word)
                || NEGATIVE_2.contains(word)) {
            b.add(word, TokenRole.POLAR, value(word));
        } else if (NEGATORS.contains(word)) {
            b.add(word, TokenRole.NEGATOR, 0);
        } else if (AMPLIFIERS.contains(word)) {
            b.add(word, TokenRole.AMPLIFIER, 0);
        } else if (word.equals(SentimentLexicon.CONTRAST)) {
            b.add(word, TokenRole.CONTRAST, 0);
        } else if (SentimentLexicon.PUNCTUATION.contains(word)) {
            b.punctuation(word);
        } else {
            b.add(word, TokenRole.FILLER, 0);
        }
    }

    /** The value of a polar word: ±1 for strength 1, ±2 for strength 2. */
    static double value(String polar) {
        if (POSITIVE_1.contains(polar)) {
            return 1;
        }
        if (POSITIVE_2.contains(polar)) {
            return 2;
        }
        if (NEGATIVE_1.contains(polar)) {
            return -1;
        }
        if (NEGATIVE_2.contains(polar)) {
            return -2;
        }
        throw new IllegalArgumentException("not a polar word: " + polar);
    }

    /** One evaluative clause, in one of six templates, negated once at most. */
    static void evaluativeClause(SentenceBuilder b) {
        boolean negate = b.chance(P_NEGATION);
        int negAt = -1;
        String noun = b.pick(SentimentLexicon.SINGULAR);
        switch (b.index(6)) {
            case 0 -> { // the plot is not very clever
                subject(b, false);
                b.filler(b.chance(0.5) ? "is" : "was");
                negAt = negate ? negator(b, NEGATORS) : -1;
                adjectivePhrase(b, negAt, null);
            }
            case 1 -> { // the jokes were hardly funny
                subject(b, true);
                b.filler(b.chance(0.5) ? "are" : "were");
                negAt = negate ? negator(b, NEGATORS) : -1;
                adjectivePhrase(b, negAt, null);
            }
            case 2 -> { // it 's not a very good film
                b.filler(b.pick(List.of("it 's", "it is", "this is")));
                negAt = negate ? negator(b, List.of("not", "hardly", "never")) : -1;
                adjectivePhrase(b, negAt, noun);
            }
            case 3 -> { // hardly an extremely clever script
                negAt = negate ? negator(b, List.of("not", "hardly", "scarcely")) : -1;
                adjectivePhrase(b, negAt, noun);
            }
            case 4 -> { // the ending does n't feel very satisfying
                b.filler("the " + noun);
                String verb = b.pick(List.of("feel", "seem", "look"));
                if (negate) {
                    String negator = b.pick(NEGATORS);
                    if (negator.equals("not") || negator.equals("n't")) {
                        b.filler("does");
                        negAt = b.add(negator, TokenRole.NEGATOR, 0);
                        b.filler(verb);
                    } else {
                        negAt = b.add(negator, TokenRole.NEGATOR, 0);
                        b.filler(verb + "s");
                    }
                } else {
                    b.filler(verb + "s");
                }
                adjectivePhrase(b, negAt, null);
            }
            default -> { // i found the acting not funny
                b.filler("i found");
                b.filler(b.chance(0.5) ? "it" : "the " + noun);
                negAt = negate ? negator(b, List.of("not")) : -1;
                adjectivePhrase(b, negAt, null);
            }
        }
    }

    private static int negator(SentenceBuilder b, List<String> negators) {
        return b.add(b.pick(negators), TokenRole.NEGATOR, 0);
    }

    private static void subject(SentenceBuilder b, boolean plural) {
        b.filler(b.pick(plural ? SentimentLexicon.PLURAL_DETERMINERS : SentimentLexicon.DETERMINERS));
        if (b.chance(0.3)) {
            b.filler(b.pick(SentimentLexicon.MODIFIERS));
        }
        b.filler(b.pick(plural ? SentimentLexicon.PLURAL : SentimentLexicon.SINGULAR));
        if (b.chance(P_RELATIVE)) {
            b.punctuation(",");
            b.filler(b.pick(SentimentLexicon.RELATIVES));
            b.punctuation(",");
        }
    }

    /**
     * [a|an] [amplifier] polar [noun], and the contributions of the clause: polar v, amplifier
     * (α − 1)·v, and the negator at {@code negAt} (if any) neg(c) − c for the clause value c.
     */
    private static void adjectivePhrase(SentenceBuilder b, int negAt, String noun) {
        boolean positive = b.chance(P_POSITIVE);
        boolean strong = b.chance(P_STRONG);
        String polar = b.pick(positive ? (strong ? POSITIVE_2 : POSITIVE_1) : (strong ? NEGATIVE_2 : NEGATIVE_1));
        String amplifier = b.chance(P_AMPLIFIER) ? b.pick(AMPLIFIERS) : null;
        if (noun != null) {
            b.filler(startsWithVowel(amplifier != null ? amplifier : polar) ? "an" : "a");
        }
        double v = value(polar);
        double clause = v;
        if (amplifier != null) {
            b.add(amplifier, TokenRole.AMPLIFIER, (SentimentCorpus.AMPLIFIER_FACTOR - 1) * v);
            clause = SentimentCorpus.AMPLIFIER_FACTOR * v;
        }
        b.add(polar, TokenRole.POLAR, v);
        if (noun != null) {
            b.filler(noun);
        }
        if (negAt >= 0) {
            b.setContribution(negAt, SentimentCorpus.negate(clause) - clause);
        }
    }

    private static boolean startsWithVowel(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0;
    }
}
