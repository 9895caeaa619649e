package dev.explainunit.sentiment;

import dev.explainunit.composition.Composition;
import dev.explainunit.Relevance;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One cell of the paper's Table 4: the average heatmap of a composition for one method, over its
 * n samples, each explained for its predicted class; for each word position p
 * <pre>
 *   mean_p = (1/n) Σ_s R_{s,p},   std_p = sqrt( (1/n) Σ_s (R_{s,p} − mean_p)² )
 * </pre>
 * (the population standard deviation, numpy's default). NaN for n = 0.
 *
 * @param words   the placeholders, e.g. {@code <not>, <good>}
 * @param mean    mean relevance per position
 * @param std     standard deviation per position
 * @param samples n
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CompositionRelevance(List<String> words, double[] mean, double[] std, int samples) {

    public CompositionRelevance {
        words = List.copyOf(words);
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * The statistics of {@code relevances}, one per sample of the composition.
     *
     * @throws IllegalArgumentException if a relevance's length is not the composition's
     */
    public static CompositionRelevance of(Composition composition, List<Relevance> relevances) {
        int width = composition.words().size();
        double[] mean = new double[width];
        double[] std = new double[width];
        int n = relevances.size();
        for (Relevance r : relevances) {
            if (r.length() != width) {
                throw new IllegalArgumentException(composition.key() + ": a relevance of [" + r.length()
                        + "] values for a " + width + "-word sample");
            }
            for (int p = 0; p < width; p++) {
                mean[p] += r.step(p);
            }
        }
        for (int p = 0; p < width; p++) {
            mean[p] = n == 0 ? Double.NaN : mean[p] / n;
        }
        for (Relevance r : relevances) {
            for (int p = 0; p < width; p++) {
                std[p] += (r.step(p) - mean[p]) * (r.step(p) - mean[p]);
            }
        }
        for (int p = 0; p < width; p++) {
            std[p] = n == 0 ? Double.NaN : Math.sqrt(std[p] / n);
        }
        return new CompositionRelevance(composition.words(), mean, std, n);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompositionRelevance c && c.words.equals(words) && Arrays.equals(c.mean, mean)
                && Arrays.equals(c.std, std) && c.samples == samples;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + samples;
    }
}
