package dev.explainunit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.explainunit.checks.SanitySettings;
import dev.explainunit.composition.ModifierWords;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.report.Report;
import dev.explainunit.report.ReportFiles;
import dev.explainunit.report.ReportJson;
import dev.explainunit.report.RunInfo;
import dev.explainunit.report.SentimentSection;
import dev.explainunit.report.Table2Section;
import dev.explainunit.reproduce.ReproduceSettings;
import dev.explainunit.reproduce.SentimentSections;
import dev.explainunit.reproduce.Table2Reproduction;
import dev.explainunit.reproduce.Table2Text;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.sentence.CorpusSentence;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.sentence.SentimentTask;
import dev.explainunit.sentiment.SentimentResults;
import dev.explainunit.sentiment.SentimentSettings;
import dev.explainunit.task.Task;
import dev.explainunit.task.Tasks;
import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.zoo.ModelZoo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code explainunit reproduce}: the paper's Table 2 for every built-in method on the bundled zoo,
 * beside the paper's numbers, with verdicts, and the sentiment experiments (Tables 3, 4, 5 and
 * Figure 1, {@link SentimentReproduction}); {@code --task} picks one; writes report.json/md/html. Exit code 0 when the
 * table was computed (failing methods are part of the result, not an error), 2 for bad arguments.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recomputes Table 2 of Arras et al. 2019 (toy addition and subtraction) for every built-in "
                + "method on the bundled models, prints it beside the paper's values with each method's verdict, "
                + "then the sentiment experiments (Tables 3, 4, 5 and Figure 1) on the bundled sentiment model, "
                + "and writes report.json, report.md and report.html with all of them."})
final class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--task", paramLabel = "T",
            description = "addition, subtraction (Table 2 on the paper's single-unit LSTMs), addition-gru, "
                    + "subtraction-gru, addition-lstm2, subtraction-lstm2 (Table 2 on GRUs and two-layer LSTMs, beside "
                    + "the paper's single-unit LSTMs) or sentiment (Tables 3, 4, 5 and Figure 1), or several separated "
                    + "by commas; default: addition, subtraction and sentiment")
    String task;

    @picocli.CommandLine.Mixin
    TaskOptions taskOptions = new TaskOptions();

    @Option(names = "--samples", paramLabel = "N", description = "test sequences per model (default: ${DEFAULT-VALUE})")
    int samples = 2500;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the test data (default: ${DEFAULT-VALUE})")
    long seed = SanitySettings.DEFAULT_SEED;

    @Option(names = "--out", paramLabel = "DIR", description = "report directory (default: ${DEFAULT-VALUE})")
    Path out = Path.of("target", "explainunit");

    @Option(names = "--json", paramLabel = "FILE",
            description = "also write Table 2 with the paper's values, and the sentiment keys (table3, ...), as JSON")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean sentiment = task == null || taskIds().contains(SentimentTask.ID);
        if (!taskOptions.given().isEmpty() && (task == null || !sentiment)) {
            throw new UsageException("--" + taskOptions.given().keySet().iterator().next()
                    + " belongs to a task: name it with --task (e.g. --task sentiment)");
        }
        ReproduceSettings settings = settings();
        boolean toy = settings != null;
        if (!toy) {
            warnIfToyOptionsGiven();
        }
        checkWritable(out, json);
        ModelZoo zoo = !toy && !taskOptions.given().isEmpty() ? null : bundledZoo();
        if (toy) {
            checkMemory(settings, zoo, Runtime.getRuntime().maxMemory());
        }
        SentimentInput sentimentInput = sentiment ? sentimentInput(zoo) : null;
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        Report report = null;
        if (toy) {
            int steps = settings.tasks().size() * BuiltInExplainers.ids().size();
            try (ProgressBar bar = new ProgressBar("reproduce", steps)) {
                report = Table2Reproduction.run(settings, t -> zoo.models(t.id()), bar::step);
            }
            stdout.print(Table2Text.render(report));
            stdout.flush();
        }
        if (sentimentInput != null) {
            SentimentResults results = SentimentReproduction.run(stdout, sentimentInput.model(), sentimentInput.data(),
                    sentimentInput.sentences(), sentimentInput.size(), sentimentInput.modifiers(),
                    SentimentSettings.defaults());
            stdout.print(SentimentReproduction.table3Text(results.table3()));
            results.skipped().forEach((m, why) -> stdout.println("left out: " + m + ": " + why));
            stdout.flush();
            report = withSentiment(report, SentimentSections.of(results, sentimentInput.data()), results,
                    (System.nanoTime() - started) / 1e9);
        }
        try {
            ReportFiles.write(report, out);
        } catch (IOException e) {
            throw new UsageException("--out " + out + ": the report could not be written (" + OutputPaths.describe(e) + ")", e);
        }
        if (json != null) {
            try {
                writeJson(report, json);
            } catch (IOException e) {
                throw new UsageException("--json " + json + ": could not be written (" + OutputPaths.describe(e) + ")", e);
            }
        }
        stdout.printf(Locale.ROOT, "report: %s (%.1f s)%n", out.resolve(ReportFiles.HTML), report.run().wallSeconds());
        stdout.flush();
        return 0;
    }

    /** The bundled sentiment model and corpus, or the user's model and (checked, streamed) data. */
    private record SentimentInput(SentenceModel model, Iterable<SentenceRecord> sentences, long size,
                                  ModifierWords modifiers, String data) {
    }

    private SentimentInput sentimentInput(ModelZoo zoo) {
        taskOptions.configure(Tasks.byId(SentimentTask.ID)); // refuses a partial or unreadable --model/--vocab/--data
        try {
            if (taskOptions.given().isEmpty()) {
                SentenceModel model = zoo.sentiment().model();
                SentimentCorpus corpus = SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED);
                List<SentenceRecord> records = corpus.test().stream().map(CorpusSentence::toRecord).toList();
                return new SentimentInput(model, records, records.size(), ModifierWords.of(corpus),
                        "the bundled model on the generated corpus's test split (seed " + SentimentCorpus.DEFAULT_SEED
                                + ")");
            }
            SentenceModel model = SentenceModelFiles.read(taskOptions.model, taskOptions.vocab);
            SentenceFile file = SentenceFile.checked(taskOptions.data, model);
            return new SentimentInput(model, file, file.size(), ModifierWords.english(),
                    taskOptions.model + " on " + taskOptions.data);
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** {@code --samples} and {@code --seed} choose the toy tasks' test sequences; the sentiment experiments use neither. */
    private void warnIfToyOptionsGiven() {
        List<String> given = Stream.of("--samples", "--seed")
                .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            spec.commandLine().getErr().println("explainunit: warning: " + String.join(" and ", given)
                    + (given.size() == 1 ? " is" : " are") + " ignored with --task sentiment: its experiments use"
                    + " every test sentence and a fixed seed");
        }
    }

    /**
     * {@code toy} (Table 2, or null for a sentiment run alone) with the sentiment sections; the run
     * covers the sentiment task too and lasted {@code seconds} in all.
     */
    private static Report withSentiment(Report toy, SentimentSection sections, SentimentResults results,
                                        double seconds) {
        if (toy == null) {
            RunInfo run = new RunInfo(RunInfo.toolVersion(), "reproduce", SentimentSettings.DEFAULT_SEED,
                    results.sentences(), 1, List.of(SentimentTask.ID), Instant.now().toString(), seconds,
                    UUID.randomUUID().toString());
            return Report.of(run, List.of(), List.of(), sections);
        }
        RunInfo t = toy.run();
        List<String> tasks = new ArrayList<>(t.tasks());
        tasks.add(SentimentTask.ID);
        RunInfo run = new RunInfo(t.tool(), t.source(), t.seed(), t.samples(), t.models(), tasks,
                Instant.now().toString(), seconds, t.runId());
        return toy.withSection(sections).withRun(run);
    }

    /** The ids given with --task, split at commas; empty when none is given. */
    private List<String> taskIds() {
        return task == null ? List.of() : List.of(task.split(",", -1)).stream().map(String::strip).toList();
    }

    /** Table 2's settings: the toy tasks among --task (all when none is given); null when there is none. */
    ReproduceSettings settings() {
        List<ToyArithmeticTask> tasks = new ArrayList<>();
        if (task == null) {
            for (Task t : Tasks.defaults()) {
                if (t instanceof ToyArithmeticTask toy) {
                    tasks.add(toy);
                }
            }
        }
        for (String id : taskIds()) {
            if (id.equals(SentimentTask.ID)) {
                continue;
            }
            if (!(TaskOptions.byId(id) instanceof ToyArithmeticTask toy)) {
                throw new UsageException("--task " + id + ": reproduce runs the paper's toy tasks (addition,"
                        + " subtraction, and their -gru and -lstm2 models) and sentiment");
            }
            tasks.add(toy);
        }
        if (tasks.isEmpty()) {
            return null;
        }
        if (samples < 2) {
            throw new UsageException("--samples must be at least 2 (a correlation needs two sequences), got " + samples);
        }
        return ReproduceSettings.paper(seed).withTasks(tasks).withSamples(samples);
    }

    /**
     * Refuses a run whose relevances would take more than half of the heap ({@code maxHeap}), before
     * any work, instead of failing with an OutOfMemoryError after minutes.
     */
    static void checkMemory(ReproduceSettings settings, ModelZoo zoo, long maxHeap) {
        int models = 0;
        for (ToyArithmeticTask t : settings.tasks()) {
            int available = zoo.models(t.id()).size();
            models = Math.max(models, settings.models() == 0 ? available : Math.min(settings.models(), available));
        }
        long limit = maxHeap / 2;
        long needed = Table2Reproduction.estimatedBytes(settings, models);
        if (needed > limit) {
            throw new UsageException(String.format(Locale.ROOT, "--samples %d needs about %s of memory, more than "
                            + "half of the %s heap; use at most --samples %d, or a larger heap "
                            + "(EXPLAINUNIT_JAVA_OPTS=-Xmx...)", settings.samples(), gigabytes(needed),
                    gigabytes(maxHeap), Table2Reproduction.maxSamples(settings, models, limit)));
        }
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** The bundled zoo, or a one-line error naming what is wrong with it (a jar built without the models). */
    private static ModelZoo bundledZoo() {
        try {
            return ModelZoo.bundled();
        } catch (ExceptionInInitializerError | NoClassDefFoundError | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new UsageException("the bundled model zoo could not be loaded: " + cause.getMessage(), e);
        }
    }

    /** Refuses an --out or --json that cannot be written, before the work rather than after it. */
    static void checkWritable(Path dir, Path file) {
        OutputPaths.requireWritableDirectory("--out", dir);
        if (file != null) {
            OutputPaths.requireWritableFile("--json", file);
        }
    }

    /**
     * With Table 2: {"table2": {task: {method: {rho_a: {mean, std}, rho_b, mass, mse, verdict}}},
     * "paper": ..., "seed": S, "samples": N, "models": M}; with the sentiment experiments DESIGN's
     * keys as in report.json: "sentiment", "table3", "table4", "table5", "figure1".
     */
    static void writeJson(Report report, Path file) throws IOException {
        ObjectNode root = ReportJson.mapper().createObjectNode();
        Table2Section table2 = Table2Section.in(report);
        if (!table2.table2().isEmpty()) {
            root.set("table2", ReportJson.mapper().valueToTree(table2.table2()));
            root.set("paper", ReportJson.mapper().valueToTree(table2.paper()));
            root.put("seed", report.run().seed());
            root.put("samples", report.run().samples());
            root.put("models", report.run().models());
        }
        report.section(SentimentSection.class)
                .ifPresent(sentiment -> root.setAll((ObjectNode) ReportJson.mapper().valueToTree(sentiment)));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(file, (ReportJson.mapper().writeValueAsString(root) + System.lineSeparator())
                .getBytes(StandardCharsets.UTF_8));
    }
}
