package dev.explainunit.benchmarks;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.process.ProcessExplainer;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.zoo.ModelZoo;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per explanation through the process bridge: 1000 toy test sequences (length 13-14) of the
 * first bundled addition model, explained in one batch request ({@code batched}) or one request
 * per sequence ({@code unbatched}). With {@code script} the zeros explainer this is the bridge's
 * own cost; with the example numpy gradient×input it is what a Python method pays in all. Run from
 * the repository root (the scripts are found relative to it), pinned to one core:
 *
 * <pre>
 *   taskset -c 0 java -jar benchmarks/target/benchmarks.jar ProcessBridgeBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ProcessBridgeBenchmark {

    private static final int SEQUENCES = 1000;

    @Param({"framework/src/test/python/zeros.py", "examples/python/gradient_x_input.py"})
    public String script;

    private ProcessExplainer explainer;
    private RecurrentNetwork model;
    private List<Sequence> sequences;
    private int[] targets;

    @Setup(Level.Trial)
    public void setUp() {
        explainer = ProcessExplainer.of("python3", script);
        model = ModelZoo.bundled().models("addition").get(0).model();
        sequences = ToyData.generate(ToyTask.ADDITION, Split.TEST, SEQUENCES, 1L).stream().map(ToySample::sequence).toList();
        targets = new int[SEQUENCES];
        explainer.explain(model, sequences.get(0), 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        explainer.close();
    }

    @Benchmark
    @OperationsPerInvocation(SEQUENCES)
    public List<Relevance> batched() {
        return explainer.explain(model, sequences, targets);
    }

    @Benchmark
    @OperationsPerInvocation(SEQUENCES)
    public Relevance unbatched() {
        Relevance last = null;
        for (Sequence x : sequences) {
            last = explainer.explain(model, x, 0);
        }
        return last;
    }
}
