package dev.explainunit.benchmarks;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.toy.BenchWorkload;
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
 * Explanations per second of each built-in method on the workload of {@code explainunit bench}
 * ({@link BenchWorkload}): the single-unit toy LSTM, sequences of length 13-14, one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class ExplainerBenchmark {

    @Param({"gradient", "gradient-x-input", "occlusion-f-diff", "occlusion-p-diff", "lrp-all", "lrp-prop",
            "lrp-abs", "lrp-half", "cd", "integrated-gradients"})
    public String method;

    private Explainer explainer;
    private RecurrentNetwork model;
    private Sequence[] sequences;
    private int next;

    @Setup
    public void setUp() {
        explainer = BuiltInExplainers.create(method);
        model = BenchWorkload.modelFor(method);
        sequences = BenchWorkload.sequences(1);
    }

    @Benchmark
    public Relevance explain() {
        Sequence x = sequences[next];
        next = (next + 1) % sequences.length;
        return explainer.explain(model, x, 0);
    }
}
