package dev.explainunit.cli;

import dev.explainunit.sentence.CorpusSentence;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.sentence.SentenceWriter;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.train.SentimentTraining;
import dev.explainunit.zoo.ModelZoo;
import dev.explainunit.zoo.SentenceTrainingSettings;
import dev.explainunit.zoo.SentimentAccuracy;
import dev.explainunit.zoo.SentimentZooIndex;
import dev.explainunit.zoo.SentimentZooModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code sentiment} task of {@code train} and {@code zoo list | export}: the bundled
 * five-class sentence classifier and its corpus.
 */
final class SentimentCommands {

    /** The task id that selects these commands. */
    static final String TASK = SentimentZooIndex.TASK;

    private SentimentCommands() {
    }

    static boolean isSentiment(String task) {
        return TASK.equals(task);
    }

    /**
     * {@code train --task sentiment --out DIR [--seed S] [--threads N]}: retrains the bundled model
     * (deterministic for a seed, on any thread count; the bundled file's accuracies, its weights
     * within 1e-4, see training.md); a line per epoch on stderr.
     */
    static int train(Path out, boolean force, long seed, int threads, PrintWriter stdout, PrintWriter stderr) {
        PreviousRun.requireEmptyUnlessForced("--out", out, force);
        OutputPaths.requireWritableDirectory("--out", out);
        SentenceTrainingSettings settings = SentenceTrainingSettings.sentiment().withSeed(seed);
        SentimentTraining training;
        try {
            training = SentimentTraining.run(SentimentCorpus.DEFAULT_SEED, settings, threads, epoch -> {
                stderr.printf(Locale.ROOT, "epoch %d: loss %.4f, validation accuracy %.2f%%, %.1f s%n", epoch.epoch(),
                        epoch.trainLoss(), 100 * epoch.validationAccuracy(), epoch.seconds());
                stderr.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println("explainunit: training interrupted; nothing written to " + out);
            return 130;
        }
        SentimentZooModel trained = new SentimentZooModel(training.result().model(), training.zooIndex());
        try {
            clearIfForced(out, force, stdout);
            trained.write(out);
        } catch (IOException e) {
            throw new UsageException("--out " + out + ": the model could not be written (" + OutputPaths.describe(e)
                    + ")", e);
        }
        stdout.printf(Locale.ROOT, "sentiment: best epoch %d of %d, %.1f s on %s; %s; wrote %s%n",
                training.result().bestEpoch(), training.result().epochs().size(), training.result().seconds(),
                TrainCommand.threads(threads),
                accuracies(trained.index()), out.resolve(SentimentZooIndex.MODEL_FILE));
        stdout.flush();
        return 0;
    }

    /** An earlier run's files are removed only once the new one is ready, so a failed run keeps it. */
    private static void clearIfForced(Path dir, boolean force, PrintWriter stdout) throws IOException {
        String removed = force ? PreviousRun.clear(dir) : null;
        if (removed != null) {
            stdout.println(removed);
        }
    }

    /** Whether {@code dir} holds a sentiment model's index (and not a toy zoo's). */
    static boolean isSentimentFolder(Path dir) {
        return SentimentZooModel.isSentimentFolder(dir);
    }

    /** {@code zoo list} of the bundled sentiment model, or of the one in {@code dir} when not null. */
    static int list(PrintWriter out, Path dir) {
        SentimentZooModel model;
        try {
            model = dir == null ? ModelZoo.bundled().sentiment() : SentimentZooModel.read(dir);
        } catch (IOException e) {
            throw new UsageException("--dir " + dir + ": " + e.getMessage(), e);
        }
        print(out, model.index());
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, SentimentZooIndex index) {
        out.printf(Locale.ROOT, "%s: %s%n", TASK, index.optimizer());
        out.printf(Locale.ROOT, "  corpus seed %d, best epoch %d of %d, %.1f s on %s%n", index.corpusSeed(),
                index.bestEpoch(), index.epochs(), index.trainingSeconds(), TrainCommand.threads(index.threads()));
        out.printf(Locale.ROOT, "  %s%n", accuracies(index));
        out.printf(Locale.ROOT, "  %-22s %9s %9s %9s%n", "accuracy (test)", "overall", "negation", "contrast");
        row(out, "model", index.test());
        row(out, "bag-of-words baseline", index.baselineTest());
        out.println();
    }

    private static void row(PrintWriter out, String name, SentimentAccuracy a) {
        out.printf(Locale.ROOT, "  %-22s %8.1f%% %8.1f%% %8.1f%%%n", name, 100 * a.overall(), 100 * a.negation(),
                100 * a.contrast());
    }

    private static String accuracies(SentimentZooIndex index) {
        return String.format(Locale.ROOT, "validation accuracy %.1f%%, test accuracy %.1f%% (bag-of-words baseline"
                        + " %.1f%% / %.1f%%)", 100 * index.validation().overall(), 100 * index.test().overall(),
                100 * index.baselineValidation().overall(), 100 * index.baselineTest().overall());
    }

    /**
     * {@code zoo export --task sentiment --dir DIR}: the bundled model, its vocabulary and index,
     * and the corpus as {@code train.jsonl} (training sentences, then the labelled phrases it was
     * also trained on), {@code validation.jsonl}, {@code test.jsonl}.
     */
    static int export(Path dir, boolean force, PrintWriter stdout) {
        PreviousRun.requireEmptyUnlessForced("--dir", dir, force);
        OutputPaths.requireWritableDirectory("--dir", dir);
        SentimentZooModel bundled = ModelZoo.bundled().sentiment();
        SentimentCorpus corpus = SentimentCorpus.generate(bundled.index().corpusSeed());
        try {
            clearIfForced(dir, force, stdout);
            bundled.write(dir);
            SentenceWriter.write(dir.resolve("train.jsonl"), SentimentTraining.trainingSet(corpus));
            SentenceWriter.write(dir.resolve("validation.jsonl"), records(corpus.validation()));
            SentenceWriter.write(dir.resolve("test.jsonl"), records(corpus.test()));
        } catch (IOException e) {
            throw new UsageException("--dir " + dir + ": the model could not be written (" + OutputPaths.describe(e)
                    + ")", e);
        }
        stdout.printf(Locale.ROOT, "wrote %s, %s, %s and train.jsonl, validation.jsonl, test.jsonl to %s%n",
                SentimentZooIndex.MODEL_FILE, SentimentZooIndex.VOCABULARY_FILE, "index.json", dir);
        stdout.flush();
        return 0;
    }

    private static List<SentenceRecord> records(List<CorpusSentence> sentences) {
        List<SentenceRecord> records = new ArrayList<>();
        for (CorpusSentence s : sentences) {
            records.add(s.toRecord());
        }
        return records;
    }
}
