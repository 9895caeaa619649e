package dev.explainunit.examples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.junit.ExplainerSanityTest;
import dev.explainunit.junit.ExplainerUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A task of our own ({@link ShortAdditionTask}, found through ServiceLoader) run through the real
 * engine: the sanity checks work on it as on the bundled tasks.
 */
class ShortAdditionTaskTest {

    @ExplainerSanityTest(tasks = "short-addition", checks = {Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION,
            Check.RELEVANT_MASS, Check.RELEVANCE_CONSERVATION})
    static class FiniteDifferencesOnShortAddition implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new FiniteDifferenceExplainer();
        }
    }

    @ExplainerSanityTest(tasks = "short-addition", checks = Check.RELEVANT_MASS)
    static class UniformOnShortAddition implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new BrokenExplainers.UniformExplainer();
        }
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("explainunit").enableImplicitConfigurationParameters(true)
                .selectors(selectClass(fixture)).execute().allEvents();
    }

    @Test
    void finite_differences_pass_the_table_2_checks_on_our_own_task() {
        Events events = run(FiniteDifferencesOnShortAddition.class);
        events.assertThatEvents().haveExactly(1, event(container(displayName("short-addition")),
                finishedSuccessfully()));
        events.assertThatEvents().haveExactly(4, event(test(), finishedSuccessfully()))
                .haveExactly(0, event(test(), finishedWithFailure()));
    }

    @Test
    void uniform_relevance_fails_mass_on_our_own_data_and_shows_its_first_failing_sequence() {
        run(UniformOnShortAddition.class).assertThatEvents().haveExactly(1, event(test(checkNamed("relevant mass")),
                finishedWithFailure(message(m -> m.startsWith("[uniform] on short-addition:")
                        && m.contains("Counterexample on model addition-")
                        && !m.contains("original (T")))));
    }

    /** A test of the check (or configuration) {@code name} on any task: its display name is "relevant mass · addition". */
    private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> checkNamed(String name) {
        return new org.assertj.core.api.Condition<>(e -> e.getTestDescriptor().getDisplayName().equals(name)
                || e.getTestDescriptor().getDisplayName().startsWith(name + " · "), "check %s", name);
    }
}
