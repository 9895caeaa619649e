package dev.explainunit.cli;

import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.train.ToyTrainer;
import dev.explainunit.train.TrainingSettings;
import dev.explainunit.train.TrainingSummary;
import dev.explainunit.zoo.Architecture;
import dev.explainunit.zoo.ZooDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code explainunit train}: trains toy-task models of the task's architecture (the paper's
 * single-unit LSTM for {@code addition} and {@code subtraction}, GRUs for {@code -gru}, two-layer
 * LSTMs for {@code -lstm2}; {@code --cell}, {@code --layers}, {@code --hidden} change it) until N have
 * validation MSE &lt; 1e-4 and writes them with an index. Model files are written atomically and the
 * index last, so an interrupted run leaves no half-written file.
 */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {"Trains models of a toy task's architecture (paper 3.2, A.4: addition and subtraction the"
                + " paper's single-unit LSTM, -gru GRUs, -lstm2 two-layer LSTMs) until N models reach validation "
                + "MSE < 1e-4; writes DIR/<id>.safetensors and DIR/index.json.",
                "Data of all splits comes from --seed; run k starts from initialisation seed --seed + k.",
                "--task sentiment retrains the bundled sentence model (initialisation seed --seed, default 1):"
                        + " DIR/sentiment.safetensors, vocab.txt, index.json."})
final class TrainCommand implements Callable<Integer> {

    private enum Phase { TRAINING, WRITING, DONE }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "T", description = "addition, subtraction, addition-gru,"
            + " subtraction-gru, addition-lstm2, subtraction-lstm2 or sentiment")
    String task;

    @Option(names = "--cell", paramLabel = "KIND", description = "lstm or gru (default: the task's)")
    String cell;

    @Option(names = "--layers", paramLabel = "L", description = "recurrent layers (default: the task's)")
    Integer layers;

    @Option(names = "--hidden", paramLabel = "H", description = "units per layer (default: the task's)")
    Integer hidden;

    @Option(names = "--max-evaluations", paramLabel = "E",
            description = "loss-and-gradient evaluations a run may spend (default: the training settings')")
    Integer maxEvaluations;

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
        ToyArithmeticTask parsedTask = parseTask(task);
        Architecture architecture = architecture(parsedTask.architecture());
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
        if (maxEvaluations != null && maxEvaluations < 1) {
            throw new UsageException("--max-evaluations must be at least 1, got " + maxEvaluations);
        }
        TrainingSettings settings = new TrainingSettings(defaults.memory(), stopAt, defaults.keepValidationMse(),
                defaults.abandonAfterEvaluations(), defaults.abandonTrainMse(),
                maxEvaluations == null ? defaults.maxEvaluations() : maxEvaluations);
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
            ToyTrainer trainer = new ToyTrainer(parsedTask, architecture, seed, settings);
            TrainingSummary summary;
            try (ProgressBar bar = new ProgressBar("train " + parsedTask.id() + " (" + architecture.describe() + ")",
                    models)) {
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
                summary.write(out);
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

    /** The toy task with id {@code id}: one whose data is addition or subtraction. */
    static ToyArithmeticTask parseTask(String id) {
        if (!(TaskOptions.byId(id) instanceof ToyArithmeticTask toy)) {
            throw new UsageException("--task " + id + " is not a toy task; models are trained for addition, subtraction"
                    + " and their -gru and -lstm2 variants (and sentiment)");
        }
        return toy;
    }

    /** The task's architecture with the options given. */
    private Architecture architecture(Architecture ofTask) {
        try {
            return new Architecture(cell == null ? ofTask.cell() : cell, layers == null ? ofTask.layers() : layers,
                    hidden == null ? ofTask.hidden() : hidden);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
