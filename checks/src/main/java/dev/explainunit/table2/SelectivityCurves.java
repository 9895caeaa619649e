package dev.explainunit.table2;

import dev.explainunit.Sequence;
import dev.explainunit.checks.ExplainedPopulation;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.Sample;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Selectivity curves (in the spirit of the paper's section 4.2, on the toy task): for k = 0..K
 * the mean over models and the first sequences of each model of
 *
 * <pre>
 *   Δ_k = |f(x) − f(x without the first k steps of an order)|
 * </pre>
 *
 * where the order is by decreasing |R_t| for a method, random for the baseline, and "operands
 * first" (the larger |n| of a and b, then the other, then random distractors) for the reference.
 * Steps are deleted, not set to zero, the same convention as the engine's perturbation-selectivity
 * check: shorter sequences are in the training distribution (lengths 4..10), zero steps are not.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SelectivityCurves {

    /** The method name of the baseline that removes the operands first. */
    public static final String OPERANDS_FIRST = "operands first";
    /** The method name of the random-deletion baseline. */
    public static final String RANDOM = "random";

    /** Largest number of removed steps plotted. */
    static final int MAX_REMOVED = 4;

    private enum Order { RELEVANCE, RANDOM, OPERANDS }

    private SelectivityCurves() {
    }

    /** Δ_0..Δ_K removing the steps of largest |R_t| first. */
    public static double[] byRelevance(ExplainedPopulation p, int perModel) {
        return curve(p, perModel, Order.RELEVANCE, 0);
    }

    /** Δ_0..Δ_K removing random steps (seeded). */
    public static double[] random(ExplainedPopulation p, int perModel, long seed) {
        return curve(p, perModel, Order.RANDOM, seed);
    }

    /** Δ_0..Δ_K removing the operands first. */
    public static double[] operandsFirst(ExplainedPopulation p, int perModel, long seed) {
        return curve(p, perModel, Order.OPERANDS, seed);
    }

    private static double[] curve(ExplainedPopulation p, int perModel, Order kind, long seed) {
        double[] curve = new double[MAX_REMOVED + 1];
        int[] counts = new int[MAX_REMOVED + 1];
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[32];
        for (int m = 0; m < p.models().size(); m++) {
            RecurrentNetwork model = p.models().get(m).model();
            for (int i = 0; i < Math.min(perModel, p.samples().size()); i++) {
                Sample sample = p.samples().get(i);
                Sequence x = sample.input();
                double fx = p.prediction(m, i);
                int length = x.length();
                if (order.length < length) {
                    order = new int[length];
                }
                switch (kind) {
                    case RELEVANCE -> rankByMagnitude(p.relevance(m, i), order);
                    case RANDOM -> shuffle(random, length, order, 0);
                    case OPERANDS -> operandsFirst(random, sample, order);
                }
                counts[0]++;
                for (int k = 1; k <= Math.min(MAX_REMOVED, length - 1); k++) {
                    curve[k] += Math.abs(fx - model.predict(without(x, order, k))[0]);
                    counts[k]++;
                }
            }
        }
        for (int k = 0; k <= MAX_REMOVED; k++) {
            curve[k] /= Math.max(1, counts[k]);
        }
        return curve;
    }

    /** Step indices sorted by decreasing |r_t| (ties: earlier step first) into {@code order[0..T)}. */
    static void rankByMagnitude(double[] r, int[] order) {
        int n = r.length;
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        for (int i = 1; i < n; i++) {
            int current = order[i];
            int j = i - 1;
            while (j >= 0 && Math.abs(r[order[j]]) < Math.abs(r[current])) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = current;
        }
    }

    /** The operand of larger |n| first (a on a tie), then the other, then the distractors shuffled. */
    private static void operandsFirst(SplittableRandom random, Sample s, int[] order) {
        int n = s.length();
        GroundTruth.Relevant a = s.truth().role("a").orElseThrow();
        GroundTruth.Relevant b = s.truth().role("b").orElseThrow();
        boolean aFirst = Math.abs(a.value()) >= Math.abs(b.value());
        order[0] = aFirst ? a.position() : b.position();
        order[1] = aFirst ? b.position() : a.position();
        int j = 2;
        for (int t = 0; t < n; t++) {
            if (t != a.position() && t != b.position()) {
                order[j++] = t;
            }
        }
        shuffle(random, n, order, 2);
    }

    /** Random permutation of 0..n−1 into {@code out[from..n)}; when {@code from} is 0 it is filled first. */
    private static void shuffle(SplittableRandom random, int n, int[] out, int from) {
        if (from == 0) {
            for (int t = 0; t < n; t++) {
                out[t] = t;
            }
        }
        for (int t = n - 1; t > from; t--) {
            int j = from + random.nextInt(t - from + 1);
            int swap = out[t];
            out[t] = out[j];
            out[j] = swap;
        }
    }

    /** {@code x} without the steps {@code order[0..k)}. */
    static Sequence without(Sequence x, int[] order, int k) {
        double[][] kept = new double[x.length() - k][];
        int j = 0;
        for (int t = 0; t < x.length(); t++) {
            boolean removed = false;
            for (int i = 0; i < k; i++) {
                removed |= order[i] == t;
            }
            if (!removed) {
                kept[j] = new double[x.dim()];
                for (int d = 0; d < x.dim(); d++) {
                    kept[j][d] = x.get(t, d);
                }
                j++;
            }
        }
        return Sequence.of(kept);
    }
}
