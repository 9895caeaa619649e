package dev.explainunit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.uniqueIdSubstring;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.junit.ExplainerSanityTest;
import dev.explainunit.junit.ExplainerUnderTest;
import dev.explainunit.process.ProcessExplainer;
import dev.explainunit.task.Tasks;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Python explainers (examples/python) sanity-tested through the real engine on the whole default
 * toy suite (every check, both tasks, 50 models × 2500 test sequences, 250 probe sequences): the
 * faithful numpy gradient×input passes, its shifted twin fails. Both explain in batches through
 * the process bridge ({@code explain_batch}); the full suite takes about 10 s per explainer on
 * 2 cores, so CI runs it as it is. The fixtures run through the test kit so that a machine without
 * python3 and numpy skips them loudly instead of failing them.
 */
class PythonExplainersSanityTest {

    /** The defaults, spelled out: this module's junit-platform.properties makes the other examples small. */
    @ExplainerSanityTest(models = 50, samples = 2500, probeSamples = 250)
    static class NumpyGradientTimesInputSanity implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return ProcessExplainer.of("python3", "python/gradient_x_input.py");
        }
    }

    @ExplainerSanityTest(models = 50, samples = 2500, probeSamples = 250)
    static class ShiftedGradientTimesInputSanity implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return ProcessExplainer.of("python3", "python/shifted_gradient_x_input.py");
        }
    }

    @BeforeAll
    static void needsPythonWithNumpy() throws Exception {
        String why;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes()).strip();
            why = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "python3 cannot import numpy: " + output;
        } catch (java.io.IOException e) {
            why = "python3 cannot be run: " + e.getMessage();
        }
        if (why != null) {
            System.err.println("*** PYTHON EXPLAINER SANITY TESTS SKIPPED: " + why + " ***");
        }
        assumeTrue(why == null, why);
    }

    private static Events tests(Class<?> fixture) {
        return EngineTestKit.engine("explainunit").enableImplicitConfigurationParameters(true)
                .selectors(selectClass(fixture)).execute().testEvents();
    }

    @Test
    void numpy_gradient_x_input_passes_the_whole_default_suite_on_both_tasks_and_leaves_no_process() {
        Set<Long> before = runningDescendants();
        Events events = tests(NumpyGradientTimesInputSanity.class);
        // every check of a toy task's run (composition exists on sentence classifiers only)
        int toyChecks = (int) Arrays.stream(Check.values()).filter(c -> c.existsOn(Tasks.byId("addition"))).count();
        events.assertThatEvents().haveExactly(2 * toyChecks, event(test(), finishedSuccessfully()));
        events.assertStatistics(stats -> stats.failed(0).skipped(0));
        // the engine closed the explainer when its container finished: every process it started is gone
        assertThat(runningDescendants()).isSubsetOf(before);
    }

    @Test
    void shifted_gradient_x_input_keeps_the_contract_but_fails_every_check_that_looks_at_the_operands() {
        Set<Long> before = runningDescendants();
        Events events = tests(ShiftedGradientTimesInputSanity.class);
        for (String task : new String[] {"addition", "subtraction"}) {
            events.assertThatEvents()
                    .haveExactly(1, event(test(checkNamed("contract")), uniqueIdSubstring(task), finishedSuccessfully()))
                    .haveExactly(1, event(test(checkNamed("ground-truth correlation")), uniqueIdSubstring(task),
                            finishedWithFailure(message(m -> m.contains("[shifted-gradient-x-input]")))));
            for (String check : new String[] {"relevant mass", "relevance conservation", "perturbation selectivity"}) {
                events.assertThatEvents().haveExactly(1, event(test(checkNamed(check)), uniqueIdSubstring(task),
                        finishedWithFailure()));
            }
        }
        assertThat(runningDescendants()).isSubsetOf(before);
    }

    /** The processes this JVM started (and their children) that are still running. */
    private static Set<Long> runningDescendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** A test of the check (or configuration) {@code name} on any task: its display name is "relevant mass · addition". */
    private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> checkNamed(String name) {
        return new org.assertj.core.api.Condition<>(e -> e.getTestDescriptor().getDisplayName().equals(name)
                || e.getTestDescriptor().getDisplayName().startsWith(name + " · "), "check %s", name);
    }
}
