package dev.explainunit.benchmarks;

import dev.explainunit.Sequence;
import dev.explainunit.internal.BenchWorkload;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.NetworkTrace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** The LSTM passes every white-box explainer starts with, on the {@code bench} workload. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class LstmBenchmark {

    private RecurrentNetwork model;
    private Sequence[] sequences;
    private NetworkTrace trace;
    private double[] gradient;
    private int next;

    @Setup
    public void setUp() {
        model = BenchWorkload.toyModel(1);
        sequences = BenchWorkload.sequences(1);
        trace = model.newTrace();
        gradient = new double[14 * 2];
    }

    /** The forward pass alone. */
    @Benchmark
    public double forward() {
        Sequence x = sequences[next];
        next = (next + 1) % sequences.length;
        return model.forward(x, trace).output(0);
    }

    /** Forward pass and input gradient, the work of gradient × input before its output is built. */
    @Benchmark
    public double forwardAndGradient() {
        Sequence x = sequences[next];
        next = (next + 1) % sequences.length;
        model.forward(x, trace);
        model.inputGradient(trace, 0, gradient);
        return gradient[0];
    }
}
