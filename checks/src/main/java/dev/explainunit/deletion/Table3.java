package dev.explainunit.deletion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The paper's Table 3: each method's average accuracy change when removing up to 3 words,
 * normalised so that random removal scores 0 and removal by {@value #REFERENCE} 100:
 * <pre>
 *   Δ̄_m = (1/3) Σ_{k=1..3} (acc_k,m − acc_0)                 ({@link DeletionCurve#meanChange})
 *   N_m = 100 · (Δ̄_m − Δ̄_random) / (Δ̄_{occlusion-p-diff} − Δ̄_random)
 * </pre>
 * for each order; higher is better in both (a method that lowers accuracy faster than random in
 * the decreasing half, or raises it faster in the increasing half). N_m is NaN where the
 * denominator is 0 or a subset is empty. The raw accuracies stay in {@link #accuracy()}, so any
 * other reading (per k, k = 3 alone) can be recomputed.
 *
 * @param decreasing         N_m of the decreasing half per method ({@code random} first, = 0)
 * @param increasing         N_m of the increasing half per method
 * @param accuracy           the accuracy curves per method, {@code random} first
 * @param random             random deletion with its standard errors
 * @param decreasingZeroError SE of the normalised scale's 0 in the decreasing half:
 *                           100 · SE(Δ̄_random) / |Δ̄_ref − Δ̄_random|, the uncertainty random's draws add to every N_m
 * @param increasingZeroError the same for the increasing half
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Table3(Map<String, Double> decreasing, Map<String, Double> increasing,
                     Map<String, DeletionCurve> accuracy, RandomDeletion random, double decreasingZeroError,
                     double increasingZeroError) {

    /** The method that scores 100. */
    public static final String REFERENCE = "occlusion-p-diff";

    public Table3 {
        decreasing = Collections.unmodifiableMap(new LinkedHashMap<>(decreasing));
        increasing = Collections.unmodifiableMap(new LinkedHashMap<>(increasing));
        accuracy = Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
    }

    /**
     * Table 3 from the methods' curves and random deletion.
     *
     * @throws IllegalArgumentException if no curve is {@value #REFERENCE}'s, or a method id repeats or is {@code random}
     */
    public static Table3 of(List<DeletionCurve> curves, RandomDeletion random) {
        DeletionCurve reference = null;
        Map<String, DeletionCurve> accuracy = new LinkedHashMap<>();
        accuracy.put(RandomDeletion.METHOD, random.curve());
        for (DeletionCurve c : curves) {
            if (accuracy.put(c.method(), c) != null) {
                throw new IllegalArgumentException("method [" + c.method() + "] appears twice in Table 3"
                        + (c.method().equals(RandomDeletion.METHOD) ? " (random deletion is added by Table 3 itself)" : ""));
            }
            if (c.method().equals(REFERENCE)) {
                reference = c;
            }
        }
        if (reference == null) {
            throw new IllegalArgumentException("Table 3 is normalised to " + REFERENCE + " = 100, but its curve is "
                    + "missing among " + accuracy.keySet());
        }
        Map<String, Double> decreasing = new LinkedHashMap<>();
        Map<String, Double> increasing = new LinkedHashMap<>();
        for (DeletionCurve c : accuracy.values()) {
            decreasing.put(c.method(), normalised(c, reference, random.curve(), DeletionOrder.DECREASING));
            increasing.put(c.method(), normalised(c, reference, random.curve(), DeletionOrder.INCREASING));
        }
        return new Table3(decreasing, increasing, accuracy, random,
                zeroError(reference, random, DeletionOrder.DECREASING),
                zeroError(reference, random, DeletionOrder.INCREASING));
    }

    /** N_m of one order (see the class comment). */
    static double normalised(DeletionCurve method, DeletionCurve reference, DeletionCurve random, DeletionOrder order) {
        double span = reference.meanChange(order) - random.meanChange(order);
        // + 0.0: random's own score is 0, never −0.0
        return span == 0 ? Double.NaN : 100 * (method.meanChange(order) - random.meanChange(order)) / span + 0.0;
    }

    private static double zeroError(DeletionCurve reference, RandomDeletion random, DeletionOrder order) {
        double span = reference.meanChange(order) - random.curve().meanChange(order);
        return span == 0 ? Double.NaN : 100 * random.meanChangeError(order) / Math.abs(span);
    }

    /** N_m of one order per method. */
    public Map<String, Double> normalised(DeletionOrder order) {
        return order == DeletionOrder.DECREASING ? decreasing : increasing;
    }

    /** The SE of the normalised 0 of one order. */
    public double zeroError(DeletionOrder order) {
        return order == DeletionOrder.DECREASING ? decreasingZeroError : increasingZeroError;
    }
}
