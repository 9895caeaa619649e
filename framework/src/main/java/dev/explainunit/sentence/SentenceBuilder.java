package dev.explainunit.sentence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Collects the tokens of one generated sentence with their roles and contributions. */
final class SentenceBuilder {

    private final List<String> tokens = new ArrayList<>();
    private final List<TokenRole> roles = new ArrayList<>();
    private final List<Double> contributions = new ArrayList<>();
    private final Random random;

    SentenceBuilder(Random random) {
        this.random = random;
    }

    /** Appends a token; returns its position. */
    int add(String token, TokenRole role, double contribution) {
        tokens.add(token);
        roles.add(role);
        contributions.add(contribution);
        return tokens.size() - 1;
    }

    void setContribution(int position, double contribution) {
        contributions.set(position, contribution);
    }

    /**
     * Appends neutral text: its words as {@link TokenRole#FILLER} (commas as punctuation), each
     * upper-case slot replaced by a random entry of its list (recursively).
     */
    void filler(String text) {
        for (String word : text.split(" ")) {
            if (SentimentLexicon.isSlot(word)) {
                filler(pick(slot(word)));
            } else {
                add(word, word.equals(",") ? TokenRole.PUNCTUATION : TokenRole.FILLER, 0);
            }
        }
    }

    private static List<String> slot(String name) {
        return switch (name) {
            case "PERSON" -> SentimentLexicon.PERSON;
            case "PLACE" -> SentimentLexicon.PLACE;
            case "DECADE" -> SentimentLexicon.DECADE;
            case "RELATIVE" -> SentimentLexicon.RELATIVE;
            case "EVENT" -> SentimentLexicon.EVENT;
            case "DRAMA" -> SentimentLexicon.DRAMA;
            default -> throw new IllegalStateException("no slot " + name);
        };
    }

    void punctuation(String mark) {
        add(mark, TokenRole.PUNCTUATION, 0);
    }

    String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    /** A uniform index in [0, n). */
    int index(int n) {
        return random.nextInt(n);
    }

    double uniform() {
        return random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int size() {
        return tokens.size();
    }

    /** Sum of the contributions of tokens [from, to). */
    double score(int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += contributions.get(k);
        }
        return sum;
    }

    /** The tokens so far, unmodifiable. */
    List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    CorpusSentence build(double noise, int label) {
        double[] c = new double[contributions.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = contributions.get(k);
        }
        return new CorpusSentence(tokens, roles, c, noise, label);
    }
}
