package dev.explainunit.benchmarks;

import dev.explainunit.model.CellKind;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.train.TrainingWorkload;
import dev.explainunit.zoo.Architecture;
import dev.explainunit.zoo.ModelZoo;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The toy training workload: one evaluation of the full-batch MSE and its gradient over the 10000
 * training sequences, the unit {@code ToyTrainer} spends its time in. {@code singleUnit} is the
 * unrolled copy for the paper's single-unit LSTM, {@code general} the objective on the model's
 * passes for the same model and θ, so their ratio decides whether the copy is kept (it must be at
 * least 1.5 times faster); {@code gru} and {@code lstm2} time the general objective on the other
 * zoos' architectures (H = 1). θ is the first bundled model of the task ({@code trained}: saturated
 * gates, as in most of a run's evaluations) or the paper's initialisation from seed 1.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TrainingBenchmark {

    @Param({"addition", "subtraction"})
    public String task;

    @Param({"trained", "initial"})
    public String theta;

    private TrainingWorkload singleUnit;
    private TrainingWorkload general;
    private TrainingWorkload gru;
    private TrainingWorkload lstm2;

    @Setup
    public void setUp() {
        ToyTask arithmetic = ToyTask.fromId(task);
        if ("trained".equals(theta)) {
            var model = ModelZoo.bundled().models(task).get(0).model();
            singleUnit = TrainingWorkload.at(arithmetic, model, false);
            general = TrainingWorkload.at(arithmetic, model, true);
        } else {
            singleUnit = TrainingWorkload.initial(arithmetic, Architecture.PAPER, 1, false);
            general = TrainingWorkload.initial(arithmetic, Architecture.PAPER, 1, true);
        }
        gru = TrainingWorkload.initial(arithmetic, Architecture.of(CellKind.GRU, 1, 1), 1, true);
        lstm2 = TrainingWorkload.initial(arithmetic, Architecture.of(CellKind.LSTM, 2, 1), 1, true);
        if (!"SingleUnitMseObjective".equals(singleUnit.objective())) {
            throw new IllegalStateException("the trainer no longer uses the single-unit objective: "
                    + singleUnit.objective());
        }
    }

    /** The paper's model by the unrolled single-unit objective. */
    @Benchmark
    public double singleUnit() {
        return singleUnit.evaluate();
    }

    /** The same model and θ by the general objective. */
    @Benchmark
    public double general() {
        return general.evaluate();
    }

    /** A one-layer GRU, H = 1, at its initialisation, by the general objective. */
    @Benchmark
    public double gru() {
        return gru.evaluate();
    }

    /** A two-layer LSTM, H = 1, at its initialisation, by the general objective. */
    @Benchmark
    public double lstm2() {
        return lstm2.evaluate();
    }
}
