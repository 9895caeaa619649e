package dev.explainunit.cli;

import dev.explainunit.toy.ToyTask;
import dev.explainunit.train.ToyTrainer;
import dev.explainunit.train.TrainingSettings;
import dev.explainunit.train.TrainingSummary;
import dev.explainunit.zoo.ZooDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code explainunit train}: trains single-unit LSTMs on a toy task until N have validation MSE
 * &lt; 1e-4 and writes them with an index. Model files are written atomically and the index last,
 * so an interrupted run leaves no half-written file.
 */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {"Trains single-unit LSTMs on a toy task (paper 3.2, A.4) until N models reach validation "
                + "MSE < 1e-4; writes DIR/<id>.safetensors and DIR/index.json.",
                "Data of all splits comes from --seed; run k starts from initialisation seed --seed + k.",
                "--task sentiment retrains the bundled sentence model (initialisation seed --seed, default 1: the"
                        + " bundled one, byte for byte): DIR/sentiment.safetensors, vocab.txt, index.json."})
final class TrainCommand implements Callable<Integer> {

    private enum Phase { TRAINING, WRITING, DONE }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "T", description = "addition, subtraction or sentiment")
    String task;

    @Option(names = "--models", paramLabel = "N", description = "converged models to keep (toy tasks; required there)")
    Integer models;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write the models to")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "data seed and first initialisation seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "K", description = "training threads (default: all cores)")
    Integer threads;

    @Option(names = "--stop-at", paramLabel = "MSE", defaultValue = "1e-5",
            description = "stop a run once its validation MSE is below this (default: ${DEFAULT-VALUE}; models are kept below 1e-4)")
    double stopAt;

    @Option(names = "--max-seeds", paramLabel = "M", description = "give up after this many seeds (default: 10 N + 20)")
    Integer maxSeeds;

    @Option(names = "--force", description = "train into a folder that is not empty: removes the earlier run's"
            + " *.safetensors and index.json (nothing else) before writing")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (SentimentCommands.isSentiment(task)) {
            return trainSentiment();
        }
        ToyTask parsedTask = parseTask(task);
        if (models == null) {
            throw new UsageException("--models is required for task " + parsedTask.id());
        }
        if (models < 1) {
            throw new UsageException("--models must be at least 1, got " + models);
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UsageException("--threads must be at least 1, got " + threadCount);
        }
        int seedBudget = maxSeeds == null ? 10 * models + 20 : maxSeeds;
        if (seedBudget < models) {
            throw new UsageException("--max-seeds (" + seedBudget + ") must be at least --models (" + models + ")");
        }
        if (!(stopAt > 0)) {
            throw new UsageException("--stop-at must be a positive MSE, got " + stopAt);
        }
        PreviousRun.requireEmptyUnlessForced("--out", out, force);
        OutputPaths.requireWritableDirectory("--out", out);
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingSettings defaults = TrainingSettings.defaults();
        TrainingSettings settings = new TrainingSettings(defaults.memory(), stopAt, defaults.keepValidationMse(),
                defaults.abandonAfterEvaluations(), defaults.abandonTrainMse(), defaults.maxEvaluations());
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.TRAINING);
        Thread onInterrupt = new Thread(() -> {
            if (phase.get() != Phase.DONE) {
                System.err.println(System.lineSeparator() + "explainunit: training interrupted; "
                        + (phase.get() == Phase.TRAINING ? "nothing written to " + out
                        : "model files in " + out + " are complete, index.json may be missing"));
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            ToyTrainer trainer = new ToyTrainer(parsedTask, seed, settings);
            TrainingSummary summary;
            try (ProgressBar bar = new ProgressBar("train " + parsedTask.id(), models)) {
                summary = trainer.trainUntil(models, seed, seedBudget, threadCount, run -> {
                    if (run.kept()) {
                        bar.step();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spec.commandLine().getErr().println("explainunit: training interrupted; nothing written to " + out);
                return 130;
            }
            phase.set(Phase.WRITING);
            try {
                if (force) { // only now: an interrupted or failed training keeps the earlier run
                    String removed = PreviousRun.clear(out);
                    if (removed != null) {
                        stdout.println(removed);
                    }
                }
                ZooDirectory.write(out, summary, ZooDirectory.describe(settings));
            } catch (IOException e) {
                throw new UsageException("--out " + out + ": the models could not be written ("
                        + OutputPaths.describe(e) + ")", e);
            }
            phase.set(Phase.DONE);
            stdout.printf(Locale.ROOT, "%s: kept %d of %d seeds (convergence rate %.2f), %d evaluations, %.1f s wall"
                            + " (%.1f s CPU on %s); wrote %s%n",
                    parsedTask.id(), summary.kept().size(), summary.seedsTried(), summary.convergenceRate(),
                    summary.totalEvaluations(), summary.wallSeconds(), summary.cpuSeconds(), threads(threadCount),
                    out.resolve(ZooDirectory.INDEX));
            stdout.flush();
            if (summary.kept().size() < models) {
                spec.commandLine().getErr().println("explainunit: only " + summary.kept().size() + " of " + models
                        + " models converged within " + seedBudget + " seeds");
                return 1;
            }
            return 0;
        } finally {
            phase.set(Phase.DONE);
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook reports what was written
            }
        }
    }

    /** {@code --task sentiment}: the bundled sentence classifier, initialisation seed --seed. */
    private int trainSentiment() {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UsageException("--threads must be at least 1, got " + threadCount);
        }
        return SentimentCommands.train(out, force, seed, threadCount, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** "1 thread", "4 threads". */
    static String threads(int count) {
        return count == 1 ? "1 thread" : count + " threads";
    }

    static ToyTask parseTask(String id) {
        try {
            return ToyTask.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--task: " + e.getMessage());
        }
    }
}
