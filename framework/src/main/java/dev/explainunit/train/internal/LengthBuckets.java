package dev.explainunit.train.internal;

import java.util.Arrays;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * One epoch's mini-batches of sentences of about equal length: the sentences are shuffled, sorted
 * by length (stable, so equal lengths stay shuffled), cut into batches of {@code batchSize}
 * consecutive sentences, and the batches shuffled. Equal lengths keep a batch's chunks of equal
 * cost for the threads; the shuffles keep the batches varied from epoch to epoch.
 *
 * @param order  sentence indices, batch after batch
 * @param starts batch b is {@code order[starts[b]] .. order[starts[b + 1] − 1]}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record LengthBuckets(int[] order, int[] starts) {

    /** The batches of one epoch, drawn from {@code random} (advanced). */
    public static LengthBuckets plan(EncodedSentences data, int batchSize, Random random) {
        int n = data.size();
        Integer[] shuffled = new Integer[n];
        for (int k = 0; k < n; k++) {
            shuffled[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            Integer swap = shuffled[k];
            shuffled[k] = shuffled[j];
            shuffled[j] = swap;
        }
        Arrays.sort(shuffled, (a, b) -> Integer.compare(data.ids()[a].length, data.ids()[b].length));
        int batches = (n + batchSize - 1) / batchSize;
        int[] batchOrder = new int[batches];
        for (int b = 0; b < batches; b++) {
            batchOrder[b] = b;
        }
        for (int b = batches - 1; b > 0; b--) {
            int j = random.nextInt(b + 1);
            int swap = batchOrder[b];
            batchOrder[b] = batchOrder[j];
            batchOrder[j] = swap;
        }
        int[] order = new int[n];
        int[] starts = new int[batches + 1];
        int next = 0;
        for (int b = 0; b < batches; b++) {
            starts[b] = next;
            int from = batchOrder[b] * batchSize;
            int to = Math.min(n, from + batchSize);
            for (int k = from; k < to; k++) {
                order[next++] = shuffled[k];
            }
        }
        starts[batches] = n;
        return new LengthBuckets(order, starts);
    }

    /** Number of batches. */
    public int batches() {
        return starts.length - 1;
    }
}
