package dev.explainunit.process;

import dev.explainunit.toy.ToyTask;
import java.util.stream.Collectors;

/**
 * A JVM that starts an explainer process that outlives the end of its stdin and has a child of its
 * own, and never closes it: prints the process ids of its descendants, then exits ({@code exit}) or waits to be terminated ({@code wait}).
 */
public final class ExplainerLeftOpen {

    private ExplainerLeftOpen() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessExplainer explainer = ProcessExplainer.of(PythonExplainers.command("faults.py", "orphan"));
        explainer.explain(ProcessExplainerTest.toyModels(ToyTask.ADDITION, 1).get(0),
                ProcessExplainerTest.samples(ToyTask.ADDITION, 1).get(0), 0);
        System.out.println(ProcessHandle.current().descendants().map(p -> Long.toString(p.pid()))
                .collect(Collectors.joining(" ")));
        System.out.flush();
        if (args[0].equals("wait")) {
            Thread.sleep(600_000);
        }
        System.exit(0);
    }
}
