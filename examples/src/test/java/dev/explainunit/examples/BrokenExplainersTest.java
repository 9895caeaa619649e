package dev.explainunit.examples;

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
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs sanity tests of broken explainers through the real engine and asserts that they fail, and
 * why. The fixture classes are nested, so surefire does not run them on their own.
 */
class BrokenExplainersTest {

    @ExplainerSanityTest(checks = {Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION, Check.RELEVANT_MASS,
            Check.RELEVANCE_CONSERVATION})
    static class RandomSanity implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new BrokenExplainers.RandomExplainer();
        }
    }

    @ExplainerSanityTest(checks = Check.RELEVANT_MASS)
    static class UniformSanity implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new BrokenExplainers.UniformExplainer();
        }
    }

    @ExplainerSanityTest(checks = {Check.GROUND_TRUTH_CORRELATION, Check.RELEVANT_MASS})
    static class TimeReversedSanity implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new BrokenExplainers.TimeReversedExplainer();
        }
    }

    private static Events tests(Class<?> fixture) {
        // the test kit ignores junit-platform.properties unless told to read it
        return EngineTestKit.engine("explainunit").enableImplicitConfigurationParameters(true)
                .selectors(selectClass(fixture)).execute().testEvents();
    }

    @Test
    void random_relevance_fails_correlation_mass_and_conservation_on_both_tasks_but_meets_the_contract() {
        Events events = tests(RandomSanity.class);
        for (String check : new String[] {"ground-truth correlation", "relevant mass", "relevance conservation"}) {
            events.assertThatEvents().haveExactly(2, event(test(checkNamed(check)), finishedWithFailure(
                    message(m -> m.contains("[random]") && m.contains("Counterexample on model")))));
        }
        events.assertThatEvents().haveExactly(2, event(test(checkNamed("contract")), finishedSuccessfully()));
    }

    @Test
    void uniform_relevance_fails_mass_because_it_spreads_relevance_over_the_distractors() {
        tests(UniformSanity.class).assertThatEvents().haveExactly(2, event(test(checkNamed("relevant mass")),
                finishedWithFailure(message(m -> m.contains("relevance should concentrate on the two operands, "
                        + "because only they determine y")))));
    }

    @Test
    void time_reversed_relevance_fails_correlation_and_mass_on_both_tasks() {
        Events events = tests(TimeReversedSanity.class);
        for (String task : new String[] {"addition", "subtraction"}) {
            events.assertThatEvents()
                    .haveExactly(1, event(test(checkNamed("ground-truth correlation")), uniqueIdSubstring(task),
                            finishedWithFailure()))
                    .haveExactly(1, event(test(checkNamed("relevant mass")), uniqueIdSubstring(task),
                            finishedWithFailure()));
        }
    }

    /** A test of the check (or configuration) {@code name} on any task: its display name is "relevant mass · addition". */
    private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> checkNamed(String name) {
        return new org.assertj.core.api.Condition<>(e -> e.getTestDescriptor().getDisplayName().equals(name)
                || e.getTestDescriptor().getDisplayName().startsWith(name + " · "), "check %s", name);
    }
}
