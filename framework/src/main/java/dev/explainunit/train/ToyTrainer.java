package dev.explainunit.train;

import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.train.internal.Lbfgs;
import dev.explainunit.train.internal.MseLoss;
import dev.explainunit.train.internal.NetworkParameters;
import dev.explainunit.train.internal.SequenceBatch;
import dev.explainunit.zoo.Architecture;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Trains toy models of one architecture on a toy task with the paper's protocol (A.4): a
 * unidirectional stack of L layers of one cell kind (LSTM or GRU) with H units each and a linear
 * output without bias (the paper's model: one LSTM layer, H = 1, 17 parameters), weights U(−1, 1)
 * and biases 0, full-batch MSE on the 10000 training sequences, minimised by L-BFGS with a strong
 * Wolfe line search (see {@link TrainingSettings} for the stopping rules and src/docs/training.md
 * for why not the paper's fixed-step optimiser, the parameter layouts and the measured convergence).
 *
 * <p>The data of all three splits is generated once from the data seed and shared read-only by
 * all runs. Run k of {@link #trainUntil} uses initialisation seed {@code firstSeed + k}; the kept
 * models are the first ones in seed order, so the result does not depend on the thread count.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ToyTrainer {

    /** Hidden units of the paper's toy model and inputs per step of every toy task. */
    public static final int HIDDEN = 1, INPUTS = 2;

    private static final double GRADIENT_TOLERANCE = 1e-12;
    /** Validation is checked every iteration once the training MSE is below this, else every 20th. */
    private static final double CHECK_VALIDATION_BELOW = 1e-4;
    private static final int CHECK_VALIDATION_EVERY = 20;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ToyArithmeticTask task;
    private final Architecture architecture;
    private final long dataSeed;
    private final TrainingSettings settings;
    private final NetworkParameters layout;
    private final SequenceBatch train;
    private final SequenceBatch validation;
    private final SequenceBatch test;

    /**
     * A trainer of the paper's single-unit LSTM on the paper-sized splits of {@code task} generated
     * from {@code dataSeed}.
     */
    public ToyTrainer(ToyTask task, long dataSeed, TrainingSettings settings) {
        this(ToyArithmeticTask.of(task), Architecture.PAPER, dataSeed, settings);
    }

    /** A trainer of {@code architecture} on the paper-sized splits of {@code task} generated from {@code dataSeed}. */
    public ToyTrainer(ToyArithmeticTask task, Architecture architecture, long dataSeed, TrainingSettings settings) {
        this(task, architecture, dataSeed, settings, Split.TRAIN.size());
    }

    /** As above with a smaller training split (for quick runs); validation and test stay paper-sized. */
    public ToyTrainer(ToyArithmeticTask task, Architecture architecture, long dataSeed, TrainingSettings settings,
                      int trainSize) {
        if (task == null || architecture == null || settings == null) {
            throw new IllegalArgumentException("task, architecture and settings are required");
        }
        if (trainSize < 1) {
            throw new IllegalArgumentException("training set size must be >= 1, got " + trainSize);
        }
        this.task = task;
        this.architecture = architecture;
        this.dataSeed = dataSeed;
        this.settings = settings;
        this.layout = NetworkParameters.of(architecture, INPUTS);
        ToyTask arithmetic = task.arithmetic();
        this.train = SequenceBatch.of(ToyData.generate(arithmetic, Split.TRAIN, trainSize, dataSeed));
        this.validation = SequenceBatch.of(ToyData.generate(arithmetic, Split.VALIDATION, dataSeed));
        this.test = SequenceBatch.of(ToyData.generate(arithmetic, Split.TEST, dataSeed));
    }

    /** The task whose data the models learn and whose id names them. */
    public ToyArithmeticTask task() {
        return task;
    }

    /** The architecture of the models. */
    public Architecture architecture() {
        return architecture;
    }

    /** |θ|, the trained parameters of one model (src/docs/training.md has the layouts). */
    public int parameterCount() {
        return layout.count();
    }

    public long dataSeed() {
        return dataSeed;
    }

    public TrainingSettings settings() {
        return settings;
    }

    /** Trains one model from initialisation seed {@code seed} on the calling thread. */
    public TrainingRun train(long seed) {
        return train(seed, new AtomicBoolean());
    }

    private TrainingRun train(long seed, AtomicBoolean cancelled) {
        long started = System.nanoTime();
        long cpuStarted = cpuNanos();
        MseLoss trainLoss = MseLoss.create(train, layout);
        MseLoss validationLoss = MseLoss.create(validation, layout);
        double[] best = layout.initial(seed);
        double[] bestValidation = {validationLoss.value(best)};
        double[] bestTrain = {Double.POSITIVE_INFINITY};
        RunOutcome[] outcome = {null};
        Lbfgs.Monitor monitor = (iteration, evaluations, x, value) -> {
            bestTrain[0] = Math.min(bestTrain[0], value);
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                outcome[0] = RunOutcome.CANCELLED;
                return false;
            }
            if (value < CHECK_VALIDATION_BELOW || iteration % CHECK_VALIDATION_EVERY == 0) {
                double v = validationLoss.value(x);
                if (v < bestValidation[0]) {
                    bestValidation[0] = v;
                    System.arraycopy(x, 0, best, 0, best.length);
                }
                if (v < settings.successValidationMse()) {
                    outcome[0] = RunOutcome.CONVERGED;
                    return false;
                }
            }
            if (evaluations >= settings.abandonAfterEvaluations() && bestTrain[0] > settings.abandonTrainMse()) {
                outcome[0] = RunOutcome.ABANDONED;
                return false;
            }
            return true;
        };
        Lbfgs.Result result = new Lbfgs(settings.memory(), settings.maxEvaluations(), GRADIENT_TOLERANCE)
                .minimize(trainLoss, best.clone(), monitor);
        double finalValidation = validationLoss.value(result.x());
        if (finalValidation < bestValidation[0]) {
            bestValidation[0] = finalValidation;
            System.arraycopy(result.x(), 0, best, 0, best.length);
        }
        if (outcome[0] == null) {
            outcome[0] = result.termination() == Lbfgs.Termination.MAX_EVALUATIONS
                    ? RunOutcome.BUDGET_EXHAUSTED : RunOutcome.OPTIMISER_STOPPED;
        }
        double trainMse = trainLoss.value(best);
        double testMse = MseLoss.create(test, layout).value(best);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (cpuNanos() - cpuStarted) / 1e9;
        boolean kept = outcome[0] != RunOutcome.CANCELLED && bestValidation[0] < settings.keepValidationMse();
        return new TrainingRun(task.id(), seed, layout.toNetwork(best), trainMse, bestValidation[0], testMse,
                result.evaluations(), seconds, cpuSeconds, kept, outcome[0]);
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * Trains from seeds {@code firstSeed, firstSeed + 1, ...} on {@code threads} threads until the
     * first {@code models} seeds in seed order have been kept, or {@code maxRuns} seeds are used up.
     *
     * @throws InterruptedException if the calling thread is interrupted; running runs are cancelled
     *                              and nothing is returned
     */
    public TrainingSummary trainUntil(int models, long firstSeed, int maxRuns, int threads, TrainingListener listener)
            throws InterruptedException {
        if (models < 1 || maxRuns < models || threads < 1) {
            throw new IllegalArgumentException("need models >= 1, maxRuns >= models and threads >= 1, got models="
                    + models + ", maxRuns=" + maxRuns + ", threads=" + threads);
        }
        long started = System.nanoTime();
        Map<Integer, TrainingRun> finished = new ConcurrentHashMap<>();
        AtomicLong nextRun = new AtomicLong();
        AtomicBoolean enough = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "explainunit-trainer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    while (!enough.get() && !Thread.currentThread().isInterrupted()) {
                        long k = nextRun.getAndIncrement();
                        if (k >= maxRuns) {
                            return;
                        }
                        TrainingRun run = train(firstSeed + k, enough);
                        if (run.outcome() == RunOutcome.CANCELLED) {
                            return;
                        }
                        finished.put((int) k, run);
                        listener.runFinished(run);
                        if (keptInPrefix(finished, models).size() >= models) {
                            enough.set(true);
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a training run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<TrainingRun> kept = keptInPrefix(finished, models);
        int tried = 0;
        long evaluations = 0;
        double cpuSeconds = 0;
        for (int k = 0; finished.containsKey(k); k++) {
            TrainingRun run = finished.get(k);
            tried++;
            evaluations += run.evaluations();
            cpuSeconds += run.cpuSeconds();
            if (kept.size() == models && run == kept.get(models - 1)) {
                break;
            }
        }
        return new TrainingSummary(task.id(), architecture, dataSeed, settings, kept, tried, evaluations,
                (System.nanoTime() - started) / 1e9, cpuSeconds, threads);
    }

    /** The kept runs among the finished seeds 0, 1, ... up to the first unfinished one, at most {@code limit}. */
    private static List<TrainingRun> keptInPrefix(Map<Integer, TrainingRun> finished, int limit) {
        List<TrainingRun> kept = new ArrayList<>();
        for (int k = 0; finished.containsKey(k) && kept.size() < limit; k++) {
            TrainingRun run = finished.get(k);
            if (run.kept()) {
                kept.add(run);
            }
        }
        return kept;
    }
}
