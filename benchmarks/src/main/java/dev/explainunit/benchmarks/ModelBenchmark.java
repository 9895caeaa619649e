package dev.explainunit.benchmarks;

import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkBatch;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentLayer;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.toy.BenchWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model's passes every white-box explainer starts with, per input: the forward pass alone, the
 * forward pass and the input gradient (gradient × input's work before its output is built), and
 * the latter for groups of {@value #GROUP} inputs of one length side by side ({@link NetworkBatch},
 * the batch explainers' path). On the {@code bench} toy workload ({@code toy}: the single-unit LSTM
 * of {@link BenchWorkload}, sequences of 13-14 steps) and on sentence classifiers of the paper's
 * size (E = H = 60, 5 classes, sentences of 10-30 words, as in {@link SentenceExplainerBenchmark}):
 * one bidirectional LSTM layer ({@code bilstm}), two ({@code bilstm2}), one bidirectional GRU layer
 * ({@code bigru}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class ModelBenchmark {

    static final int GROUP = 8;

    @Param({"toy", "bilstm", "bilstm2", "bigru"})
    public String model;

    private RecurrentNetwork network;
    private Sequence[] inputs;
    private NetworkTrace trace;
    private double[] gradient;
    private int next;
    private NetworkBatch batch;
    /** Groups of {@value #GROUP} inputs of one length. */
    private Sequence[][] groups;
    private int nextGroup;
    private final int[] targets = new int[GROUP];
    private double[][] gradients;

    @Setup
    public void setUp() {
        Random random = new Random(2019);
        switch (model) {
            case "toy" -> {
                network = BenchWorkload.toyModel(1);
                inputs = BenchWorkload.sequences(1);
            }
            case "bilstm", "bilstm2" -> {
                network = SentenceExplainerBenchmark.randomClassifier(random, model.equals("bilstm2") ? 2 : 1);
                inputs = SentenceExplainerBenchmark.randomSentences(random);
            }
            default -> {
                network = randomGru(random);
                inputs = SentenceExplainerBenchmark.randomSentences(random);
            }
        }
        trace = network.newTrace();
        gradient = new double[64 * network.inputSize()];
        batch = new NetworkBatch(network, GROUP);
        groups = groups(inputs);
        gradients = new double[GROUP][64 * network.inputSize()];
    }

    /** One bidirectional GRU layer, H = 60 over E = 60, PyTorch's initialisation. */
    private static RecurrentNetwork randomGru(Random random) {
        int hidden = SentenceExplainerBenchmark.HIDDEN;
        double bound = 1 / Math.sqrt(hidden);
        DirectionWeights[] directions = new DirectionWeights[2];
        for (int r = 0; r < 2; r++) {
            directions[r] = DirectionWeights.gru(uniform(random, 3 * hidden, SentenceExplainerBenchmark.EMBEDDING, bound),
                    uniform(random, 3 * hidden, hidden, bound), uniform(random, 3 * hidden, 1, bound),
                    uniform(random, 3 * hidden, 1, bound));
        }
        int classes = SentenceExplainerBenchmark.CLASSES;
        RecurrentNetwork gru = new RecurrentNetwork(List.of(new RecurrentLayer(directions[0], directions[1])),
                uniform(random, classes, 2 * hidden, 1 / Math.sqrt(2 * hidden)),
                uniform(random, classes, 1, 1 / Math.sqrt(2 * hidden)));
        if (gru.cellKind() != CellKind.GRU) {
            throw new IllegalStateException("not a GRU: " + gru);
        }
        return gru;
    }

    private static DMatrixRMaj uniform(Random random, int rows, int cols, double bound) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (2 * random.nextDouble() - 1) * bound;
        }
        return m;
    }

    /** The inputs in groups of {@value #GROUP} of one length (the remainder of each length left out). */
    private static Sequence[][] groups(Sequence[] inputs) {
        List<Sequence[]> groups = new ArrayList<>();
        for (int length = 1; length <= 64; length++) {
            List<Sequence> same = new ArrayList<>();
            for (Sequence x : inputs) {
                if (x.length() == length) {
                    same.add(x);
                }
            }
            for (int from = 0; from + GROUP <= same.size(); from += GROUP) {
                groups.add(same.subList(from, from + GROUP).toArray(new Sequence[0]));
            }
        }
        return groups.toArray(new Sequence[0][]);
    }

    /** The forward pass alone. */
    @Benchmark
    public double forward() {
        Sequence x = inputs[next];
        next = (next + 1) % inputs.length;
        return network.forward(x, trace).output(0);
    }

    /** Forward pass and input gradient, the work of gradient × input before its output is built. */
    @Benchmark
    public double forwardAndGradient() {
        Sequence x = inputs[next];
        next = (next + 1) % inputs.length;
        network.forward(x, trace);
        network.inputGradient(trace, 0, gradient);
        return gradient[0];
    }

    /** {@link #forwardAndGradient} for a group of inputs of one length side by side; per input. */
    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double batchForwardAndGradient() {
        Sequence[] group = groups[nextGroup];
        nextGroup = (nextGroup + 1) % groups.length;
        batch.forward(group, 0, GROUP);
        batch.inputGradient(targets, gradients);
        return gradients[0][0];
    }
}
