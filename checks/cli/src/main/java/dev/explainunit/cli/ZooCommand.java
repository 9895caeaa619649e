package dev.explainunit.cli;

import dev.explainunit.model.DirectionWeights;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.ModelZoo;
import dev.explainunit.zoo.ZooDirectory;
import dev.explainunit.zoo.ZooIndex;
import dev.explainunit.zoo.ZooModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code explainunit zoo list | export}: the bundled models and their metrics; {@code list --dir}
 * shows a folder written by {@code train} or {@code zoo export} the same way.
 */
@Command(name = "zoo",
        mixinStandardHelpOptions = true,
        description = "The bundled single-unit LSTMs of the toy tasks and the sentiment model, with their training metrics.",
        subcommands = {ZooCommand.ListCommand.class, ZooCommand.ExportCommand.class})
final class ZooCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or export");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Prints a table of the bundled models (or those of --dir) with their train / validation / test MSE.")
    static final class ListCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--task", paramLabel = "T", description = "only this task (addition, subtraction, sentiment, addition-gru, ...; see zoo list)")
        String task;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "a folder written by 'train' or 'zoo export', listed instead of the bundled models")
        Path dir;

        @Option(names = "--weights", description = "also print each model's weights: W_ih, W_hh and the bias per"
                + " gate (i, f, g, o), and fc.weight")
        boolean weights;

        @Option(names = "--gates", description = "also print each model's mean gate activations i, f, o on the two"
                + " marked steps and on the distractor steps of 500 test sequences, and the medians over the models")
        boolean gates;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (SentimentCommands.isSentiment(task) || (dir != null && SentimentCommands.isSentimentFolder(dir))) {
                return SentimentCommands.list(out, dir);
            }
            ModelZoo zoo = dir == null ? ModelZoo.bundled() : load(dir);
            List<String> tasks = task == null ? zoo.tasks() : List.of(TrainCommand.parseTask(task).id());
            if (dir != null) {
                tasks = tasks.stream().filter(t -> zoo.index(t).isPresent()).toList();
                if (tasks.isEmpty()) {
                    throw new UsageException("--dir " + dir + " holds no models of task " + task);
                }
            }
            for (String t : tasks) {
                zoo.index(t).ifPresent(index -> out.printf(Locale.ROOT,
                        "%s: %d models from %d seeds (convergence rate %.2f), data seed %d, %d evaluations,"
                                + " %.1f s wall / %.1f s CPU on %s%n",
                        t + " (" + index.architecture().describe() + ")", index.modelsKept(), index.seedsTried(), index.convergenceRate(), index.dataSeed(),
                        index.totalEvaluations(), index.trainingSeconds(), index.cpuSeconds(),
                        TrainCommand.threads(index.threads())));
                out.printf(Locale.ROOT, "%-16s %6s %10s %10s %10s %6s %8s%n", "id", "seed", "train MSE", "valid MSE",
                        "test MSE", "evals", "seconds");
                for (ZooModel m : zoo.models(t)) {
                    out.printf(Locale.ROOT, "%-16s %6d %10.2e %10.2e %10.2e %6d %8.1f%n", m.id(), m.seed(), m.trainMse(),
                            m.validationMse(), m.testMse(), m.evaluations(), m.seconds());
                    if (weights) {
                        printWeights(out, m);
                    }
                }
                if (gates) {
                    printGates(out, TrainCommand.parseTask(t).arithmetic(), zoo.index(t).map(ZooIndex::dataSeed).orElse(1L),
                            zoo.models(t));
                }
                out.println();
            }
            if (task == null && dir == null) {
                SentimentCommands.list(out, null);
            }
            out.flush();
            return 0;
        }

        /** The models of a folder written by 'train' or 'zoo export', or a usage error naming the defect. */
        private static ModelZoo load(Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--dir " + dir + (Files.exists(dir) ? " is a file, not a directory"
                        : " does not exist"));
            }
            try {
                return ModelZoo.load(dir);
            } catch (IOException e) {
                throw new UsageException(e.getMessage(), e); // names the folder or the file and the defect
            } catch (RuntimeException e) {
                throw new UsageException("--dir " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Mean gate activations (LSTM i, f, o; GRU r, z) of layer 0 on marked and distractor steps of the
     * test split (data seed of the zoo) per model, and medians.
     */
    private static void printGates(PrintWriter out, ToyTask task, long dataSeed, List<ZooModel> models) {
        if (models.isEmpty()) {
            return;
        }
        List<ToySample> samples = ToyData.generate(task, Split.TEST, 500, dataSeed);
        List<String> names = new ArrayList<>();
        for (String gate : GateStatistics.gateNames(models.get(0).model().cellKind())) {
            names.add(gate + " marked");
            names.add(gate + " distr.");
        }
        out.printf(Locale.ROOT, "%-16s", "gate means");
        for (String name : names) {
            out.printf(Locale.ROOT, " %9s", name);
        }
        out.println();
        double[][] perModel = new double[models.size()][];
        int columns = names.size();
        for (int k = 0; k < models.size(); k++) {
            perModel[k] = GateStatistics.means(models.get(k).model(), samples);
            out.printf(Locale.ROOT, "%-16s", models.get(k).id());
            for (double v : perModel[k]) {
                out.printf(Locale.ROOT, " %9.4f", v);
            }
            out.println();
        }
        out.printf(Locale.ROOT, "%-16s", "median");
        for (int c = 0; c < columns; c++) {
            double[] column = new double[models.size()];
            for (int k = 0; k < models.size(); k++) {
                column[k] = perModel[k][c];
            }
            java.util.Arrays.sort(column);
            double median = column.length == 0 ? Double.NaN : column.length % 2 == 1 ? column[column.length / 2]
                    : 0.5 * (column[column.length / 2 - 1] + column[column.length / 2]);
            out.printf(Locale.ROOT, " %9.4f", median);
        }
        out.println();
    }

    /** Per layer one line per gate row: W_ih row, W_hh row, bias; then fc.weight. */
    private static void printWeights(PrintWriter out, ZooModel m) {
        for (int layer = 0; layer < m.model().layerCount(); layer++) {
            if (m.model().layerCount() > 1) {
                out.printf(Locale.ROOT, "    layer %d%n", layer);
            }
            printRows(out, m.model().layer(layer).forward());
        }
        StringBuilder fc = new StringBuilder("    fc.weight");
        for (int k = 0; k < m.model().hiddenSize(); k++) {
            fc.append(String.format(Locale.ROOT, " %9.3f", m.model().fcWeight(0, k)));
        }
        out.println(fc);
    }

    private static void printRows(PrintWriter out, DirectionWeights w) {
        String[] gates = w.kind().blocks().split(", ");
        for (int j = 0; j < gates.length * w.hiddenSize(); j++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %s  W_ih", gates[j / w.hiddenSize()]));
            for (int d = 0; d < w.inputSize(); d++) {
                line.append(String.format(Locale.ROOT, " %9.3f", w.weightIh(j, d)));
            }
            line.append("  W_hh");
            for (int k = 0; k < w.hiddenSize(); k++) {
                line.append(String.format(Locale.ROOT, " %9.3f", w.weightHh(j, k)));
            }
            line.append(String.format(Locale.ROOT, "  b %9.3f", w.bias(j)));
            out.println(line);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the bundled models of a task to DIR as <id>.safetensors plus index.json.")
    static final class ExportCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--task", required = true, paramLabel = "T", description = "addition, subtraction, their -gru and"
                + " -lstm2 variants, or sentiment")
        String task;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "directory to write to")
        Path dir;

        @Option(names = "--force", description = "export into a folder that is not empty: removes the earlier"
                + " *.safetensors and index.json (nothing else) first")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (SentimentCommands.isSentiment(task)) {
                return SentimentCommands.export(dir, force, spec.commandLine().getOut());
            }
            String t = TrainCommand.parseTask(task).id();
            PreviousRun.requireEmptyUnlessForced("--dir", dir, force);
            OutputPaths.requireWritableDirectory("--dir", dir);
            ModelZoo zoo = ModelZoo.bundled();
            ZooIndex index = zoo.index(t).orElseThrow();
            try {
                String removed = force ? PreviousRun.clear(dir) : null;
                if (removed != null) {
                    spec.commandLine().getOut().println(removed);
                }
                ZooDirectory.write(dir, index, zoo.models(t));
            } catch (IOException e) {
                throw new UsageException("--dir " + dir + ": the models could not be written ("
                        + OutputPaths.describe(e) + ")", e);
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d %s models and %s to %s%n", zoo.models(t).size(),
                    t, ZooDirectory.INDEX, dir);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
