package dev.explainunit.explainers.internal;

import dev.explainunit.Sequence;
import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.internal.SingleUnitLstmPasses;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.ModelZoo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The single-unit (H = 1) copies against the general passes they copy, on the toy workload: the
 * first bundled models of a task (single-unit LSTMs, D = 2) and its test sequences (T = 13 or 14).
 * A copy stays only where it is at least 1.5 times faster than its general pass. Each invocation
 * runs one group of 8 sequences of one length, and the time is per sequence:
 *
 * <ul>
 *   <li>{@code *Copy}, {@code *General}: the copy and the general pass, one sequence at a time (a
 *       single {@code explain} call);</li>
 *   <li>{@code *CopySideBySide}, {@code *GeneralSideBySide}: the 8 sequences side by side (a batch:
 *       occlusion's resumed passes, integrated gradients' points, a batch explainer's group); the
 *       relevance and decomposition copies run one input at a time there too.</li>
 * </ul>
 *
 * {@code forward*} and {@code backward*} are {@code model.internal.SingleUnitLstm} against
 * {@code DirectionPasses}' general passes (the backward pass from ∂h_T to the input);
 * {@code relevance*} {@link SingleUnitLstmRelevance} against {@link LstmRelevance} (the toy tasks'
 * ε = 0, bias factor 0); {@code decomposition*} {@link SingleUnitLstmDecomposition} against
 * {@link LstmDecomposition} word by word with the input products summed once, as
 * {@link DecompositionPasses} runs it. Run from the repository root:
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar SingleUnitBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@Threads(1)
public class SingleUnitBenchmark {

    /** Sequences per invocation, all of one length. */
    static final int GROUP = 8;
    private static final int MODELS = 4;
    private static final int SEQUENCES = 512;

    @Param({"addition", "subtraction"})
    public String task;

    private RecurrentNetwork[] models;
    private SingleUnitLstmPasses[] passes;
    private NetworkTrace[][] traces;
    private double[][] inputs;
    /** Groups of GROUP sequence indices of one length. */
    private int[][] groups;
    private int next;
    private int model;
    private int[] group;
    private final int[] one = new int[1];

    @Setup
    public void setUp() {
        List<Sequence> sequences = new ArrayList<>();
        for (ToySample sample : ToyData.generate(ToyTask.fromId(task), Split.TEST, SEQUENCES, 7L)) {
            sequences.add(sample.sequence());
        }
        Sequence[] all = sequences.toArray(new Sequence[0]);
        models = new RecurrentNetwork[MODELS];
        passes = new SingleUnitLstmPasses[MODELS];
        traces = new NetworkTrace[MODELS][all.length];
        for (int m = 0; m < MODELS; m++) {
            models[m] = ModelZoo.bundled().models(task).get(m).model();
            if (models[m].hiddenSize() != 1 || models[m].layerCount() != 1 || models[m].isBidirectional()) {
                throw new IllegalStateException("the toy workload is single-unit LSTMs, the zoo holds " + models[m]);
            }
            passes[m] = new SingleUnitLstmPasses(models[m].layer(0).forward(), all, GROUP);
            for (int n = 0; n < all.length; n++) {
                traces[m][n] = models[m].forward(all[n], models[m].newTrace());
            }
        }
        inputs = new double[all.length][];
        for (int n = 0; n < all.length; n++) {
            inputs[n] = new double[all[n].length() * all[n].dim()];
            all[n].copyTo(inputs[n]);
        }
        groups = groups(all);
    }

    /** The sequences' indices in groups of GROUP of one length. */
    private static int[][] groups(Sequence[] all) {
        List<int[]> groups = new ArrayList<>();
        for (int length = 1; length <= 64; length++) {
            List<Integer> same = new ArrayList<>();
            for (int n = 0; n < all.length; n++) {
                if (all[n].length() == length) {
                    same.add(n);
                }
            }
            for (int from = 0; from + GROUP <= same.size(); from += GROUP) {
                groups.add(same.subList(from, from + GROUP).stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return groups.toArray(new int[0][]);
    }

    /** The next group, and the model to run it on (both cycled). */
    private int[] nextGroup() {
        group = groups[next];
        next = (next + 1) % groups.length;
        if (next == 0) {
            model = (model + 1) % MODELS;
        }
        return group;
    }

    // ------------------------------------------------------------ model.internal.SingleUnitLstm

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double forwardCopy() {
        int[] g = nextGroup();
        double sum = 0;
        for (int b = 0; b < GROUP; b++) {
            one[0] = g[b];
            sum += passes[model].forwardCopy(one, 1);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double forwardGeneral() {
        int[] g = nextGroup();
        double sum = 0;
        for (int b = 0; b < GROUP; b++) {
            one[0] = g[b];
            sum += passes[model].forwardGeneral(one, 1);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double forwardCopySideBySide() {
        return passes[model].forwardCopy(nextGroup(), GROUP);
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double forwardGeneralSideBySide() {
        return passes[model].forwardGeneral(nextGroup(), GROUP);
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double backwardCopy() {
        int[] g = nextGroup();
        double sum = 0;
        for (int b = 0; b < GROUP; b++) {
            one[0] = g[b];
            sum += passes[model].backwardCopy(one, 1);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double backwardGeneral() {
        int[] g = nextGroup();
        double sum = 0;
        for (int b = 0; b < GROUP; b++) {
            one[0] = g[b];
            sum += passes[model].backwardGeneral(one, 1);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double backwardCopySideBySide() {
        return passes[model].backwardCopy(nextGroup(), GROUP);
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double backwardGeneralSideBySide() {
        return passes[model].backwardGeneral(nextGroup(), GROUP);
    }

    // ------------------------------------------------------------ SingleUnitLstmRelevance

    /** The relevance passes of one rule with the toy tasks' setting, and a lane per sequence of a group. */
    @State(Scope.Thread)
    public static class Relevance {

        @Param({"ALL", "PROP", "ABS", "HALF"})
        public String rule;

        SingleUnitLstmRelevance copy;
        LstmRelevance general;
        final RelevanceLane[] lanes = new RelevanceLane[GROUP];
        final DirectionTrace[] directions = new DirectionTrace[GROUP];
        final RelevanceLane[] oneLane = new RelevanceLane[1];
        final DirectionTrace[] oneDirection = new DirectionTrace[1];

        @Setup
        public void setUp() {
            RelevanceRules rules = new RelevanceRules(RelevanceRules.Split.valueOf(rule), 0, 0);
            copy = new SingleUnitLstmRelevance(rules);
            general = new LstmRelevance(rules);
            for (int b = 0; b < GROUP; b++) {
                lanes[b] = new RelevanceLane();
            }
        }
    }

    /** Lane b of the group: sequence n's input, no relevance yet, f_c's share on h_T (as the output layer leaves it). */
    private RelevanceLane lane(Relevance r, int b, int n) {
        NetworkTrace trace = traces[model][n];
        int length = trace.length();
        RelevanceLane lane = r.lanes[b];
        lane.ensure(length, 1, 4, 2);
        lane.x = inputs[n];
        rows(lane, length * 2);
        Arrays.fill(lane.rh, 0, length, 0.0);
        lane.rh[length] = trace.output(0);
        lane.absorbed = 0;
        r.directions[b] = trace.forward(0);
        return lane;
    }

    /** The lane's input relevance, n values set to 0. */
    private static void rows(RelevanceLane lane, int n) {
        if (lane.rx == null || lane.rx.length < n) {
            lane.rx = new double[n];
        }
        Arrays.fill(lane.rx, 0, n, 0.0);
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double relevanceCopy(Relevance r) {
        int[] g = nextGroup();
        DirectionWeights w = models[model].layer(0).forward();
        double sum = 0;
        for (int b = 0; b < GROUP; b++) {
            RelevanceLane lane = lane(r, b, g[b]);
            r.copy.propagate(w, r.directions[b], lane, false, false);
            sum += lane.rx[0];
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double relevanceGeneral(Relevance r) {
        int[] g = nextGroup();
        DirectionWeights w = models[model].layer(0).forward();
        double sum = 0;
        for (int b = 0; b < GROUP; b++) {
            r.oneLane[0] = lane(r, b, g[b]);
            r.oneDirection[0] = r.directions[b];
            r.general.propagate(w, r.oneDirection, r.oneLane, 1, false);
            sum += r.oneLane[0].rx[0];
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double relevanceGeneralSideBySide(Relevance r) {
        int[] g = nextGroup();
        DirectionWeights w = models[model].layer(0).forward();
        for (int b = 0; b < GROUP; b++) {
            lane(r, b, g[b]);
        }
        r.general.propagate(w, r.directions, r.lanes, GROUP, false);
        return r.lanes[0].rx[0];
    }

    // ------------------------------------------------------------ SingleUnitLstmDecomposition

    /** The decompositions and their buffers. */
    @State(Scope.Thread)
    public static class Decomposition {
        final SingleUnitLstmDecomposition copy = new SingleUnitLstmDecomposition();
        final LstmDecomposition general = new LstmDecomposition();
        final double[] scores = new double[64];
        final double[][] parts = new double[64][3];
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double decompositionCopy(Decomposition d) {
        int[] g = nextGroup();
        RecurrentNetwork network = models[model];
        DirectionWeights w = network.layer(0).forward();
        double sum = 0;
        for (int b = 0; b < GROUP; b++) {
            NetworkTrace trace = traces[model][g[b]];
            d.copy.scores(w, trace.forward(0), inputs[g[b]], false, network.fcWeight(0, 0), d.scores);
            sum += d.scores[0];
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(GROUP)
    public double decompositionGeneral(Decomposition d) {
        int[] g = nextGroup();
        RecurrentNetwork network = models[model];
        DirectionWeights w = network.layer(0).forward();
        double fcWeight = network.fcWeight(0, 0);
        double sum = 0;
        for (int b = 0; b < GROUP; b++) {
            NetworkTrace trace = traces[model][g[b]];
            int length = trace.length();
            double[] x = inputs[g[b]];
            for (int t = 0; t < length; t++) {
                w.inputProduct(3, x, t * 2, d.parts[t]);
            }
            for (int word = 0; word < length; word++) {
                d.general.decompose(w, trace.forward(0), d.parts, null, null, word, false);
                d.scores[word] = fcWeight * d.general.relevantH[length];
            }
            sum += d.scores[0];
        }
        return sum;
    }
}
