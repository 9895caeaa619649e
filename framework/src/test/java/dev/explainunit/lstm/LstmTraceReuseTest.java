package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.explainunit.Sequence;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Explaining sequence after sequence reuses the trace: nothing grows or is allocated after the first. */
class LstmTraceReuseTest {

    @ParameterizedTest(name = "H={0}")
    @ValueSource(ints = {1, 3})
    void trace_arrays_are_kept_across_sequences_no_longer_than_the_first(int hidden) {
        Random random = new Random(hidden);
        Lstm model = RandomLstms.lstm(random, 2, hidden, 1, true, 1);
        LstmTrace trace = model.newTrace();
        model.forward(RandomLstms.sequence(random, 14, 2), trace);
        Object[] arrays = arrays(trace);

        for (int length : new int[] {13, 1, 14, 7, 14}) {
            model.forward(RandomLstms.sequence(random, length, 2), trace);
            model.inputGradient(trace, 0, new double[28]);
            assertThat(trace.length()).isEqualTo(length);
            assertThat(arrays(trace)).as("arrays after a sequence of length %d", length).containsExactly(arrays);
        }
    }

    @ParameterizedTest(name = "H={0}")
    @ValueSource(ints = {1, 3})
    void forward_and_gradient_allocate_nothing_once_the_trace_has_grown(int hidden) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counting needs a HotSpot JVM");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Random random = new Random(hidden);
        Lstm model = RandomLstms.lstm(random, 2, hidden, 1, true, 1);
        Sequence[] inputs = new Sequence[8];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = RandomLstms.sequence(random, 13 + k % 2, 2);
        }
        LstmTrace trace = model.newTrace();
        double[] gradient = new double[28];
        model.forward(inputs[1], trace);
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

    private static Object[] arrays(LstmTrace trace) {
        DirectionTrace f = trace.forward;
        DirectionTrace r = trace.reverse;
        return new Object[] {trace.input, f.z, f.gate, f.c, f.h, f.tanhC, r.z, r.gate, r.c, r.h, r.tanhC};
    }
}
