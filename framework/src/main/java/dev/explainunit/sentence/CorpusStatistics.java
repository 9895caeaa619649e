package dev.explainunit.sentence;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Statistics of a list of corpus sentences, as {@code src/docs/sentiment-corpus.md} reports them.
 *
 * @param sentences   number of sentences
 * @param classShares share of each class, in %
 * @param meanLength  mean tokens per sentence
 * @param maxLength   most tokens in a sentence
 * @param negated     share of sentences with a negator, in %
 * @param contrasted  share of sentences with "but", in %
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CorpusStatistics(int sentences, double[] classShares, double meanLength, int maxLength,
                               double negated, double contrasted) {

    /** The statistics of {@code sentences}. */
    public static CorpusStatistics of(List<CorpusSentence> sentences) {
        double[] shares = new double[SentimentCorpus.CLASSES];
        long tokens = 0;
        int max = 0;
        int negated = 0;
        int contrasted = 0;
        for (CorpusSentence s : sentences) {
            shares[s.label()]++;
            tokens += s.length();
            max = Math.max(max, s.length());
            negated += s.has(TokenRole.NEGATOR) ? 1 : 0;
            contrasted += s.has(TokenRole.CONTRAST) ? 1 : 0;
        }
        int n = sentences.size();
        for (int c = 0; c < shares.length; c++) {
            shares[c] = 100.0 * shares[c] / n;
        }
        return new CorpusStatistics(n, shares, (double) tokens / n, max, 100.0 * negated / n, 100.0 * contrasted / n);
    }

    /** One line: count, class shares, lengths, negation and contrast shares. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%5d sentences, classes 0..4 %4.1f %4.1f %4.1f %4.1f %4.1f %%,"
                        + " length mean %.1f max %d, negator %.1f %%, but %.1f %%", sentences,
                classShares[0], classShares[1], classShares[2], classShares[3], classShares[4], meanLength, maxLength,
                negated, contrasted);
    }

    /** Prints the statistics of each split of the corpus for the seed given (default: the bundled one). */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : SentimentCorpus.DEFAULT_SEED;
        SentimentCorpus corpus = SentimentCorpus.generate(seed);
        System.out.println("seed " + seed + ", vocabulary " + SentimentCorpus.vocabulary().size() + " tokens");
        System.out.println("train       " + of(corpus.train()));
        System.out.println("validation  " + of(corpus.validation()));
        System.out.println("test        " + of(corpus.test()));
        System.out.println("phrases     " + of(corpus.phrases()));
    }
}
