package dev.explainunit.sentiment;

import dev.explainunit.checks.SanitySettings;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How {@link SentimentExperiments} runs: what only the experiments have (random deletion's draws and
 * seed, Table 5's length, the batch held in memory, Figure 1's sentences) and how explainers are
 * called, the way the checks call them ({@link dev.explainunit.checks.GuardedExplainer}: threads and
 * the time limit of one call, by default the checks' {@link SanitySettings#DEFAULT_TIME_LIMIT}). The
 * LRP setting of Figure 1's LRP h_T is the task's paper setting (ε = 0.001, bias factor 0).
 *
 * @param threads         threads for explaining and classifying
 * @param randomDraws     draws of random word deletion (Table 3's 0)
 * @param seed            the seed of random deletion
 * @param misclassified   how many misclassified sentences Table 5 shows
 * @param timeLimit       the longest one call of an explainer may take before the run is abandoned as hung
 * @param batch           test sentences held in memory at once, with every method's relevance for them
 * @param figureSentences Figure 1 projects the first this many test sentences (the paper's SST test set has
 *                        2210), so that its vectors, not the data, bound the memory
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentimentSettings(int threads, int randomDraws, long seed, int misclassified, Duration timeLimit,
                                int batch, int figureSentences) {

    /** Random deletion's default number of draws. */
    public static final int DEFAULT_RANDOM_DRAWS = 10;
    /** The default seed. */
    public static final long DEFAULT_SEED = 1L;
    /** Table 5's default number of sentences. */
    public static final int DEFAULT_MISCLASSIFIED = 10;
    /** The default number of test sentences in memory at once. */
    public static final int DEFAULT_BATCH = 256;
    /** The default number of test sentences Figure 1 projects. */
    public static final int DEFAULT_FIGURE_SENTENCES = 2500;

    /** @throws IllegalArgumentException naming the setting and its value when one is out of range */
    public SentimentSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, is [" + threads + "]");
        }
        if (randomDraws < 2) {
            throw new IllegalArgumentException("random deletion needs at least 2 draws for a standard error, is ["
                    + randomDraws + "]");
        }
        if (misclassified < 0) {
            throw new IllegalArgumentException("misclassified must be >= 0, is [" + misclassified + "]");
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, is [" + timeLimit + "]");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, is [" + batch + "]");
        }
        if (figureSentences < 2) {
            throw new IllegalArgumentException("Figure 1's PCA needs at least 2 sentences, figureSentences is ["
                    + figureSentences + "]");
        }
    }

    /**
     * All cores, 10 draws, seed 1, 10 sentences, the checks' time limit per call, batches of 256
     * sentences, Figure 1 on the first 2500.
     */
    public static SentimentSettings defaults() {
        return new SentimentSettings(Runtime.getRuntime().availableProcessors(), DEFAULT_RANDOM_DRAWS, DEFAULT_SEED,
                DEFAULT_MISCLASSIFIED, SanitySettings.DEFAULT_TIME_LIMIT, DEFAULT_BATCH, DEFAULT_FIGURE_SENTENCES);
    }

    /** These settings with {@code threads} threads. */
    public SentimentSettings withThreads(int threads) {
        return new SentimentSettings(threads, randomDraws, seed, misclassified, timeLimit, batch, figureSentences);
    }

    /** These settings with {@code draws} random draws. */
    public SentimentSettings withRandomDraws(int draws) {
        return new SentimentSettings(threads, draws, seed, misclassified, timeLimit, batch, figureSentences);
    }

    /** These settings with batches of {@code sentences}. */
    public SentimentSettings withBatch(int sentences) {
        return new SentimentSettings(threads, randomDraws, seed, misclassified, timeLimit, sentences, figureSentences);
    }

    /** These settings with Figure 1 on the first {@code sentences} test sentences. */
    public SentimentSettings withFigureSentences(int sentences) {
        return new SentimentSettings(threads, randomDraws, seed, misclassified, timeLimit, batch, sentences);
    }
}
