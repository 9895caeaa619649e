package dev.explainunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.explainunit.Sequence;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Explaining sequence after sequence reuses the trace: the passes allocate nothing once it has grown. */
class TraceReuseTest {

    static List<NetworkShape> shapes() {
        return List.of(new NetworkShape(CellKind.LSTM, 1, 2, 1, 1, true, true, false),
                new NetworkShape(CellKind.LSTM, 2, 2, 1, 1, false, true, false),
                new NetworkShape(CellKind.LSTM, 1, 2, 3, 2, true, true, true),
                new NetworkShape(CellKind.LSTM, 3, 2, 3, 2, true, true, true),
                new NetworkShape(CellKind.GRU, 1, 2, 1, 1, false, true, false),
                new NetworkShape(CellKind.GRU, 2, 2, 3, 2, true, true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void forward_and_gradient_allocate_nothing_once_the_trace_has_grown(NetworkShape shape) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counting needs a HotSpot JVM");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Random random = new Random(shape.seed());
        RecurrentNetwork model = RandomNetworks.network(random, shape, 1);
        Sequence[] inputs = new Sequence[8];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = RandomNetworks.sequence(random, 13 + k % 2, 2);
        }
        NetworkTrace trace = model.newTrace();
        double[] gradient = new double[28];
        model.forward(inputs[1], trace);
        model.inputGradient(trace, 0, gradient);
        model.predict(inputs[1]);
        int calls = 20_000;
        long thread = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(thread);
        for (int k = 0; k < calls; k++) {
            model.forward(inputs[k % inputs.length], trace);
            model.inputGradient(trace, 0, gradient);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        // One allocation per call, of even the smallest object (16 bytes), would show as >= 320 kB.
        assertThat(allocated).as("bytes allocated by %d forward and gradient passes", calls).isLessThan(calls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void a_batch_allocates_nothing_once_it_has_grown(NetworkShape shape) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counting needs a HotSpot JVM");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Random random = new Random(shape.seed() + 1);
        RecurrentNetwork model = RandomNetworks.network(random, shape, 1);
        Sequence[] inputs = new Sequence[16];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = RandomNetworks.sequence(random, 13, 2);
        }
        NetworkBatch batch = new NetworkBatch(model, 8);
        int[] targets = new int[8];
        double[][] gradients = new double[8][26];
        double[][] outputGradients = new double[8][shape.outputs()];
        double[] scales = {0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1};
        double[] x = new double[26];
        inputs[0].copyTo(x);
        int[] rows = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        NetworkTrace reference = model.forward(inputs[0], model.newTrace());
        Runnable passes = () -> {
            batch.forward(inputs, 0, 8);
            batch.inputGradient(targets, gradients);
            batch.forward(inputs, 8, 8);
            batch.backward(outputGradients, gradients, null);
            batch.forwardScaled(x, 13, scales, 0, 8);
            batch.inputGradient(targets, gradients);
            batch.forwardWithRowZeroed(reference, rows, 5, 8);
        };
        passes.run();
        int calls = 2_000;
        long thread = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(thread);
        for (int k = 0; k < calls; k++) {
            passes.run();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(allocated).as("bytes allocated by %d rounds of batch passes", calls).isLessThan(calls);
    }
}
