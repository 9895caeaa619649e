package dev.explainunit.sentiment;

import dev.explainunit.explainers.LrpExplainer;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How {@link SentimentExperiments} runs.
 *
 * @param threads         threads for explaining and classifying
 * @param randomDraws     draws of random word deletion (Table 3's 0)
 * @param seed            the seed of random deletion
 * @param misclassified   how many misclassified sentences Table 5 shows
 * @param lrpEps          ε of LRP h_T (Figure 1); the paper's sentiment setting is 0.001
 * @param lrpBiasFactor   bias factor of LRP h_T; the paper's is 0
 * @param callLimit       the longest one call of an explainer may take before the run is abandoned as hung
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record SentimentSettings(int threads, int randomDraws, long seed, int misclassified, double lrpEps,
                                double lrpBiasFactor, Duration callLimit) {

    /** Random deletion's default number of draws. */
    public static final int DEFAULT_RANDOM_DRAWS = 10;
    /** The default seed. */
    public static final long DEFAULT_SEED = 1L;
    /** Table 5's default number of sentences. */
    public static final int DEFAULT_MISCLASSIFIED = 10;

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
        if (!(lrpEps >= 0) || !Double.isFinite(lrpEps) || !Double.isFinite(lrpBiasFactor)) {
            throw new IllegalArgumentException("LRP needs a finite eps >= 0 and a finite bias factor, are [" + lrpEps
                    + ", " + lrpBiasFactor + "]");
        }
        if (callLimit == null || callLimit.isNegative() || callLimit.isZero()) {
            throw new IllegalArgumentException("the call limit must be positive, is [" + callLimit + "]");
        }
    }

    /** All cores, 10 draws, seed 1, 10 sentences, LRP ε = 0.001 and bias factor 0, 60 s per call. */
    public static SentimentSettings defaults() {
        return new SentimentSettings(Runtime.getRuntime().availableProcessors(), DEFAULT_RANDOM_DRAWS, DEFAULT_SEED,
                DEFAULT_MISCLASSIFIED, LrpExplainer.DEFAULT_EPS, LrpExplainer.DEFAULT_BIAS_FACTOR,
                Duration.ofSeconds(60));
    }

    /** These settings with {@code threads} threads. */
    public SentimentSettings withThreads(int threads) {
        return new SentimentSettings(threads, randomDraws, seed, misclassified, lrpEps, lrpBiasFactor, callLimit);
    }

    /** These settings with {@code draws} random draws. */
    public SentimentSettings withRandomDraws(int draws) {
        return new SentimentSettings(threads, draws, seed, misclassified, lrpEps, lrpBiasFactor, callLimit);
    }
}
