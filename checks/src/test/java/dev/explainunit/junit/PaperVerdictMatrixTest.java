package dev.explainunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Pins the verdicts of the paper's Table 2 (bold = pass) for the built-in explainers, run through
 * the engine exactly as a user's no-body class runs them: {@code @ExplainerSanityTest class X {}}
 * tests every ServiceLoader-registered explainer with the default settings (all bundled models ×
 * 2500 test sequences, every check, default thresholds). The registered LRP explainers use ε = 0
 * as in the paper's toy experiments (appendix A.2); occlusion-p-diff does not apply to the
 * single-output toy models and is skipped. The whole matrix runs once and is shared by the
 * assertions.
 *
 * <p>The verdict of an explainer on a task is PASS when every check of that task passes.
 */
class PaperVerdictMatrixTest {

    /** What a user writes to test the built-ins, each with the paper's setting for the task. */
    @ExplainerSanityTest(explainers = {"gradient", "gradient-x-input", "occlusion-f-diff", "occlusion-p-diff",
            "lrp-all", "lrp-prop", "lrp-abs", "lrp-half", "cd", "integrated-gradients"})
    static class AllExplainersSanityTest {
    }

    /** explainer id -> task -> check -> passed. */
    private static final Map<String, Map<String, Map<String, Boolean>>> VERDICTS = new TreeMap<>();
    private static final Map<String, String> MESSAGES = new HashMap<>();
    /** explainer/task/check of each check published as not applicable -> its reason. */
    private static final Map<String, String> NOT_APPLICABLE = new TreeMap<>();

    @BeforeAll
    static void runTheMatrixOnce() throws Exception {
        Events events = EngineTestKit.engine("explainunit")
                .selectors(selectClass(AllExplainersSanityTest.class)).execute().allEvents();
        for (Event e : events.reportingEntryPublished().list()) {
            String published = e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()
                    .get("explainunit.result");
            if (published == null) {
                continue; // the one-line summary entry
            }
            dev.explainunit.checks.CheckResult result = dev.explainunit.report.CheckResultJson.parse(published,
                    "entry");
            String key = result.explainerId() + "/" + result.task() + "/" + result.check().name();
            if (result.verdict() == dev.explainunit.checks.Verdict.NOT_APPLICABLE) {
                NOT_APPLICABLE.put(key, result.message());
                continue;
            }
            VERDICTS.computeIfAbsent(result.explainerId(), k -> new TreeMap<>())
                    .computeIfAbsent(result.task(), k -> new TreeMap<>())
                    .put(result.check().name(), result.passed());
            MESSAGES.put(key, result.message());
        }
        // the engine's own verdicts must agree with the published results: aborted exactly where not applicable
        long aborted = events.finished().list().stream().filter(e -> e.getTestDescriptor().isTest())
                .filter(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getStatus()
                        == TestExecutionResult.Status.ABORTED).count();
        assertThat(aborted).isEqualTo(NOT_APPLICABLE.size());
    }

    private static boolean passes(String explainer, String task) {
        Map<String, Boolean> checks = VERDICTS.get(explainer).get(task);
        assertThat(checks).as("checks of %s on %s", explainer, task).hasSize(6);
        return checks.values().stream().allMatch(Boolean::booleanValue);
    }

    private static String failures(String explainer, String task) {
        List<String> failed = new ArrayList<>();
        VERDICTS.get(explainer).get(task).forEach((check, pass) -> {
            if (!pass) {
                failed.add(MESSAGES.get(explainer + "/" + task + "/" + check));
            }
        });
        return String.join("\n\n", failed);
    }

    @Test
    void on_addition_gradient_x_input_occlusion_lrp_all_and_cd_pass_as_bold_in_table_2() {
        for (String id : List.of("gradient-x-input", "occlusion-f-diff", "lrp-all", "cd")) {
            assertThat(passes(id, "addition")).as("%s on addition: %s", id, failures(id, "addition")).isTrue();
        }
    }

    @Test
    void on_addition_lrp_prop_abs_and_half_fail_as_not_bold_in_table_2() {
        for (String id : List.of("lrp-prop", "lrp-abs", "lrp-half")) {
            assertThat(passes(id, "addition")).as("%s on addition", id).isFalse();
        }
    }

    @Test
    void on_subtraction_only_gradient_x_input_and_lrp_all_pass_as_bold_in_table_2() {
        for (String id : List.of("gradient-x-input", "lrp-all")) {
            assertThat(passes(id, "subtraction")).as("%s on subtraction: %s", id, failures(id, "subtraction"))
                    .isTrue();
        }
        for (String id : List.of("occlusion-f-diff", "lrp-prop", "lrp-abs", "lrp-half", "cd")) {
            assertThat(passes(id, "subtraction")).as("%s on subtraction", id).isFalse();
        }
    }

    @Test
    void gradient_fails_both_tasks_because_its_squared_norm_ignores_the_sign_of_the_operands() {
        assertThat(passes("gradient", "addition")).isFalse();
        assertThat(passes("gradient", "subtraction")).isFalse();
        assertThat(VERDICTS.get("gradient").get("addition").get("GROUND_TRUTH_CORRELATION")).isFalse();
        assertThat(VERDICTS.get("gradient").get("subtraction").get("GROUND_TRUTH_CORRELATION")).isFalse();
    }

    @Test
    void occlusion_fails_subtraction_because_one_operand_alone_is_out_of_distribution() {
        assertThat(VERDICTS.get("occlusion-f-diff").get("subtraction").get("RELEVANT_MASS")).isFalse();
        assertThat(MESSAGES.get("occlusion-f-diff/subtraction/RELEVANT_MASS"))
                .contains("relevance should concentrate on the two operands").contains("Counterexample on model")
                .contains("<- a").contains("<- b").contains("explainunit.seed=");
    }

    @Test
    void occlusion_p_diff_is_not_applicable_on_both_tasks_because_the_toy_models_have_one_output() {
        assertThat(VERDICTS).doesNotContainKey("occlusion-p-diff");
        assertThat(NOT_APPLICABLE).hasSize(2 * 6);
        assertThat(NOT_APPLICABLE).allSatisfy((id, reason) -> {
            assertThat(id).startsWith("occlusion-p-diff/");
            assertThat(reason).contains("occlusion-p-diff does not apply to the").contains("task's models")
                    .contains("a regression model");
        });
    }

    @Test
    void every_other_registered_explainer_gets_all_six_checks_on_both_tasks() {
        assertThat(VERDICTS.keySet()).containsExactlyInAnyOrder("gradient", "gradient-x-input", "occlusion-f-diff",
                "lrp-all", "lrp-prop", "lrp-abs", "lrp-half", "cd", "integrated-gradients");
        for (String id : VERDICTS.keySet()) {
            assertThat(VERDICTS.get(id)).as(id).containsOnlyKeys("addition", "subtraction");
            VERDICTS.get(id).values().forEach(checks -> assertThat(checks).as(id).hasSize(6));
        }
    }

    @Test
    void cd_fails_subtraction_on_its_operand_correlation() {
        assertThat(VERDICTS.get("cd").get("subtraction").get("GROUND_TRUTH_CORRELATION")).isFalse();
    }
}
