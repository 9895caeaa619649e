package dev.explainunit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.explainunit.BatchExplainer;
import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.sentence.SentimentTask;
import dev.explainunit.task.Task;
import dev.explainunit.toy.BenchWorkload;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code explainunit bench}: explanations per second of each built-in method, one thread, after a
 * warm-up: by default on the single-unit toy LSTM ({@link BenchWorkload}); with
 * {@code --task sentiment} on the bundled sentiment BiLSTM ({@link SentimentBenchWorkload}), with
 * {@code --layers L} on a network of its size with L layers; with {@code --task T} of another task
 * on T's first bundled model and test samples ({@link TaskBenchWorkload}), e.g. {@code addition-gru}. A
 * {@link BatchExplainer} is measured through its batch call, on up to {@value #CHUNK} inputs per call
 * as the checks call it; any other explainer per input. The rate is explanations per
 * second of CPU time of the measuring thread, so that other load on the machine does not count
 * against it; the wall-clock rate is shown beside it in the table. Each method's rate appears as
 * soon as it is measured (with {@code --json} as a progress line on stderr), so a run of several
 * seconds per method is never silent.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures explanations per second of each built-in method on the single-unit toy LSTM "
                + "(sequences of length 13-14), with --task sentiment on the bundled sentiment model "
                + "(test sentences of length >= 10), or with --task T on task T's first bundled model and "
                + "its test samples (e.g. addition-gru, subtraction-lstm2); one thread, after warm-up. Methods that explain "
                + "batches (gradient, gradient-x-input, lrp-*) are measured through their batch call, "
                + "on up to 1000 inputs per call as the checks ask for them; the others per input.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"method\": explanations per second, ...} instead of a table.")
    boolean json;

    @Option(names = "--seconds", defaultValue = "1.0", paramLabel = "S",
            description = "Measuring time per method in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "1.0", paramLabel = "S",
            description = "Warm-up time per method in seconds (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--method", paramLabel = "ID", split = ",",
            description = "Only these methods (comma-separated ids; default: all built-in methods).")
    List<String> methods;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the toy sequences (default: ${DEFAULT-VALUE}; unused with --task sentiment).")
    long seed;

    @Option(names = "--task", paramLabel = "TASK",
            description = "sentiment: the bundled sentiment model on its test sentences of length >= 10, "
                    + "target the true class; any other task id (e.g. addition-gru): the task's first bundled "
                    + "model on its test samples (default: the single-unit toy LSTM).")
    String task;

    @Option(names = "--layers", paramLabel = "L",
            description = "With --task sentiment: a seeded random network of the bundled model's size "
                    + "(E = H = 60, bidirectional, 5 classes) with L layers in place of the bundled model, "
                    + "on the same sentences: how the cost grows with depth.")
    Integer layers;

    /** One method's measurement. */
    record Rate(String method, long explanations, double cpuSeconds, double wallSeconds) {
        double perCpuSecond() {
            return explanations / cpuSeconds;
        }

        double perWallSecond() {
            return explanations / wallSeconds;
        }
    }

    @Override
    public Integer call() {
        if (!(seconds > 0) || !(warmup >= 0) || seconds > 3600 || warmup > 3600) {
            throw new UsageException("--seconds must be in (0, 3600] and --warmup in [0, 3600], are " + seconds
                    + " and " + warmup);
        }
        boolean sentiment = task != null && SentimentTask.ID.equalsIgnoreCase(task.strip());
        Task benchTask = task == null ? null : TaskOptions.byId(task);
        if (layers != null && (!sentiment || layers < 1 || layers > 8)) {
            throw new UsageException("--layers takes 1 to 8 layers, with --task sentiment");
        }
        TaskBenchWorkload samples = benchTask != null && !sentiment ? TaskBenchWorkload.of(benchTask, seed) : null;
        List<String> ids = methods == null ? BuiltInExplainers.ids() : methods;
        ids.forEach(id -> ExplainCommand.explainer(id, 0.001, 0)); // refuses an unknown id
        Map<String, Explainer> explainers = new LinkedHashMap<>();
        for (String id : ids) {
            explainers.put(id, benchTask != null ? benchTask.builtIn(id) : ExplainCommand.explainer(id, 0.001, 0));
        }
        if (samples != null && methods == null) {
            // the methods that apply to the task's model (occlusion-p-diff needs a classifier)
            explainers.values().removeIf(e -> !e.supports(samples.model().model()));
        }
        SentimentBenchWorkload sentences = sentiment ? SentimentBenchWorkload.bundled() : null;
        RecurrentNetwork sentenceModel = !sentiment ? null
                : layers == null ? sentences.model() : TaskBenchWorkload.deeper(sentences.model(), layers, seed);
        Sequence[] inputs = sentiment ? sentences.inputs() : samples != null ? samples.inputs()
                : BenchWorkload.sequences(seed);
        int[] targets = sentiment ? sentences.targets() : samples != null ? samples.targets() : new int[inputs.length];
        String unit = sentiment ? "sentences/s" : "explanations/s";
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!json) {
            out.printf("%-22s %18s %18s%n", "method", unit, "(wall clock)");
            out.flush();
        }
        // Each method's result is shown as soon as it is measured: the table row on stdout, or with
        // --json (whose stdout must stay one JSON document) a progress line on stderr.
        List<Rate> rates = new ArrayList<>();
        for (Map.Entry<String, Explainer> e : explainers.entrySet()) {
            RecurrentNetwork model = sentiment ? sentenceModel : samples != null ? samples.model().model()
                    : BenchWorkload.modelFor(e.getKey());
            Rate r = measure(e.getKey(), e.getValue(), model, inputs, targets, warmup, seconds);
            rates.add(r);
            if (json) {
                err.printf("bench %d/%d %s: %,.0f %s%n", rates.size(), explainers.size(), r.method(),
                        r.perCpuSecond(), unit);
                err.flush();
            } else {
                out.printf("%-22s %,18.0f %,18.0f%n", r.method(), r.perCpuSecond(), r.perWallSecond());
                out.flush();
            }
        }
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            for (Rate r : rates) {
                root.put(r.method(), Math.rint(r.perCpuSecond()));
            }
            out.println(root.toPrettyString());
        } else if (sentiment) {
            out.printf("%s, %d test sentences of length %d-%d, target the true class, sentiment settings, one thread, "
                    + "%.1f s warm-up and %.1f s per method; rate per CPU second%s%n", layers == null
                    ? "bundled sentiment BiLSTM (E = H = 60, 5 classes)" : "random " + sentenceModel + " (seed "
                    + seed + ")", inputs.length, sentences.shortest(), sentences.longest(), warmup, seconds,
                    batchNote(explainers, "sentences"));
        } else if (samples != null) {
            out.printf("%s (%s), %d %s test samples, target as the task sets it, the task's settings, one thread, "
                    + "%.1f s warm-up and %.1f s per method; rate per CPU second%s%n", samples.model().id(),
                    samples.model().model(), inputs.length, benchTask.id(), warmup, seconds,
                    batchNote(explainers, "sequences"));
        } else {
            out.printf("single-unit toy LSTM (D=2, H=1; 2 outputs for occlusion-p-diff), %d sequences of "
                    + "length 13-14, one thread, %.1f s warm-up and %.1f s per method; rate per CPU second%s%n",
                    inputs.length, warmup, seconds, batchNote(explainers, "sequences"));
        }
        out.flush();
        return 0;
    }

    /** "; a, b through their batch call ..." for the measured methods that explain batches, else "". */
    private static String batchNote(Map<String, Explainer> explainers, String inputs) {
        List<String> batched = explainers.entrySet().stream().filter(e -> e.getValue() instanceof BatchExplainer)
                .map(Map.Entry::getKey).toList();
        return batched.isEmpty() ? "" : "; " + String.join(", ", batched) + " through their batch call, " + CHUNK
                + " " + inputs + " per call";
    }

    /** Inputs per batch call when a method explains batches, as the checks ask for them. */
    static final int CHUNK = 1000;

    /**
     * Explains the sequences round-robin, sequence i for output {@code targets[i]}: {@code warmup}
     * seconds unmeasured, then until {@code seconds} of CPU time have passed. A
     * {@link BatchExplainer} is measured through its batch call on chunks of up to {@value #CHUNK}
     * consecutive sequences (the last chunk of a round ends at the last sequence), as the checks
     * call it; any other explainer per call, in rounds of 256.
     */
    static Rate measure(String id, Explainer explainer, RecurrentNetwork model, Sequence[] sequences, int[] targets,
                        double warmup, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        Round round = explainer instanceof BatchExplainer batch ? new Chunks(batch, model, sequences, targets)
                : new Calls(explainer, model, sequences, targets);
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmupEnd) {
            round.run();
        }
        long budget = (long) (seconds * 1e9);
        long cpuStart = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
        long wallStart = System.nanoTime();
        long count = 0;
        long cpu;
        do {
            count += round.run();
            cpu = cpuClock ? threads.getCurrentThreadCpuTime() - cpuStart : System.nanoTime() - wallStart;
        } while (cpu < budget);
        long wall = System.nanoTime() - wallStart;
        if (Double.isNaN(round.sink)) {
            // Keeps the results observable so that the JIT cannot drop the work.
            throw new IllegalStateException(id + " produced NaN relevance on the benchmark workload");
        }
        return new Rate(id, count, cpu / 1e9, wall / 1e9);
    }

    /** One measured unit of work over the sequences, continuing where the last one stopped. */
    private abstract static class Round {
        final Sequence[] sequences;
        final int[] targets;
        /** The sum of every explanation's first step, so that the work stays observable. */
        double sink;
        int next;

        Round(Sequence[] sequences, int[] targets) {
            this.sequences = sequences;
            this.targets = targets;
        }

        /** Explains the next sequences; returns how many. */
        abstract int run();
    }

    /** 256 calls of {@link Explainer#explain(dev.explainunit.RecurrentModel, Sequence, int)}. */
    private static final class Calls extends Round {
        private final Explainer explainer;
        private final RecurrentNetwork model;

        Calls(Explainer explainer, RecurrentNetwork model, Sequence[] sequences, int[] targets) {
            super(sequences, targets);
            this.explainer = explainer;
            this.model = model;
        }

        @Override
        int run() {
            for (int k = 0; k < 256; k++) {
                sink += explainer.explain(model, sequences[next], targets[next]).step(0);
                next = (next + 1) % sequences.length;
            }
            return 256;
        }
    }

    /** One batch call on the next chunk of up to {@value #CHUNK} sequences. */
    private static final class Chunks extends Round {
        private final BatchExplainer explainer;
        private final RecurrentNetwork model;
        private final List<Sequence> all;

        Chunks(BatchExplainer explainer, RecurrentNetwork model, Sequence[] sequences, int[] targets) {
            super(sequences, targets);
            this.explainer = explainer;
            this.model = model;
            this.all = List.of(sequences);
        }

        @Override
        int run() {
            int to = Math.min(sequences.length, next + CHUNK);
            for (Relevance r : explainer.explain(model, all.subList(next, to), Arrays.copyOfRange(targets, next, to))) {
                sink += r.step(0);
            }
            int count = to - next;
            next = to % sequences.length;
            return count;
        }
    }
}
