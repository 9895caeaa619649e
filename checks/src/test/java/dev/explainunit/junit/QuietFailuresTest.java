package dev.explainunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.fixtures.BrokenExplainers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A failed check reads in a terminal: its message keeps its first line and stays about ten lines
 * (the counterexample's tables go to the report), and its stack trace holds no frame of the engine,
 * only the user's where the user's code threw.
 */
class QuietFailuresTest {

    @ExplainerSanityTest(explainers = "lrp-prop", tasks = "addition", models = 2, samples = 100, probeSamples = 20)
    static class LrpPropOnAddition {
    }

    @ExplainerSanityTest(explainers = "lrp-all", tasks = "sentiment", samples = 50,
            checks = Check.GROUND_TRUTH_CORRELATION)
    static class LrpAllOnSentences {
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 1, samples = 20)
    static class Throwing implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BrokenExplainers.throwing();
        }
    }

    private static List<Throwable> failures(Class<?> type) {
        return EngineTestKit.engine("explainunit").selectors(selectClass(type)).execute().testEvents().failed()
                .stream().map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .toList();
    }

    private static boolean engineFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith("dev.explainunit.junit.")
                || frame.getClassName().startsWith("dev.explainunit.checks.");
    }

    @Test
    void each_failure_keeps_its_first_line_stays_short_and_points_to_the_report_for_its_tables() {
        List<Throwable> failures = failures(LrpPropOnAddition.class);

        assertThat(failures).hasSizeGreaterThanOrEqualTo(3).allSatisfy(failure -> {
            List<String> lines = failure.getMessage().lines().toList();
            assertThat(lines.get(0)).startsWith("[lrp-prop] on addition: ").containsAnyOf(" < ", " > ");
            assertThat(lines).as(failure.getMessage()).hasSizeLessThanOrEqualTo(10)
                    .noneMatch(l -> l.contains("| x_t ")).anyMatch(l -> l.contains("report.html"));
            assertThat(failure.getStackTrace()).as("the engine's frames").noneMatch(QuietFailuresTest::engineFrame);
        });
    }

    @Test
    void a_sentence_of_45_words_is_a_line_in_the_console_and_a_table_in_the_report() {
        assertThat(failures(LrpAllOnSentences.class)).singleElement().satisfies(failure -> {
            assertThat(failure.getMessage().lines().toList()).as(failure.getMessage()).hasSizeLessThanOrEqualTo(10)
                    .noneMatch(l -> l.contains("| word "));
            assertThat(failure.getMessage()).contains("45 words");
        });
    }

    @Test
    void the_users_exception_keeps_the_users_frames_and_loses_the_engines() {
        assertThat(failures(Throwing.class)).singleElement().satisfies(failure -> {
            assertThat(failure.getStackTrace()).isEmpty();
            assertThat(failure.getCause()).hasMessage("not implemented yet");
            assertThat(failure.getCause().getStackTrace())
                    .anyMatch(f -> f.getClassName().startsWith(BrokenExplainers.class.getName()))
                    .noneMatch(QuietFailuresTest::engineFrame)
                    .noneMatch(f -> f.getClassName().startsWith("java.util.concurrent."));
        });
    }
}
