package dev.explainunit.train.internal;

import dev.explainunit.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;

/**
 * Mini-batch gradients and accuracies computed on several threads with a result that does not
 * depend on their number: θ's network is made once per call and shared; a batch is cut into
 * {@value #CHUNKS} fixed chunks by position, each chunk sums its sentences' gradients in order into
 * its own buffer (with its own {@link SentenceLoss} workspace), whichever thread runs it, and the
 * chunk buffers are summed in chunk order. Summing
 * floating-point numbers in a fixed order gives the same bits on 1 or 16 threads.
 *
 * <p>The embedding gradient is sparse (only the rows of the batch's tokens): a chunk records the
 * rows it touched and only those are added and cleared. Per batch it allocates the executor's
 * futures and, since every batch brings new weights, each chunk's {@code NetworkBatch} for them.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ChunkedGradient implements AutoCloseable {

    /** Chunks per batch, fixed so that the summation order is too; at most this many threads are busy. */
    public static final int CHUNKS = 4;

    private final int denseFrom;
    private final int embeddingWidth;
    private final double[][] chunkGradient = new double[CHUNKS][];
    private final double[] chunkLoss = new double[CHUNKS];
    private final int[] chunkCorrect = new int[CHUNKS];
    private final boolean[][] touched = new boolean[CHUNKS][];
    private final int[][] touchedRows = new int[CHUNKS][];
    private final int[] touchedCount = new int[CHUNKS];
    private final SentenceLoss[] workspace = new SentenceLoss[CHUNKS];
    private final List<Callable<Void>> gradientTasks = new ArrayList<>();
    private final List<Callable<Void>> accuracyTasks = new ArrayList<>();
    private final ExecutorService pool;
    private final SentenceParameters layout;
    // the job of the current call, read by the chunk tasks (published by the executor's hand-over)
    private double[] theta;
    private RecurrentNetwork network;
    private EncodedSentences data;
    private int[] order;
    private int from;
    private int to;
    private double weight;

    /** @param threads worker threads; 1 computes on the calling thread */
    public ChunkedGradient(SentenceParameters layout, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.layout = layout;
        this.denseFrom = layout.weightIhOffset(0);
        this.embeddingWidth = layout.embeddingSize();
        for (int c = 0; c < CHUNKS; c++) {
            chunkGradient[c] = new double[layout.count()];
            touched[c] = new boolean[layout.vocabularySize()];
            touchedRows[c] = new int[layout.vocabularySize()];
            workspace[c] = new SentenceLoss(layout);
            int chunk = c;
            gradientTasks.add(() -> {
                gradientOfChunk(chunk);
                return null;
            });
            accuracyTasks.add(() -> {
                correctInChunk(chunk);
                return null;
            });
        }
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(Math.min(threads, CHUNKS), runnable -> {
            Thread thread = new Thread(runnable, "explainunit-sentence-trainer");
            thread.setDaemon(true);
            return thread;
        });
    }

    private int chunkFrom(int c) {
        return from + (int) ((long) (to - from) * c / CHUNKS);
    }

    /**
     * Writes the mean gradient (1/B) Σ_n ∂L_n/∂θ of sentences {@code order[from..to)} of
     * {@code data} into {@code gradient} (modified, |θ| long) and returns Σ_n L_n.
     */
    public double meanGradient(double[] theta, EncodedSentences data, int[] order, int from, int to,
                               double[] gradient) throws InterruptedException {
        this.theta = theta;
        this.network = layout.toNetwork(theta);
        this.data = data;
        this.order = order;
        this.from = from;
        this.to = to;
        this.weight = 1.0 / (to - from);
        run(gradientTasks);
        Arrays.fill(gradient, 0, denseFrom, 0.0);
        double loss = 0;
        for (int c = 0; c < CHUNKS; c++) {
            double[] g = chunkGradient[c];
            for (int k = denseFrom; k < g.length; k++) {
                gradient[k] = c == 0 ? g[k] : gradient[k] + g[k];
            }
            for (int r = 0; r < touchedCount[c]; r++) {
                int base = touchedRows[c][r] * embeddingWidth;
                for (int e = base; e < base + embeddingWidth; e++) {
                    gradient[e] += g[e];
                }
            }
            loss += chunkLoss[c];
        }
        return loss;
    }

    private void gradientOfChunk(int c) {
        double[] g = chunkGradient[c];
        boolean[] seen = touched[c];
        int[] rows = touchedRows[c];
        for (int r = 0; r < touchedCount[c]; r++) {
            int base = rows[r] * embeddingWidth;
            Arrays.fill(g, base, base + embeddingWidth, 0.0);
            seen[rows[r]] = false;
        }
        touchedCount[c] = 0;
        int first = chunkFrom(c);
        int last = chunkFrom(c + 1);
        for (int k = first; k < last; k++) {
            for (int id : data.ids()[order[k]]) {
                if (!seen[id]) {
                    seen[id] = true;
                    rows[touchedCount[c]++] = id;
                }
            }
        }
        SentenceLoss sentenceLoss = workspace[c];
        sentenceLoss.clear();
        chunkLoss[c] = first == last ? 0
                : sentenceLoss.add(network, theta, data.ids(), data.labels(), order, first, last, weight, g);
        if (first == last) {
            Arrays.fill(g, denseFrom, g.length, 0.0);
        } else {
            sentenceLoss.writeParameterGradient(g);
        }
    }

    /** How many sentences of {@code data} the model θ classifies correctly. */
    public int correct(double[] theta, EncodedSentences data) throws InterruptedException {
        this.theta = theta;
        this.network = layout.toNetwork(theta);
        this.data = data;
        this.order = null;
        this.from = 0;
        this.to = data.size();
        run(accuracyTasks);
        int correct = 0;
        for (int c = 0; c < CHUNKS; c++) {
            correct += chunkCorrect[c];
        }
        return correct;
    }

    private void correctInChunk(int c) {
        int first = chunkFrom(c);
        int last = chunkFrom(c + 1);
        chunkCorrect[c] = first == last ? 0
                : workspace[c].correct(network, theta, data.ids(), data.labels(), first, last);
    }

    private void run(List<Callable<Void>> tasks) throws InterruptedException {
        if (pool == null) {
            for (Callable<Void> task : tasks) {
                try {
                    task.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        for (Future<Void> future : pool.invokeAll(tasks)) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("computing a gradient chunk failed: " + e.getCause(), e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
