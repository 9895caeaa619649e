package dev.explainunit.cli;

import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentLayer;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import dev.explainunit.task.TaskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * What {@code bench --task T} explains for a task other than sentiment: the first bundled model of
 * the task (e.g. {@code addition-gru-01}) on {@value #SEQUENCES} of the task's test samples, each for
 * its target, with the task's setting of every method ({@link Task#builtIn}).
 *
 * @param model   the task's first model
 * @param inputs  the test samples' sequences
 * @param targets sample i's target output, at index i
 */
record TaskBenchWorkload(TaskModel model, Sequence[] inputs, int[] targets) {

    /** Samples cycled through, enough to defeat branch-history memorisation. */
    static final int SEQUENCES = 1024;

    /** The first model of {@code task} on {@value #SEQUENCES} of its samples drawn from {@code seed}. */
    static TaskBenchWorkload of(Task task, long seed) {
        List<? extends TaskModel> models = task.models();
        if (models.isEmpty()) {
            throw new UsageException("task " + task.id() + " has no models to measure");
        }
        List<Sample> samples = task.samples(seed, SEQUENCES);
        Sequence[] inputs = new Sequence[samples.size()];
        int[] targets = new int[samples.size()];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = samples.get(k).input();
            targets[k] = samples.get(k).target();
        }
        return new TaskBenchWorkload(models.get(0), inputs, targets);
    }

    /**
     * A network shaped like {@code model} with {@code layers} layers of its cell kind (same H,
     * directions and outputs), weights drawn U(−1/√H, 1/√H) from {@code seed} as PyTorch initialises:
     * the same work per layer as {@code model}, for measuring how the cost grows with depth.
     */
    static RecurrentNetwork deeper(RecurrentNetwork model, int layers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double bound = 1 / Math.sqrt(model.hiddenSize());
        CellKind kind = model.cellKind();
        int rows = kind.gates() * model.hiddenSize();
        List<RecurrentLayer> list = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            int inputs = k == 0 ? model.inputSize() : model.features();
            DirectionWeights forward = direction(kind, rows, inputs, model.hiddenSize(), random, bound);
            DirectionWeights reverse = model.isBidirectional()
                    ? direction(kind, rows, inputs, model.hiddenSize(), random, bound) : null;
            list.add(new RecurrentLayer(forward, reverse));
        }
        return new RecurrentNetwork(list, uniform(model.outputSize(), model.features(), random, bound),
                uniform(model.outputSize(), 1, random, bound));
    }

    private static DirectionWeights direction(CellKind kind, int rows, int inputs, int hidden, SplittableRandom random,
                                              double bound) {
        return new DirectionWeights(kind, uniform(rows, inputs, random, bound), uniform(rows, hidden, random, bound),
                uniform(rows, 1, random, bound), uniform(rows, 1, random, bound));
    }

    private static DMatrixRMaj uniform(int rows, int cols, SplittableRandom random, double bound) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (2 * random.nextDouble() - 1) * bound;
        }
        return m;
    }
}
