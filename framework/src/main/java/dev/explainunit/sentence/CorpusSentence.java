package dev.explainunit.sentence;

import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A sentence of the {@link SentimentCorpus} with its ground truth: every token's role and signed
 * contribution to the sentence score, the label noise, and the label
 * {@code SentimentCorpus.label(score() + noise)}.
 *
 * @param tokens the words
 * @param roles  the role of each token
 * @param noise  the label noise drawn for this sentence, N(0, {@value SentimentCorpus#NOISE_SD}²)
 * @param label  the class 0 (−−) .. 4 (++)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CorpusSentence(List<String> tokens, List<TokenRole> roles, double[] contributions, double noise,
                             int label) {

    /**
     * @param contributions the signed contribution of each token; the score is their sum (copied)
     * @throws IllegalArgumentException if the lists differ in length or are empty
     */
    public CorpusSentence {
        tokens = List.copyOf(tokens);
        roles = List.copyOf(roles);
        contributions = contributions.clone();
        if (tokens.isEmpty() || roles.size() != tokens.size() || contributions.length != tokens.size()) {
            throw new IllegalArgumentException("a sentence needs tokens, roles and contributions of one length ["
                    + tokens.size() + ", " + roles.size() + ", " + contributions.length + "]");
        }
    }

    /** The contribution of each token, a copy. */
    @Override
    public double[] contributions() {
        return contributions.clone();
    }

    /** The contribution of token {@code t}. */
    public double contribution(int t) {
        return contributions[t];
    }

    /** The sentence score: the sum of the token contributions, left to right. */
    public double score() {
        double sum = 0;
        for (double c : contributions) {
            sum += c;
        }
        return sum;
    }

    /** Number of tokens. */
    public int length() {
        return tokens.size();
    }

    /** Whether a token has the given role. */
    public boolean has(TokenRole role) {
        return roles.contains(role);
    }

    /** The sentence as a labelled {@link SentenceRecord} (for JSON Lines). */
    public SentenceRecord toRecord() {
        return SentenceRecord.of(tokens, label);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CorpusSentence s && s.tokens.equals(tokens) && s.roles.equals(roles)
                && Arrays.equals(s.contributions, contributions) && Double.compare(s.noise, noise) == 0
                && s.label == label;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * tokens.hashCode() + Arrays.hashCode(contributions)) + label;
    }

    @Override
    public String toString() {
        return String.join(" ", tokens) + " [label " + label + ", score " + score() + ", noise " + noise + "]";
    }
}
