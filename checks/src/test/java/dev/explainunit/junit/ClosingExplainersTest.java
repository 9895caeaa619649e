package dev.explainunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.checks.Check;
import dev.explainunit.fixtures.ReferenceGradientTimesInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The engine closes an {@link AutoCloseable} explainer when the last container using it has finished. */
class ClosingExplainersTest {

    /** Records, for each close, how many explain calls it had seen; later calls fail. */
    static final class Closeable implements Explainer, AutoCloseable {
        final List<Integer> closedAfterCalls = Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String id() {
            return "closeable";
        }

        @Override
        public Relevance explain(RecurrentModel model, Sequence input, int target) {
            if (!closedAfterCalls.isEmpty()) {
                throw new IllegalStateException("closed");
            }
            calls.incrementAndGet();
            return new ReferenceGradientTimesInput().explain(model, input, target);
        }

        @Override
        public void close() {
            closedAfterCalls.add(calls.get());
        }
    }

    static Closeable own = new Closeable();
    static Closeable shared = new Closeable();

    @ExplainerSanityTest(tasks = {"addition", "subtraction"}, checks = Check.CONTRACT, models = 2, samples = 20)
    static class OwnExplainer implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return own;
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 20)
    static class SharedFirst implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return shared;
        }
    }

    @ExplainerSanityTest(tasks = "subtraction", checks = Check.CONTRACT, models = 2, samples = 20)
    static class SharedSecond implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return shared;
        }
    }

    @Test
    void an_auto_closeable_explainer_is_closed_once_after_all_its_tasks() {
        own = new Closeable();
        EngineTestKit.engine("explainunit").selectors(selectClass(OwnExplainer.class)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(2).failed(0));
        // contract on two tasks, 2 models x 20 sequences each, plus the re-runs of 3 sequences on 2 models per task
        assertThat(own.closedAfterCalls).containsExactly(2 * (2 * 20 + 2 * 3));
    }

    @Test
    void an_explainer_instance_shared_by_two_classes_is_closed_after_the_second_has_used_it() {
        shared = new Closeable();
        EngineTestKit.engine("explainunit").selectors(selectClass(SharedFirst.class), selectClass(SharedSecond.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(shared.closedAfterCalls).containsExactly(2 * (2 * 20 + 2 * 3));
    }
}
