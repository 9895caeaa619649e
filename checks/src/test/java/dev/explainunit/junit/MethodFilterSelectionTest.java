package dev.explainunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.explainunit.checks.Check;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Build tools select tests by method: surefire's {@code -Dtest=MySanityTest#*correlation*} is a
 * post-discovery filter on a test's method source that lets every other test pass. A check has no
 * method, so the engine offers the filter its display name and the check's names as the method, and
 * keeps the checks it selects.
 */
class MethodFilterSelectionTest {

    @ExplainerSanityTest(explainers = {"lrp-all", "cd"}, tasks = {"addition", "subtraction"},
            checks = {Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION, Check.RELEVANT_MASS}, models = 2, samples = 40)
    static class TwoBuiltIns {
    }

    /** What surefire's TestMethodFilter does: a glob on the method name of a method source, other tests pass. */
    private static PostDiscoveryFilter surefireLike(String glob) {
        String regex = glob.replace("*", ".*");
        return descriptor -> FilterResult.includedIf(descriptor.getSource().filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getMethodName().matches(regex)).orElse(true));
    }

    private static List<String> started(PostDiscoveryFilter filter) {
        return EngineTestKit.engine("explainunit").selectors(selectClass(TwoBuiltIns.class)).filters(filter)
                .execute().testEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    @Test
    void a_surefire_method_pattern_selects_the_checks_whose_display_name_it_matches() {
        assertThat(started(surefireLike("*correlation*"))).containsExactlyInAnyOrder(
                "ground-truth correlation · addition · lrp-all", "ground-truth correlation · subtraction · lrp-all",
                "ground-truth correlation · addition · cd", "ground-truth correlation · subtraction · cd");
        assertThat(started(surefireLike("relevant mass · subtraction · cd"))).containsExactly(
                "relevant mass · subtraction · cd");
    }

    @Test
    void a_pattern_may_name_the_check_as_a_method_would_be_named() {
        assertThat(started(surefireLike("*Correlation*"))).hasSize(4)
                .allSatisfy(name -> assertThat(name).startsWith("ground-truth correlation · "));
        assertThat(started(surefireLike("relevant-mass"))).hasSize(4);
    }

    @Test
    void a_pattern_that_matches_no_check_runs_none_and_leaves_no_task_to_explain() {
        var results = EngineTestKit.engine("explainunit").selectors(selectClass(TwoBuiltIns.class))
                .filters(surefireLike("*no-such-check*")).execute();
        assertThat(results.testEvents().started().count()).isZero();
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor())
                .filter(d -> d.getParent().isPresent() && d.getType() == TestDescriptor.Type.CONTAINER
                        && d.getChildren().isEmpty()).count())
                .as("containers left without a test to run").isZero();
    }
}
