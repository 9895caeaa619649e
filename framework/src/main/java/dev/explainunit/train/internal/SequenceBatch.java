package dev.explainunit.train.internal;

import dev.explainunit.Sequence;
import dev.explainunit.toy.ToySample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A data set flattened into primitive arrays for the training loop: sequence n occupies steps
 * {@code start[n] .. start[n+1]-1}, step s's inputs are {@code inputs[s*D .. s*D+D-1]}.
 * Sequences are stored sorted by length (stable), so that runs of equal length can be processed
 * side by side; the mean squared error does not depend on the order.
 * Immutable after construction and shared by all training threads.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SequenceBatch {

    final int dim;
    final int size;
    final int maxLength;
    final int[] start;
    final double[] inputs;
    final double[] targets;
    /** The sequences in the stored order: sequence n is the steps of {@code start[n] .. start[n+1]-1}. */
    final Sequence[] sequences;

    private SequenceBatch(int dim, int[] start, double[] inputs, double[] targets, Sequence[] sequences) {
        this.dim = dim;
        this.sequences = sequences;
        this.size = targets.length;
        this.start = start;
        this.inputs = inputs;
        this.targets = targets;
        int longest = 0;
        for (int n = 0; n < size; n++) {
            longest = Math.max(longest, start[n + 1] - start[n]);
        }
        this.maxLength = longest;
    }

    /** The samples' sequences and targets y. */
    public static SequenceBatch of(List<ToySample> unsorted) {
        if (unsorted.isEmpty()) {
            throw new IllegalArgumentException("a training batch needs at least one sample");
        }
        int dim = unsorted.get(0).sequence().dim();
        for (int n = 0; n < unsorted.size(); n++) {
            if (unsorted.get(n).sequence().dim() != dim) {
                throw new IllegalArgumentException("sample " + n + " has " + unsorted.get(n).sequence().dim()
                        + " inputs per step, sample 0 has " + dim);
            }
        }
        List<ToySample> samples = new ArrayList<>(unsorted);
        samples.sort(Comparator.comparingInt(ToySample::length));
        int[] start = new int[samples.size() + 1];
        for (int n = 0; n < samples.size(); n++) {
            start[n + 1] = start[n] + samples.get(n).length();
        }
        double[] inputs = new double[start[samples.size()] * dim];
        double[] targets = new double[samples.size()];
        Sequence[] sequences = new Sequence[samples.size()];
        for (int n = 0; n < samples.size(); n++) {
            ToySample sample = samples.get(n);
            sequences[n] = sample.sequence();
            double[] values = new double[sample.length() * dim];
            sample.sequence().copyTo(values);
            System.arraycopy(values, 0, inputs, start[n] * dim, values.length);
            targets[n] = sample.y();
        }
        return new SequenceBatch(dim, start, inputs, targets, sequences);
    }

    /** Number of sequences. */
    public int size() {
        return size;
    }

    /** D, inputs per step. */
    public int dim() {
        return dim;
    }

    /** The length of sequence n (in the stored order). */
    public int length(int n) {
        return start[n + 1] - start[n];
    }

    /** The longest sequence's length. */
    public int maxLength() {
        return maxLength;
    }
}
