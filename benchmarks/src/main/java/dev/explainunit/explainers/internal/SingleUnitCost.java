package dev.explainunit.explainers.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * {@link SingleUnitBenchmark}'s pairs (each copy and its general pass, on the same workload) timed
 * by the thread's CPU clock, alternating copy and general pass in short rounds: the ratio of CPU
 * times per sequence does not move when other work shares the machine, where JMH's wall clock does.
 * Prints per pair the median ratio general / copy over the rounds with its range, and each side's
 * median time per sequence. Run from the repository root:
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.explainunit.explainers.internal.SingleUnitCost [rounds] [ms per side]
 * </pre>
 */
public final class SingleUnitCost {

    private SingleUnitCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        double millis = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        for (String task : new String[] {"addition", "subtraction"}) {
            SingleUnitBenchmark b = new SingleUnitBenchmark();
            b.task = task;
            b.setUp();
            compare(task, "forward", b::forwardCopy, b::forwardGeneral, rounds, millis);
            compare(task, "forward, 8 side by side", b::forwardCopySideBySide, b::forwardGeneralSideBySide, rounds,
                    millis);
            compare(task, "backward", b::backwardCopy, b::backwardGeneral, rounds, millis);
            compare(task, "backward, 8 side by side", b::backwardCopySideBySide, b::backwardGeneralSideBySide, rounds,
                    millis);
            for (String rule : new String[] {"ALL", "PROP", "ABS", "HALF"}) {
                SingleUnitBenchmark.Relevance r = new SingleUnitBenchmark.Relevance();
                r.rule = rule;
                r.setUp();
                compare(task, "relevance " + rule, () -> b.relevanceCopy(r), () -> b.relevanceGeneral(r), rounds,
                        millis);
                compare(task, "relevance " + rule + ", general 8 side by side", () -> b.relevanceCopy(r),
                        () -> b.relevanceGeneralSideBySide(r), rounds, millis);
            }
            SingleUnitBenchmark.Decomposition d = new SingleUnitBenchmark.Decomposition();
            compare(task, "decomposition", () -> b.decompositionCopy(d), () -> b.decompositionGeneral(d), rounds,
                    millis);
        }
    }

    private static double sink;

    /** Alternating rounds of each side; a side's time per sequence (8 per call) by the thread's CPU clock. */
    private static void compare(String task, String pass, DoubleSupplier copy, DoubleSupplier general, int rounds,
                                double millis) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 3; warm++) {
            time(bean, copy, millis);
            time(bean, general, millis);
        }
        double[] copyTimes = new double[rounds];
        double[] generalTimes = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            copyTimes[r] = time(bean, copy, millis);
            generalTimes[r] = time(bean, general, millis);
            ratios[r] = generalTimes[r] / copyTimes[r];
        }
        Arrays.sort(copyTimes);
        Arrays.sort(generalTimes);
        Arrays.sort(ratios);
        System.out.printf("%-12s %-44s general/copy %5.2f (%5.2f..%5.2f)   copy %8.1f ns   general %8.1f ns%n", task,
                pass, ratios[rounds / 2], ratios[0], ratios[rounds - 1], copyTimes[rounds / 2],
                generalTimes[rounds / 2]);
    }

    /** CPU ns per sequence of {@code side} run for about {@code millis} of CPU time. */
    private static double time(ThreadMXBean bean, DoubleSupplier side, double millis) {
        long budget = (long) (millis * 1e6);
        long start = bean.getCurrentThreadCpuTime();
        long calls = 0;
        long now;
        do {
            for (int k = 0; k < 16; k++) {
                sink += side.getAsDouble();
            }
            calls += 16;
            now = bean.getCurrentThreadCpuTime();
        } while (now - start < budget);
        return (now - start) / (double) (calls * SingleUnitBenchmark.GROUP);
    }
}
