package dev.explainunit.cli;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.ExplainedPopulation;
import dev.explainunit.checks.SanityChecks;
import dev.explainunit.checks.SanityReport;
import dev.explainunit.checks.SanitySettings;
import dev.explainunit.checks.Verdict;
import dev.explainunit.checks.Suggestions;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.explainers.LrpExplainer;
import dev.explainunit.junit.SettingsResolver;
import dev.explainunit.process.ProcessExplainer;
import dev.explainunit.process.ProcessExplainerException;
import dev.explainunit.report.Report;
import dev.explainunit.report.ReportFiles;
import dev.explainunit.report.RunInfo;
import dev.explainunit.table2.ExplainerFigures;
import dev.explainunit.task.Task;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code explainunit check --explainer ID-or-CLASS [--classpath PATH] [--out DIR]}, or
 * {@code --explainer-command "python3 my_explainer.py"} for an explainer in another process
 * ({@link ProcessExplainer}, closed when the run ends): the sanity suite of the JUnit engine for one
 * explainer, for CI scripts without JUnit. A command that cannot start is a usage error. Exit code 0 when
 * every check passes, 1 when one fails, 2 for bad arguments, for sample counts whose relevances
 * would not fit in memory, and for an explainer that does not apply to the toy tasks' models
 * ({@link Explainer#supports}). A failure prints its counterexample and the command that reruns it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Runs the sanity checks for one explainer; exit code 0 pass, 1 fail, 2 bad arguments.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--explainer", paramLabel = "ID-or-CLASS",
            description = "a built-in id (e.g. lrp-all), the id of an explainer "
                    + "registered on --classpath, or the class name of an Explainer with a no-argument constructor")
    String explainer;

    @Option(names = "--explainer-command", paramLabel = "CMD",
            description = "instead of --explainer: an explainer in another process, e.g. \"python3 my_explainer.py\" "
                    + "(split into words without a shell; quote a word with spaces in '' or \"\")")
    String explainerCommand;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "jars and folders holding the explainer, separated by the platform's path separator")
    String classpath;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/explainunit",
            description = "where report.json, report.md and report.html go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--task", paramLabel = "T",
            description = "a registered task id: addition, subtraction, sentiment, ... (default: addition and subtraction)")
    String task;

    @CommandLine.Mixin
    TaskOptions taskOptions = new TaskOptions();

    @Option(names = "--models", defaultValue = "0", description = "models per task (default: all)")
    int models;

    @Option(names = "--samples", defaultValue = "2500", description = "test sequences per model (default: 2500)")
    int samples;

    @Option(names = "--seed", defaultValue = "" + SanitySettings.DEFAULT_SEED, description = "seed of the test data")
    long seed;

    @Option(names = "--checks", paramLabel = "LIST",
            description = "the checks to run, comma-separated, e.g. contract,relevant-mass (default: all;"
                    + " @ExplainerSanityTest(checks), explainunit.checks)")
    String checks;

    @Option(names = "--threshold", paramLabel = "NAME=VALUE",
            description = "a threshold other than the default, e.g. mass=0.8; repeatable; names as in"
                    + " explainunit.threshold.NAME: correlation, mass, conservation, exactConservation, selectivity,"
                    + " randomization, signAgreement, sentenceMass, wordDeletion, composition")
    Map<String, String> thresholds = new java.util.LinkedHashMap<>();

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "the time one explain call may take, e.g. 30s, 500ms, 2m (default: 10s); a batch of n inputs"
                    + " may take twice this plus what n inputs took at the rate observed so far"
                    + " (@ExplainerSanityTest(timeLimitMillis), explainunit.timeLimitMillis)")
    String timeLimit;

    @Option(names = "--eps", description = "LRP stabiliser of the built-in LRP methods (default: the paper's setting"
            + " for each task: 0 on the toy tasks, A.2; 0.001, 0.2 for lrp-prop, on sentiment)")
    Double eps;

    @Option(names = "--bias-factor", description = "LRP bias factor of the built-in LRP methods (default: the paper's"
            + " setting for each task, 0)")
    Double biasFactor;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The figures of each task checked, for the report. */
    private final List<Report> figures = new ArrayList<>();
    /** What the explainer threw deciding a check, by {@link CheckResult#key()}. */
    private final Map<String, Throwable> thrown = new HashMap<>();

    @Override
    public Integer call() {
        if ((explainer == null) == (explainerCommand == null)) {
            throw new UsageException(explainer == null ? "check needs --explainer ID-or-CLASS or --explainer-command CMD"
                    : "give --explainer or --explainer-command, not both");
        }
        SanitySettings settings = settings();
        Explainer resolved = explainerCommand != null ? startProcess(settings) : resolve();
        try {
            return run(resolved, settings);
        } finally {
            close(resolved);
        }
    }

    private int run(Explainer resolved, SanitySettings settings) {
        if (explainer != null) {
            MethodOptions.warnIfIgnored(spec, explainer, BuiltInExplainers.ids().contains(explainer)
                    && resolved instanceof LrpExplainer);
        }
        if (classpath != null && explainer != null && BuiltInExplainers.ids().contains(explainer)) {
            spec.commandLine().getErr().println("explainunit: warning: --classpath is not searched: " + explainer
                    + " is a built-in explainer, which comes first");
        }
        OutputPaths.requireWritableDirectory("--out", out);
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        SanityReport report;
        int modelCount = 0;
        for (Task t : settings.tasks()) {
            modelCount += SanityChecks.models(t, settings).size();
        }
        try (ProgressBar progress = new ProgressBar("explaining", modelCount)) {
            report = builtInPerTask() ? runPerTask(settings, progress)
                    : SanityChecks.of(resolved).settings(settings).onModelExplained(progress::step)
                    .run((population, results) -> taskDone(population, results, settings));
        }
        if (!report.notApplicable().isEmpty() && report.notApplicable().size() == report.results().size()) {
            // nothing was checked: neither pass nor fail; the report says so, as the engine's does
            writeReport(report, settings, (System.nanoTime() - started) / 1e9);
            throw new UsageException(report.notApplicable().get(0).message());
        }
        for (CheckResult r : report.results()) {
            // four letters keep the columns aligned
            String verdict = r.verdict() == Verdict.NOT_APPLICABLE ? "N/A"
                    : r.verdict() == Verdict.SKIPPED ? "SKIP" : r.verdict().toString();
            stdout.printf(Locale.ROOT, "%-4s  %-12s %-26s %s%n", verdict, r.task(), r.check().displayName(),
                    r.passed() ? "" : firstLine(r.message()));
        }
        for (CheckResult r : report.failures()) {
            if (r.check() == Check.CONTRACT) {
                // the whole message (with its counterexample): an explainer process's failure quotes its stderr
                stdout.printf(Locale.ROOT, "%ncontract on %s:%n%s%n", r.task(), r.message().strip());
            }
        }
        for (CheckResult r : report.failures()) {
            if (r.counterexample() != null && r.check() != Check.CONTRACT) {
                stdout.printf(Locale.ROOT, "%n%s on %s:%n%s", r.check().displayName(), r.task(),
                        r.counterexample().describe());
            }
        }
        for (CheckResult r : report.failures()) {
            Throwable e = thrown.get(r.key());
            // an explainer process's exception has no Java frames of its author; the contract's message quotes it whole
            if (e != null && (ThrownFrames.hasCallerFrames(e) || r.check() != Check.CONTRACT)) {
                stdout.printf(Locale.ROOT, "%n%s on %s: [%s] threw%n%s", r.check().displayName(), r.task(),
                        r.explainerId(), ThrownFrames.describe(e));
            }
        }
        if (!report.failures().isEmpty()) {
            stdout.printf(Locale.ROOT, "%nrerun: %s%n", rerun(resolved, settings));
        }
        for (Task t : settings.tasks()) {
            stdout.printf(Locale.ROOT, "verdict of [%s] on %s: %s%n", resolvedId(resolved), t.id(),
                    report.verdict(t.id()));
        }
        writeReport(report, settings, (System.nanoTime() - started) / 1e9);
        stdout.flush();
        return report.passed() ? 0 : 1;
    }

    /** A built-in runs on each task with that task's paper setting ({@link Task#builtIn}), LRP options laid over it. */
    private boolean builtInPerTask() {
        return explainer != null && BuiltInExplainers.ids().contains(explainer);
    }

    /**
     * The built-in on {@code t}: the task's paper setting, with {@code --eps} and {@code --bias-factor}
     * replacing only what they give (so {@code --bias-factor 1} alone keeps ε = 0.2 for lrp-prop on
     * sentiment and ε = 0 on the toy tasks).
     */
    private Explainer builtIn(Task t) {
        Explainer paper = t.builtIn(explainer);
        if (paper instanceof LrpExplainer lrp && (eps != null || biasFactor != null)) {
            return new LrpExplainer(lrp.rule(), eps != null ? eps : lrp.eps(),
                    biasFactor != null ? biasFactor : lrp.biasFactor());
        }
        return paper;
    }

    private SanityReport runPerTask(SanitySettings settings, ProgressBar progress) {
        List<CheckResult> results = new ArrayList<>();
        String name = null;
        for (Task t : settings.tasks()) {
            SanityReport one = SanityChecks.of(builtIn(t)).settings(settings.withTasks(List.of(t)))
                    .onModelExplained(progress::step)
                    .run((population, ofTask) -> taskDone(population, ofTask, settings));
            name = one.explainer();
            results.addAll(one.results());
        }
        return new SanityReport(name, results);
    }

    /**
     * The explainer of {@code --explainer-command}, with the run's time limit per input, its first
     * process started: a command that cannot start or answer the handshake is a usage error.
     */
    private ProcessExplainer startProcess(SanitySettings settings) {
        ProcessExplainer process = ProcessExplainer.builder(CommandWords.split(explainerCommand, "--explainer-command")
                .toArray(String[]::new)).timeLimit(settings.timeLimit()).build();
        try {
            process.start();
            return process;
        } catch (ProcessExplainerException e) {
            process.close();
            List<String> tail = e.stderrTail();
            throw new UsageException("--explainer-command: explainer process [" + e.command() + "] " + e.description()
                    + (tail.isEmpty() ? "" : "; its stderr ends: " + tail.get(tail.size() - 1).strip()), e);
        }
    }

    /** Closes an explainer that holds resources (an explainer process), so that nothing outlives the run. */
    private void close(Explainer resolved) {
        if (resolved instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                spec.commandLine().getErr().println("explainunit: warning: explainer [" + resolvedId(resolved)
                        + "] could not be closed: " + e);
            }
        }
    }

    /** The command line that repeats this run with the same seed. */
    private String rerun(Explainer resolved, SanitySettings settings) {
        StringBuilder line = new StringBuilder("explainunit check ").append(explainer != null ? "--explainer " + explainer
                : "--explainer-command " + shellQuoted(explainerCommand));
        if (classpath != null) {
            line.append(" --classpath ").append(classpath);
        }
        if (task != null) {
            line.append(" --task ").append(task);
        }
        taskOptions.given().forEach((name, value) -> line.append(" --").append(name).append(' ').append(value));
        if (models != 0) {
            line.append(" --models ").append(models);
        }
        line.append(" --samples ").append(settings.samples()).append(" --seed ").append(settings.seed());
        if (checks != null) {
            line.append(" --checks ").append(checks.strip().replace(" ", ""));
        }
        thresholds.forEach((name, value) -> line.append(" --threshold ").append(name).append('=').append(value));
        if (timeLimit != null) {
            line.append(" --time-limit ").append(timeLimit.strip());
        }
        if (builtInPerTask() && resolved instanceof LrpExplainer) {
            if (eps != null) {
                line.append(" --eps ").append(eps);
            }
            if (biasFactor != null) {
                line.append(" --bias-factor ").append(biasFactor);
            }
        }
        return line.toString();
    }

    /** {@code text} in single quotes for a POSIX shell. */
    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private SanitySettings settings() {
        if (eps != null && (!(eps >= 0) || !Double.isFinite(eps))) {
            throw new UsageException("--eps must be a finite number >= 0, is " + eps);
        }
        if (biasFactor != null && !Double.isFinite(biasFactor)) {
            throw new UsageException("--bias-factor must be a finite number, is " + biasFactor);
        }
        SanitySettings settings = configured();
        if (task != null) {
            settings = settings.withTasks(List.of(taskOptions.configure(TaskOptions.byId(task))));
        } else if (!taskOptions.given().isEmpty()) {
            throw new UsageException("--" + taskOptions.given().keySet().iterator().next()
                    + " belongs to a task: name it with --task (e.g. --task sentiment)");
        }
        try {
            settings = settings.withModels(models).withSamples(samples).withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        for (Task t : settings.tasks()) {
            if (SanityChecks.orderedChecks(settings, t).isEmpty()) {
                throw new UsageException("--checks: no check chosen exists on the " + t.id() + " task ("
                        + String.join(", ", settings.checks().stream().map(Check::id).sorted().toList()) + ")");
            }
            int available = t.models().size();
            if (models > available) {
                throw new UsageException("--models " + models + ": the " + t.id() + " task has only " + available
                        + (available == 1 ? " model" : " models"));
            }
        }
        try {
            SanityChecks.requireFitsInMemory(settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--samples " + samples + ": " + e.getMessage());
        }
        return settings;
    }

    /**
     * The settings the options share with {@code @ExplainerSanityTest} and {@code junit-platform.properties}:
     * given under the same {@code explainunit.*} keys, they are read and checked by the engine's
     * {@link SettingsResolver}, whose messages name the option.
     */
    private SanitySettings configured() {
        Map<String, String> keys = new HashMap<>();
        if (checks != null) {
            keys.put("checks", checks);
        }
        thresholds.forEach((name, value) -> {
            if (!SettingsResolver.thresholdNames().contains(name)) {
                List<String> close = Suggestions.closest(name, SettingsResolver.thresholdNames());
                throw new UsageException("--threshold " + name + ": unknown threshold" + (close.isEmpty() ? ""
                        : "; did you mean " + String.join(" or ", close) + "?") + " The thresholds: "
                        + String.join(", ", SettingsResolver.thresholdNames()));
            }
            keys.put("threshold." + name, value);
        });
        if (timeLimit != null) {
            keys.put("timeLimitMillis", Long.toString(millis(timeLimit)));
        }
        try {
            return new SettingsResolver(key -> Optional.ofNullable(keys.get(key.substring(SettingsResolver.PREFIX.length()))),
                    CheckCommand::option).resolve();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The option that gives the setting of {@code key} ("timeLimitMillis"), as messages name it. */
    private static String option(String key) {
        if (key.startsWith("threshold.")) {
            return "--threshold " + key.substring("threshold.".length());
        }
        return switch (key) {
            case "timeLimitMillis" -> "--time-limit";
            default -> "--" + key;
        };
    }

    /** Milliseconds of a duration such as "30s", "500ms", "2m" or "1.5s". */
    static long millis(String duration) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m)?")
                .matcher(duration.strip());
        if (!m.matches()) {
            throw new UsageException("--time-limit [" + duration + "] is not a duration such as 30s, 500ms or 2m");
        }
        if (m.group(2) == null) {
            throw new UsageException("--time-limit [" + duration + "] needs a unit: " + m.group(1) + "s or "
                    + m.group(1) + "ms");
        }
        double factor = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1000;
            default -> 60_000;
        };
        double millis = Double.parseDouble(m.group(1)) * factor;
        if (millis > Long.MAX_VALUE / 2) {
            throw new UsageException("--time-limit [" + duration + "] is too long");
        }
        return Math.round(millis);
    }

    private static String resolvedId(Explainer e) {
        try {
            return e.id();
        } catch (RuntimeException ex) {
            return e.getClass().getName();
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }

    /** A built-in id, a registered id on the class path, or a class name. */
    Explainer resolve() {
        ClassLoader loader = loader(); // refuses a missing --classpath entry even when a built-in is named
        if (BuiltInExplainers.ids().contains(explainer)) {
            return BuiltInExplainers.create(explainer); // its id and kind; each task builds its own (builtIn)
        }
        try {
            for (Explainer registered : ServiceLoader.load(Explainer.class, loader)) {
                if (explainer.equals(resolvedId(registered))) {
                    return registered;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new UsageException("a registered explainer could not be loaded: " + e.getMessage());
        }
        Class<?> type;
        try {
            type = Class.forName(explainer, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("unknown explainer [" + explainer + "]: neither a built-in id ("
                    + String.join(", ", BuiltInExplainers.ids()) + "), nor a registered id, nor a class on the "
                    + (classpath == null ? "class path (add --classpath)" : "class path " + classpath));
        }
        if (!Explainer.class.isAssignableFrom(type)) {
            throw new UsageException("class " + explainer + " does not implement dev.explainunit.Explainer");
        }
        try {
            return (Explainer) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new UsageException("class " + explainer + " has no constructor without parameters");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            throw new UsageException("could not create " + explainer + ": " + cause);
        }
    }

    private ClassLoader loader() {
        ClassLoader parent = CheckCommand.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path;
            try {
                path = Path.of(entry);
            } catch (java.nio.file.InvalidPathException e) {
                throw new UsageException("--classpath entry " + entry + " is not a valid path");
            }
            if (!Files.exists(path)) {
                throw new UsageException("--classpath entry " + entry + " does not exist");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UsageException("--classpath entry " + entry + " is not a valid path");
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /**
     * The explainer's Table 2 row, scatter plots, heatmap and selectivity curves beside the reference
     * methods on a toy task, as the test engine draws them ({@link ExplainerFigures}); a failure here
     * is a warning, never a lost report.
     */
    /** Keeps a task's figures for the report, and what the explainer threw deciding its checks. */
    private void taskDone(ExplainedPopulation population, List<CheckResult> results, SanitySettings settings) {
        for (CheckResult r : results) {
            population.thrown(r.check()).ifPresent(e -> thrown.put(r.key(), e));
        }
        addFigures(population, results, settings);
    }

    private void addFigures(ExplainedPopulation population, List<CheckResult> results, SanitySettings settings) {
        try {
            ExplainerFigures.of(population, results, ExplainerFigures.ENGINE_POINTS,
                    ExplainerFigures.ENGINE_CURVE_SAMPLES, true, settings.seed(), settings.timeLimit())
                    .ifPresent(figures::add);
        } catch (RuntimeException | LinkageError e) {
            spec.commandLine().getErr().println("explainunit: warning: no figures for [" + population.explainerId()
                    + "] on " + population.task().id() + ": " + e);
        }
    }

    private void writeReport(SanityReport report, SanitySettings settings, double seconds) {
        // the checks that did not apply too, with their reasons, as the test engine's report lists them
        List<CheckResult> checks = report.results();
        try {
            int modelCount = report.results().stream().mapToInt(r -> r.modelIds().size()).max().orElse(0);
            // the sequences the checks ran on: a data file may hold fewer than --samples asks for
            int samples = report.results().stream().mapToInt(CheckResult::samples).max().orElse(settings.samples());
            RunInfo run = new RunInfo(RunInfo.toolVersion(), "check", settings.seed(), samples, modelCount,
                    settings.tasks().stream().map(Task::id).toList(), Instant.now().toString(), seconds,
                    "check-" + ProcessHandle.current().pid());
            Report written = Report.ofChecks(run, checks);
            for (Report part : figures) {
                written = ReportFiles.merge(written, part);
            }
            ReportFiles.write(written, out);
            spec.commandLine().getOut().println("report: " + out.resolve(ReportFiles.HTML).toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("explainunit: the report could not be written to " + out + ": " + e);
        }
    }
}
