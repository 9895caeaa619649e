package dev.explainunit.checks;

import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The one estimate of the heap a run keeps per test sample and per explanation, used by every
 * memory guard (the sanity checks and the reproduction), computed from the shapes of a task's
 * samples: the longest length T, the largest input dimension D and the most relevant positions k
 * among the first {@value #PROBE} samples.
 *
 * <pre>
 *   per explanation = (16 + 8·T)  relevance row      + 8 its reference + 8 the prediction
 *   per sample      = 40 Sample + 24 Sequence + (16 + 8·T·D) its values
 *                     + 16 GroundTruth + (32 + 8·k) its list + 40·k relevant positions
 * </pre>
 *
 * (object headers of 16 bytes, compressed references counted as 8 to stay on the safe side). On
 * the toy tasks (T = 14, D = 2, k = 2) this is 144 and 448 bytes.
 *
 * @param bytesPerSample      heap per test sample
 * @param bytesPerExplanation heap per explained (model, sample)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MemoryEstimate(long bytesPerSample, long bytesPerExplanation) {

    /** Samples looked at to find the shapes. */
    static final int PROBE = 64;

    /** The estimate for samples of length {@code length}, dimension {@code dim}, {@code relevant} relevant positions. */
    public static MemoryEstimate of(int length, int dim, int relevant) {
        long explanation = 16 + 8L * length + 8 + 8;
        long sample = 40 + 24 + (16 + 8L * length * dim) + (relevant == 0 ? 0 : 16 + 32 + 8L * relevant
                + 40L * relevant);
        return new MemoryEstimate(sample, explanation);
    }

    /** The estimate for the largest shapes among {@code samples}. */
    public static MemoryEstimate of(List<Sample> samples) {
        int length = 1;
        int dim = 1;
        int relevant = 0;
        for (Sample s : samples) {
            length = Math.max(length, s.length());
            dim = Math.max(dim, s.input().dim());
            relevant = Math.max(relevant, s.hasTruth() ? s.truth().relevant().size() : 0);
        }
        return of(length, dim, relevant);
    }

    /** The estimate for the first samples of {@code task} for {@code seed} (at most {@code samples} of them). */
    public static MemoryEstimate of(Task task, long seed, int samples) {
        return of(task.samples(seed, Math.min(PROBE, samples)));
    }

    /** The larger of two estimates, field by field. */
    public MemoryEstimate max(MemoryEstimate other) {
        return new MemoryEstimate(Math.max(bytesPerSample, other.bytesPerSample),
                Math.max(bytesPerExplanation, other.bytesPerExplanation));
    }

    /** Bytes of {@code samples} samples each explained on {@code models} models ({@code populations} times). */
    public long bytes(long samples, long models, int populations) {
        return samples * perSample(models, populations);
    }

    /** Bytes one sample costs with its explanations on {@code models} models in {@code populations} populations. */
    public long perSample(long models, int populations) {
        return bytesPerSample + populations * models * bytesPerExplanation;
    }
}
