package dev.explainunit.process;

import dev.explainunit.toy.ToyTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A JVM that runs an explainer process with a child of its own and waits to be killed (SIGKILL: no
 * shutdown hook runs, nothing closes the explainer). {@code idle}: after one call, the process waits
 * for the next request; {@code busy}: the process is inside a call that computes forever. Prints the
 * process ids of its descendants on one line once the state is reached.
 */
public final class JvmKilledWithExplainer {

    private JvmKilledWithExplainer() {
    }

    public static void main(String[] args) throws Exception {
        boolean busy = args[0].equals("busy");
        Path started = Files.createTempFile("explainunit-busy", ".started");
        Files.delete(started);
        ProcessExplainer explainer = ProcessExplainer.of(
                PythonExplainers.command("faults.py", busy ? "orphan-busy" : "orphan", started.toString()));
        Runnable call = () -> explainer.explain(ProcessExplainerTest.toyModels(ToyTask.ADDITION, 1).get(0),
                ProcessExplainerTest.samples(ToyTask.ADDITION, 1).get(0), 0);
        if (busy) {
            Thread caller = new Thread(call);
            caller.setDaemon(true);
            caller.start();
            while (!Files.exists(started)) {
                Thread.sleep(20);
            }
        } else {
            call.run();
        }
        Thread.sleep(200); // the grandchild has started by now
        System.out.println(ProcessHandle.current().descendants().map(p -> Long.toString(p.pid()))
                .collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(600_000);
    }
}
