package dev.explainunit.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Python explainers (examples/python) sanity-tested through the real engine: the faithful numpy
 * gradient×input passes, its shifted twin fails. The fixtures run through the test kit so that
 * a machine without python3 and numpy skips them loudly instead of failing them.
 */
class PythonExplainersSanityTest {

    @ExplainerSanityTest(checks = {Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION, Check.RELEVANT_MASS,
            Check.RELEVANCE_CONSERVATION})
    static class NumpyGradientTimesInputSanity implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return ProcessExplainer.of("python3", "python/gradient_x_input.py");
        }
    }

    @ExplainerSanityTest(checks = {Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION, Check.RELEVANT_MASS})
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
    void numpy_gradient_x_input_passes_contract_correlation_mass_and_conservation_on_both_tasks() {
        Events events = tests(NumpyGradientTimesInputSanity.class);
        events.assertThatEvents().haveExactly(8, event(test(), finishedSuccessfully()));
        events.assertStatistics(stats -> stats.failed(0));
    }

    @Test
    void shifted_gradient_x_input_keeps_the_contract_but_fails_correlation_and_mass_on_both_tasks() {
        Events events = tests(ShiftedGradientTimesInputSanity.class);
        for (String task : new String[] {"addition", "subtraction"}) {
            events.assertThatEvents()
                    .haveExactly(1, event(test(displayName("contract")), uniqueIdSubstring(task), finishedSuccessfully()))
                    .haveExactly(1, event(test(displayName("ground-truth correlation")), uniqueIdSubstring(task),
                            finishedWithFailure(message(m -> m.contains("[shifted-gradient-x-input]")))))
                    .haveExactly(1, event(test(displayName("relevant mass")), uniqueIdSubstring(task),
                            finishedWithFailure()));
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
