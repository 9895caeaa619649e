package dev.explainunit.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.process.ProcessExplainer;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.zoo.ModelZoo;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * The CPU time per explanation through the process bridge, the JVM's and the explainer
 * process's together, batched (1000 toy sequences per request) and unbatched (one per request),
 * next to the wall-clock time. CPU time does not grow when other work shares the machine, so it
 * measures the bridge where wall-clock JMH numbers would measure the load:
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.explainunit.benchmarks.ProcessBridgeCost framework/src/test/python/zeros.py
 * </pre>
 */
public final class ProcessBridgeCost {

    private static final int SEQUENCES = 1000;

    private ProcessBridgeCost() {
    }

    public static void main(String[] args) {
        String script = args.length > 0 ? args[0] : "framework/src/test/python/zeros.py";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        RecurrentNetwork model = ModelZoo.bundled().models("addition").get(0).model();
        List<Sequence> sequences = ToyData.generate(ToyTask.ADDITION, Split.TEST, SEQUENCES, 1L).stream()
                .map(ToySample::sequence).toList();
        int[] targets = new int[SEQUENCES];
        try (ProcessExplainer explainer = ProcessExplainer.of("python3", script)) {
            explainer.explain(model, sequences, targets);
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                measure(explainer, model, sequences, targets, true, rounds);
                measure(explainer, model, sequences, targets, false, Math.max(1, rounds / 10));
            }
            System.out.println(script + " (" + explainer.id() + "), " + SEQUENCES + " toy sequences of length 13-14:");
            System.out.println("  batched:   " + measure(explainer, model, sequences, targets, true, rounds));
            System.out.println("  unbatched: " + measure(explainer, model, sequences, targets, false, Math.max(1, rounds / 10)));
        }
    }

    private static String measure(ProcessExplainer explainer, RecurrentNetwork model, List<Sequence> sequences, int[] targets,
                                  boolean batched, int rounds) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long jvm = os.getProcessCpuTime();
        long child = childCpu();
        long wall = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            if (batched) {
                explainer.explain(model, sequences, targets);
            } else {
                for (Sequence x : sequences) {
                    explainer.explain(model, x, 0);
                }
            }
        }
        double count = (double) rounds * sequences.size();
        double jvmMicros = (os.getProcessCpuTime() - jvm) / 1e3 / count;
        double threadMicros = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - thread) / 1e3 / count;
        double childMicros = (childCpu() - child) / 1e3 / count;
        double wallMicros = (System.nanoTime() - wall) / 1e3 / count;
        return String.format("%.1f µs CPU per explanation (JVM %.1f, of which the calling thread %.1f, + explainer"
                + " process %.1f), %.1f µs wall clock", jvmMicros + childMicros, jvmMicros, threadMicros, childMicros, wallMicros);
    }

    /** CPU time of this JVM's child processes, in ns. */
    private static long childCpu() {
        return ProcessHandle.current().children()
                .mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos()).sum();
    }
}
