package dev.explainunit.deletion;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The accuracy of one method's word deletion (paper Table 3) after removing k = 0, 1, 2, 3
 * words: {@code decreasing[k]} on the initially correct sentences (so {@code decreasing[0]} =
 * 100), {@code increasing[k]} on the initially misclassified ones ({@code increasing[0]} = 0), in
 * %. A subset that is empty gives NaN accuracies.
 *
 * @param method     the method id, or {@code random}
 * @param decreasing accuracy in % after removing the k most relevant words, k = 0..3
 * @param increasing accuracy in % after removing the k least relevant words, k = 0..3
 * @param correct    number of initially correctly classified sentences (the decreasing half)
 * @param incorrect  number of initially misclassified sentences (the increasing half)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DeletionCurve(String method, double[] decreasing, double[] increasing, int correct, int incorrect) {

    /** @throws IllegalArgumentException unless both curves have {@value WordDeletion#MAX_DELETED} + 1 points */
    public DeletionCurve {
        if (decreasing.length != WordDeletion.MAX_DELETED + 1 || increasing.length != WordDeletion.MAX_DELETED + 1) {
            throw new IllegalArgumentException("a deletion curve has " + (WordDeletion.MAX_DELETED + 1)
                    + " accuracies (0.." + WordDeletion.MAX_DELETED + " words removed), got [" + decreasing.length
                    + ", " + increasing.length + "] for " + method);
        }
        decreasing = decreasing.clone();
        increasing = increasing.clone();
    }

    /** The four accuracies in % of one order (a copy). */
    public double[] accuracy(DeletionOrder order) {
        return (order == DeletionOrder.DECREASING ? decreasing : increasing).clone();
    }

    @Override
    public double[] decreasing() {
        return decreasing.clone();
    }

    @Override
    public double[] increasing() {
        return increasing.clone();
    }

    /**
     * The average accuracy change over removing 1, 2 and 3 words, the one number per order that
     * Table 3 normalises:
     * <pre>
     *   Δ̄ = (1/3) Σ_{k=1..3} (acc_k − acc_0)
     * </pre>
     */
    public double meanChange(DeletionOrder order) {
        return meanChange(order == DeletionOrder.DECREASING ? decreasing : increasing);
    }

    static double meanChange(double[] accuracy) {
        double sum = 0;
        for (int k = 1; k <= WordDeletion.MAX_DELETED; k++) {
            sum += accuracy[k] - accuracy[0];
        }
        return sum / WordDeletion.MAX_DELETED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeletionCurve c && c.method.equals(method) && Arrays.equals(c.decreasing, decreasing)
                && Arrays.equals(c.increasing, increasing) && c.correct == correct && c.incorrect == incorrect;
    }

    @Override
    public int hashCode() {
        return 31 * method.hashCode() + Arrays.hashCode(decreasing);
    }

    @Override
    public String toString() {
        return method + ": decreasing " + Arrays.toString(decreasing) + " on " + correct + ", increasing "
                + Arrays.toString(increasing) + " on " + incorrect;
    }
}
