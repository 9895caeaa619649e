package dev.explainunit.toy;

import dev.explainunit.Sequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Generates the toy-task data of paper section 3.2 / appendix A.4, deterministically from a seed.
 *
 * <p>Derivation (fixed; the same arguments always give the same samples on every JVM): one
 * {@link SplittableRandom} is created with seed {@code seed + 0x9E3779B97F4A7C15L * (1 + 3 *
 * task.ordinal() + split.ordinal())}, so every (task, split) pair of one seed reads its own
 * stream. For each sample, in this order:
 * <ol>
 *   <li>T = minLength + nextInt(maxLength − minLength + 1);</li>
 *   <li>the marked pair, uniform over the T(T−1)/2 pairs: p = nextInt(T), q = nextInt(T − 1),
 *       q += 1 if q ≥ p; a = min(p, q), b = max(p, q);</li>
 *   <li>for t = 0..T−1 a number n_t: subtraction n = 0.5 + 0.5·nextDouble(); addition the same
 *       magnitude, then negated if nextBoolean(), i.e. n ~ U([−1, −0.5] ∪ [0.5, 1]);</li>
 *   <li>x_t = (n_t, 0) at t ∈ {a, b}, x_t = (0, n_t) elsewhere; y = n_a + n_b or n_a − n_b.</li>
 * </ol>
 * A shorter {@code count} gives a prefix of the longer list of the same seed.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ToyData {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ToyData() {
    }

    /** The paper-sized split ({@link Split#size()} samples). */
    public static List<ToySample> generate(ToyTask task, Split split, long seed) {
        requireNonNull(task, split);
        return generate(task, split, split.size(), seed);
    }

    /**
     * {@code count} samples of the split's length distribution, as an unmodifiable list.
     *
     * @throws IllegalArgumentException if task or split is null or count is negative
     */
    public static List<ToySample> generate(ToyTask task, Split split, int count, long seed) {
        requireNonNull(task, split);
        if (count < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, got " + count);
        }
        SplittableRandom random = new SplittableRandom(seed + GOLDEN_GAMMA * (1 + 3L * task.ordinal() + split.ordinal()));
        List<ToySample> samples = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            samples.add(sample(task, split, random));
        }
        return Collections.unmodifiableList(samples);
    }

    private static ToySample sample(ToyTask task, Split split, SplittableRandom random) {
        int length = split.minLength() + random.nextInt(split.maxLength() - split.minLength() + 1);
        int p = random.nextInt(length);
        int q = random.nextInt(length - 1);
        if (q >= p) {
            q++;
        }
        int a = Math.min(p, q);
        int b = Math.max(p, q);
        double[][] steps = new double[length][2];
        for (int t = 0; t < length; t++) {
            double n = number(task, random);
            if (t == a || t == b) {
                steps[t][0] = n;
            } else {
                steps[t][1] = n;
            }
        }
        double na = steps[a][0];
        double nb = steps[b][0];
        return new ToySample(Sequence.of(steps), a, b, na, nb, task.target(na, nb));
    }

    /** A number of the task's distribution (paper 3.2). */
    private static double number(ToyTask task, SplittableRandom random) {
        double magnitude = 0.5 + 0.5 * random.nextDouble();
        if (task == ToyTask.ADDITION && random.nextBoolean()) {
            return -magnitude;
        }
        return magnitude;
    }

    private static void requireNonNull(ToyTask task, Split split) {
        if (task == null || split == null) {
            throw new IllegalArgumentException("task and split are required, got task=" + task + ", split=" + split);
        }
    }
}
