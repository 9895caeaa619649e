package dev.explainunit.sentiment;

import dev.explainunit.sentiment.internal.WhitenedPca;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One panel of the paper's Figure 1: the whitened 2-D PCA projection of the test sentences'
 * representations, with the variance the components explain (the caption's percentages).
 *
 * @param representation a method id, {@value SentenceRepresentations#AVERAGE} or {@value SentenceRepresentations#LRP_LAST_HIDDEN}
 * @param explained      {% of variance by PC1 + PC2, % by PC3}
 * @param x              each sentence's whitened PC1 coordinate, in test-set order
 * @param y              each sentence's whitened PC2 coordinate
 * @param classes        each sentence's true class, the colour of its point
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Projection(String representation, double[] explained, double[] x, double[] y, int[] classes) {

    public Projection {
        explained = explained.clone();
        x = x.clone();
        y = y.clone();
        classes = classes.clone();
    }

    /**
     * The projection of {@code vectors} (one per sentence, not modified).
     *
     * @throws IllegalArgumentException for fewer than two sentences or vectors and classes of different counts
     */
    public static Projection of(String representation, List<double[]> vectors, int[] classes) {
        if (vectors.size() != classes.length) {
            throw new IllegalArgumentException(representation + ": " + vectors.size() + " vectors for ["
                    + classes.length + "] classes");
        }
        WhitenedPca pca = WhitenedPca.fit(vectors.toArray(double[][]::new));
        double[] x = new double[vectors.size()];
        double[] y = new double[vectors.size()];
        for (int i = 0; i < x.length; i++) {
            double[] p = pca.project2d(vectors.get(i));
            x[i] = p[0];
            y[i] = p[1];
        }
        return new Projection(representation, new double[] {pca.explained(0) + pca.explained(1), pca.explained(2)},
                x, y, classes);
    }

    @Override
    public double[] explained() {
        return explained.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }
}
