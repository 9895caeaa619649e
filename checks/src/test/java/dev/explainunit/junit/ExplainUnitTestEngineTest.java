package dev.explainunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.fixtures.BrokenExplainers;
import dev.explainunit.fixtures.ReferenceGradientTimesInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class ExplainUnitTestEngineTest {

    /** The checks of a toy task's run: every check but composition, which exists on sentence classifiers only. */
    private static final int TOY_CHECKS = dev.explainunit.checks.SanityChecks.orderedChecks(
            dev.explainunit.checks.SanitySettings.defaults(), dev.explainunit.task.Tasks.byId("addition")).size();

    @ExplainerSanityTest(tasks = "subtraction", models = 3, samples = 100, probeSamples = 50)
    static class GradientTimesInputOnSubtraction implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    @ExplainerSanityTest(models = 2, samples = 50, probeSamples = 20)
    static class Throwing implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BrokenExplainers.throwing();
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 50,
            timeLimitMillis = 300)
    static class Hanging implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BrokenExplainers.hangingFromFifthCall();
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 10,
            timeLimitMillis = 1000)
    static class SlowButSteady implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BrokenExplainers.slowButSteady(new ReferenceGradientTimesInput(), 2);
        }
    }

    @ExplainerSanityTest(tasks = "addition", models = 2, samples = 50)
    static class NoPublicConstructor implements ExplainerUnderTest {
        NoPublicConstructor(int unused) {
        }

        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    @ExplainerSanityTest(explainers = {"gradient", "gradient-x-input", "occlusion-f-diff", "occlusion-p-diff",
            "lrp-all", "lrp-prop", "lrp-abs", "lrp-half", "cd", "integrated-gradients"}, tasks = "addition",
            checks = Check.CONTRACT, models = 2, samples = 30)
    static class EveryBuiltInByName {
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 30)
    static class NoBodyInAProjectThatRegistersNothing {
    }

    @ExplainerSanityTest(explainers = {"lrp-all", "lrp-everything"}, tasks = "addition", checks = Check.CONTRACT,
            models = 2, samples = 30)
    static class UnknownExplainerId {
    }

    @ExplainerSanityTest(explainers = "lrp-all", tasks = "addition", checks = Check.RELEVANCE_CONSERVATION,
            models = 3, samples = 100)
    static class LrpAllByName {
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 20)
    static class RaggedPerInput implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BrokenExplainers.raggedPerInput();
        }
    }

    @ExplainerSanityTest(tasks = "addition", samples = Integer.MAX_VALUE)
    static class TooManySamples implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    /** A composed annotation: a team's own preset of the sanity test. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 20)
    @interface QuickContractCheck {
    }

    @QuickContractCheck
    static class ComposedAnnotation implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, samples = 0, models = 0)
    static class ZeroSamplesAndModels implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 0)
    static class ZeroSamples implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 51, samples = 20)
    static class MoreModelsThanBundled implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, samples = 20)
    static class ModelsFromParameters implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 20)
    static class NullExplainer implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return null;
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 20)
    static class ExplainerMethodThrows implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            throw new IllegalStateException("weights not found");
        }
    }

    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 1, samples = 2)
    static class EveryRegisteredExplainerOnOneModel {
    }

    @ExplainerSanityTest(tasks = "fixture-no-truth", models = 2, samples = 20, probeSamples = 10)
    static class OnATaskWithoutGroundTruth implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    @ExplainerSanityTest(tasks = {"addition", "multiplication"}, checks = Check.CONTRACT, models = 1, samples = 2)
    static class UnknownTaskInTheAnnotation implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return new ReferenceGradientTimesInput();
        }
    }

    private static Events run(Class<?> type) {
        return results(type).allEvents();
    }

    private static EngineExecutionResults results(Class<?> type) {
        return EngineTestKit.engine("explainunit").selectors(selectClass(type)).execute();
    }

    @Test
    void a_correct_explainer_passes_every_check_and_the_tree_is_class_explainer_task_check() {
        EngineExecutionResults results = results(GradientTimesInputOnSubtraction.class);
        results.allEvents().assertThatEvents()
                .haveExactly(1, event(container(displayName("GradientTimesInputOnSubtraction")), finishedSuccessfully()))
                .haveExactly(1, event(container(displayName("reference-gradient-x-input")), finishedSuccessfully()))
                .haveExactly(1, event(container(displayName("subtraction")), finishedSuccessfully()))
                .haveExactly(1, event(test(checkNamed("relevant mass")), finishedSuccessfully()));
        results.testEvents().assertStatistics(stats -> stats.started(TOY_CHECKS)
                .succeeded(TOY_CHECKS));
    }

    @ExplainerSanityTest(explainers = {"lrp-all", "cd"}, checks = {Check.CONTRACT, Check.RELEVANT_MASS}, models = 2,
            samples = 50)
    static class TwoBuiltIns {
    }

    @Test
    void every_test_is_named_by_check_and_task_and_only_the_class_has_a_plain_class_source() {
        EngineExecutionResults results = results(GradientTimesInputOnSubtraction.class);
        List<org.junit.platform.engine.TestDescriptor> tests = results.testEvents().started().stream()
                .map(org.junit.platform.testkit.engine.Event::getTestDescriptor).toList();
        assertThat(tests).extracting(org.junit.platform.engine.TestDescriptor::getDisplayName)
                .contains("relevant mass · subtraction", "contract · subtraction").doesNotHaveDuplicates();
        for (org.junit.platform.engine.TestDescriptor test : tests) {
            assertThat(test.getLegacyReportingName()).isEqualTo(test.getDisplayName());
        }
        // surefire opens a test set for each container with a plain ClassSource: the class alone has one
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getSource())
                .flatMap(java.util.Optional::stream).toList()).containsExactly(
                org.junit.platform.engine.support.descriptor.ClassSource.from(GradientTimesInputOnSubtraction.class));
    }

    @Test
    void with_several_explainers_a_class_names_each_test_by_its_explainer_too_so_no_two_tests_share_a_name() {
        List<String> names = results(TwoBuiltIns.class).testEvents().started().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()).toList();
        assertThat(names).hasSize(2 * 2 * 2).doesNotHaveDuplicates()
                .contains("relevant mass · subtraction · cd", "contract · addition · lrp-all");
    }

    /** Output directories under {@code root}, as a launcher gives them (the test kit's default has none). */
    private static org.junit.platform.engine.OutputDirectoryCreator outputsUnder(java.nio.file.Path root) {
        return new org.junit.platform.engine.OutputDirectoryCreator() {
            @Override
            public java.nio.file.Path getRootDirectory() {
                return root;
            }

            @Override
            public java.nio.file.Path createOutputDirectory(org.junit.platform.engine.TestDescriptor test)
                    throws java.io.IOException {
                return java.nio.file.Files.createDirectories(root.resolve(
                        Integer.toHexString(test.getUniqueId().toString().hashCode())));
            }
        };
    }

    @Test
    void every_check_publishes_one_readable_line_and_its_result_as_a_json_file(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path outputs) throws Exception {
        Events events = EngineTestKit.engine("explainunit").selectors(
                selectClass(GradientTimesInputOnSubtraction.class)).outputDirectoryCreator(outputsUnder(outputs))
                .execute().allEvents();
        List<ReportEntry> entries = events.reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow()).toList();
        assertThat(entries).hasSize(TOY_CHECKS).allSatisfy(e -> {
            assertThat(e.getKeyValuePairs()).containsOnlyKeys("explainunit");
            assertThat(e.getKeyValuePairs().get("explainunit")).startsWith("pass: [reference-gradient-x-input] on "
                    + "subtraction: ").doesNotContain("\n").doesNotContain("{");
        });
        List<JsonNode> files = results(events);
        assertThat(files).hasSize(TOY_CHECKS);
        JsonNode mass = files.stream().filter(n -> n.get("check").asText().equals("relevant-mass"))
                .findFirst().orElseThrow();
        assertThat(mass.get("explainer").asText()).isEqualTo("reference-gradient-x-input");
        assertThat(mass.get("task").asText()).isEqualTo("subtraction");
        assertThat(mass.get("verdict").asText()).isEqualTo("pass");
        assertThat(mass.get("per_model")).hasSize(3);
        assertThat(mass.get("format_version").asInt()).isEqualTo(dev.explainunit.report.Report.FORMAT_VERSION);
        assertThat(mass.get("samples").asInt()).isEqualTo(100);
    }

    @Test
    void without_output_directories_the_result_json_goes_into_a_report_entry_so_nothing_is_lost() {
        List<ReportEntry> entries = EngineTestKit.engine("explainunit").selectors(
                selectClass(GradientTimesInputOnSubtraction.class)).execute().allEvents().reportingEntryPublished()
                .stream().map(e -> e.getPayload(ReportEntry.class).orElseThrow()).toList();
        assertThat(entries.stream().filter(e -> e.getKeyValuePairs().containsKey("explainunit.result"))
                .map(e -> parse(e.getKeyValuePairs().get("explainunit.result")).get("check").asText()))
                .hasSize(TOY_CHECKS).contains("relevant-mass");
    }

    /** The check results the engine published as file entries (not the task nodes' figures), parsed. */
    private static List<JsonNode> results(Events events) {
        return events.fileEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.FileEntry.class).orElseThrow())
                .filter(f -> !f.getPath().endsWith("explainunit-task.json"))
                .peek(f -> assertThat(f.getPath().getFileName().toString()).isEqualTo("explainunit-result.json"))
                .map(f -> {
                    try {
                        return parse(java.nio.file.Files.readString(f.getPath()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void an_explainer_that_throws_fails_its_contract_check_naming_it_and_the_engine_runs_on() {
        EngineExecutionResults results = results(Throwing.class);
        results.allEvents().assertThatEvents().haveExactly(2, event(test(checkNamed("contract")),
                finishedWithFailure(message(m -> m.contains("explainer [throwing] threw")
                        && m.contains("not implemented yet") && !m.contains("rerun")))));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
    }

    @Test
    void the_exception_an_explainer_throws_is_the_cause_of_its_failed_test_so_reports_and_ides_show_its_frames() {
        results(Throwing.class).testEvents().failed().stream().forEach(e -> assertThat(e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()).get()
                .isInstanceOf(AssertionError.class)
                .satisfies(failure -> assertThat(failure.getCause()).isInstanceOf(UnsupportedOperationException.class)
                        .hasMessage("not implemented yet").satisfies(cause -> assertThat(cause.getStackTrace())
                                .anyMatch(f -> f.getClassName().startsWith(BrokenExplainers.class.getName())))));
        assertThat(results(GradientTimesInputOnSubtraction.class).testEvents().failed().count()).isZero();
    }

    @Test
    void when_the_contract_fails_the_other_checks_are_aborted_with_the_reason_in_one_line() {
        EngineExecutionResults results = results(Throwing.class);
        results.testEvents().assertStatistics(stats -> stats.failed(2).succeeded(0)
                .aborted(2 * (TOY_CHECKS - 1)));
        results.testEvents().assertThatEvents().haveExactly(1, event(test(checkNamed("relevant mass")),
                org.junit.platform.testkit.engine.EventConditions.abortedWithReason(message(
                        "[throwing] on addition: relevant mass skipped: the contract check failed (explainer "
                                + "[throwing] threw java.lang.UnsupportedOperationException)"))));
        results.testEvents().aborted().stream().forEach(e -> assertThat(e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
                .getMessage()).doesNotContain("\n").doesNotContain("rerun"));
    }

    @Test
    void an_explainer_that_hangs_fails_the_contract_check_naming_the_time_limit() {
        run(Hanging.class).assertThatEvents().haveExactly(1, event(test(checkNamed("contract")),
                finishedWithFailure(message(m -> m.contains("explainer [hanging] hung")
                        && m.contains("within 300 ms")))));
    }

    @Test
    void a_slow_but_steady_explainer_is_not_a_hang() {
        run(SlowButSteady.class).assertThatEvents().haveExactly(1, event(test(checkNamed("contract")),
                finishedSuccessfully()));
    }

    /** A configuration problem must be a failed test: build tools such as surefire do not count failed containers. */
    private static void failsOneConfigurationTest(EngineExecutionResults results, String... messageParts) {
        assertThat(results.testEvents().failed().count()).isEqualTo(1);
        assertThat(results.testEvents().started().count()).isEqualTo(1);
        results.testEvents().assertThatEvents().haveExactly(1, event(test(checkNamed("configuration")),
                finishedWithFailure(message(m -> java.util.Arrays.stream(messageParts).allMatch(m::contains)))));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
    }

    @Test
    void a_class_whose_explainer_cannot_be_obtained_fails_a_configuration_test_with_the_reason() {
        failsOneConfigurationTest(results(NoPublicConstructor.class), "needs a constructor without parameters");
    }

    @Test
    void an_explainer_method_that_returns_null_fails_a_configuration_test() {
        failsOneConfigurationTest(results(NullExplainer.class), "NullExplainer.explainer() returned null");
    }

    @Test
    void an_explainer_method_that_throws_fails_a_configuration_test_naming_the_exception() {
        failsOneConfigurationTest(results(ExplainerMethodThrows.class), "could not obtain the explainer from",
                "ExplainerMethodThrows", "IllegalStateException: weights not found");
    }

    @Test
    void zero_samples_and_models_fail_a_configuration_test_instead_of_running_nothing() {
        failsOneConfigurationTest(results(ZeroSamplesAndModels.class), "ZeroSamplesAndModels",
                "@ExplainerSanityTest(models) / explainunit.models = 0", "at least 1 model");
    }

    @Test
    void too_few_samples_fail_a_configuration_test_naming_the_attribute() {
        failsOneConfigurationTest(results(ZeroSamples.class),
                "@ExplainerSanityTest(samples) / explainunit.samples = 0", "at least 2");
    }

    @Test
    void more_models_than_the_zoo_bundles_fail_a_configuration_test_naming_the_available_count() {
        failsOneConfigurationTest(results(MoreModelsThanBundled.class),
                "@ExplainerSanityTest(models) = 51: the addition task has only 50 models");
    }

    @Test
    void a_project_wide_models_parameter_above_a_tasks_bundled_count_uses_all_of_its_models() {
        EngineExecutionResults results = EngineTestKit.engine("explainunit")
                .selectors(selectClass(ModelsFromParameters.class))
                .configurationParameter("explainunit.models", "60").execute();
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void a_models_parameter_within_the_bundled_count_runs_that_many_models(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path outputs) throws Exception {
        List<JsonNode> published = results(EngineTestKit.engine("explainunit")
                .selectors(selectClass(ModelsFromParameters.class)).outputDirectoryCreator(outputsUnder(outputs))
                .configurationParameter("explainunit.models", "3").execute().allEvents());
        assertThat(published).singleElement().satisfies(n -> assertThat(n.get("model_ids")).hasSize(3));
    }

    @Test
    void an_unknown_check_name_in_the_parameters_fails_a_configuration_test() {
        failsOneConfigurationTest(EngineTestKit.engine("explainunit").selectors(selectClass(Throwing.class))
                .configurationParameter("explainunit.checks", "contract,relevant-mas").execute(),
                "explainunit.checks: unknown check [relevant-mas]");
    }

    @Test
    void an_unknown_task_name_in_the_parameters_fails_a_configuration_test() {
        failsOneConfigurationTest(EngineTestKit.engine("explainunit").selectors(selectClass(Throwing.class))
                .configurationParameter("explainunit.tasks", "multiplication").execute(), "explainunit.tasks",
                "multiplication");
    }

    @Test
    void a_broken_service_provider_fails_a_configuration_test_and_the_other_explainers_still_run(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path services = java.nio.file.Files.createDirectories(dir.resolve("META-INF/services"));
        java.nio.file.Files.writeString(services.resolve(Explainer.class.getName()),
                "com.example.MissingExplainer\n" + ReferenceGradientTimesInput.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        EngineExecutionResults results;
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()},
                original)) {
            thread.setContextClassLoader(loader);
            results = results(EveryRegisteredExplainerOnOneModel.class);
        } finally {
            thread.setContextClassLoader(original);
        }
        results.testEvents().assertThatEvents().haveExactly(1, event(test(checkNamed("configuration")),
                finishedWithFailure(message(m -> m.contains("a registered explainer could not be loaded")
                        && m.contains("com.example.MissingExplainer")))));
        assertThat(results.testEvents().failed().count()).isEqualTo(1);
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void a_unique_id_selects_a_single_check() {
        UniqueId id = UniqueId.forEngine("explainunit").append("class", GradientTimesInputOnSubtraction.class.getName())
                .append("explainer", "reference-gradient-x-input").append("task", "subtraction")
                .append("check", "RELEVANT_MASS");
        Events tests = EngineTestKit.engine("explainunit").selectors(selectUniqueId(id)).execute().testEvents();
        tests.assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void configuration_parameters_fill_in_attributes_that_are_not_set() {
        Events tests = EngineTestKit.engine("explainunit").selectors(selectClass(Throwing.class))
                .configurationParameter("explainunit.checks", "contract, relevant-mass")
                .configurationParameter("explainunit.tasks", "addition").execute().testEvents();
        tests.assertStatistics(stats -> stats.started(2).failed(1).aborted(1));
    }

    @Test
    void a_malformed_configuration_parameter_fails_a_configuration_test_naming_the_key() {
        failsOneConfigurationTest(EngineTestKit.engine("explainunit").selectors(selectClass(Throwing.class))
                .configurationParameter("explainunit.threshold.mass", "most").execute(),
                "explainunit.threshold.mass = [most] is not a number");
    }

    @Test
    void a_sample_count_whose_relevances_do_not_fit_in_memory_fails_a_configuration_test_naming_the_attribute() {
        EngineExecutionResults results = results(TooManySamples.class);
        failsOneConfigurationTest(results, "TooManySamples", "@ExplainerSanityTest(samples, models)",
                "explainunit.samples", "more than half of the maximum heap");
        results.allEvents().assertThatEvents().noneMatch(e -> e.getTestDescriptor().getUniqueId().toString()
                .contains("[check:"));
    }

    @Test
    void per_input_relevance_whose_row_width_is_not_the_input_dimension_fails_the_contract() {
        run(RaggedPerInput.class).assertThatEvents().haveExactly(1, event(test(checkNamed("contract")),
                finishedWithFailure(message(m -> m.contains("explainer [ragged] returned 1 per-input relevance values"
                        + " at step 0 for an input of 2 dimensions")))));
    }

    @Test
    void unknown_explainunit_keys_are_named_so_a_typo_does_not_pass_silently() {
        assertThat(dev.explainunit.junit.SettingsResolver.unknownKeys(java.util.Set.of("explainunit.sample",
                "explainunit.samples", "explainunit.threshold.mass", "explainunit.report.dir", "junit.other",
                "explainunit.threshold.mas"))).containsExactly("explainunit.sample", "explainunit.threshold.mas");
    }

    @Test
    void an_unknown_key_is_warned_about_with_the_key_it_most_likely_stands_for() {
        assertThat(dev.explainunit.junit.SettingsResolver.unknownKeyWarning("explainunit.threshold.mas"))
                .isEqualTo("ExplainUnit: unknown configuration parameter explainunit.threshold.mas is ignored;"
                        + " did you mean explainunit.threshold.mass? (the keys are in checks.md)");
        assertThat(dev.explainunit.junit.SettingsResolver.unknownKeyWarning("explainunit.sentiment.modle"))
                .contains("did you mean explainunit.sentiment.model?");
        assertThat(dev.explainunit.junit.SettingsResolver.unknownKeyWarning("explainunit.zzzzzzzz"))
                .isEqualTo("ExplainUnit: unknown configuration parameter explainunit.zzzzzzzz is ignored"
                        + " (the keys are in checks.md)");
    }

    @Test
    void a_package_scan_skips_nested_fixture_classes() {
        EngineTestKit.engine("explainunit").selectors(
                org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage("dev.explainunit.junit"))
                .execute().testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void a_composed_annotation_carries_its_attributes() {
        results(ComposedAnnotation.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void a_class_without_a_body_in_a_project_that_registers_nothing_fails_once_showing_both_forms() {
        failsOneConfigurationTest(results(NoBodyInAProjectThatRegistersNothing.class),
                "no explainer to test", "NoBodyInAProjectThatRegistersNothing",
                "the built-ins are tested only when named",
                "`@ExplainerSanityTest class NoBodyInAProjectThatRegistersNothing {}`",
                "`@ExplainerSanityTest(explainers = {\"lrp-all\", \"cd\"})`");
    }

    @Test
    void an_unknown_explainer_id_fails_a_configuration_test_naming_the_built_ins_and_lrp_all_still_runs() {
        EngineExecutionResults results = results(UnknownExplainerId.class);
        results.testEvents().assertThatEvents().haveExactly(1, event(test(checkNamed("configuration")),
                finishedWithFailure(message(m -> m.contains("unknown explainer [lrp-everything]")
                        && m.contains("built-ins: gradient, gradient-x-input")))));
        results.testEvents().assertStatistics(stats -> stats.failed(1).succeeded(1));
    }

    @Test
    void a_named_built_in_runs_with_the_tasks_paper_setting_lrp_eps_zero_on_the_toy_tasks() {
        // ε = 0 conserves f(x) on the toy tasks (paper A.2); with the ε = 0.001 of users' models LRP-all fails here
        results(LrpAllByName.class).testEvents().assertThatEvents().haveExactly(1, event(
                test(checkNamed("relevance conservation")), finishedSuccessfully()));
    }

    @Test
    void named_built_ins_are_tested_and_p_diff_is_not_applicable_on_the_regression_models() {
        EngineExecutionResults results = results(EveryBuiltInByName.class);
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(10).succeeded(9).aborted(1).failed(0));
        results.testEvents().assertThatEvents().haveExactly(1, event(
                org.junit.platform.testkit.engine.EventConditions.uniqueIdSubstring("occlusion-p-diff"),
                org.junit.platform.testkit.engine.EventConditions.abortedWithReason(message(r ->
                        r.contains("occlusion-p-diff does not apply to the addition task's models")
                                && r.contains("a regression model")))));
        // published as not applicable, so that the report says what check says
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("explainunit.result"))
                .filter(json -> json != null).map(ExplainUnitTestEngineTest::parse)
                .filter(r -> r.get("explainer").asText().equals("occlusion-p-diff")))
                .singleElement().satisfies(r -> assertThat(r.get("verdict").asText()).isEqualTo("not applicable"));
    }

    @Test
    void on_a_task_without_ground_truth_the_checks_that_need_it_are_not_applicable_with_the_reason() {
        EngineExecutionResults results = results(OnATaskWithoutGroundTruth.class);

        results.testEvents().assertStatistics(stats -> stats.started(6).aborted(4));
        results.testEvents().assertThatEvents().haveExactly(1, event(test(checkNamed("relevant mass")),
                org.junit.platform.testkit.engine.EventConditions.abortedWithReason(message(m -> m.contains(
                        "relevant mass needs the relevant positions; task [fixture-no-truth] has no ground truth")))))
                .haveExactly(1, event(test(checkNamed("contract")), finishedSuccessfully()));
        results.allEvents().assertThatEvents().haveExactly(1, event(container(displayName("fixture-no-truth")),
                finishedSuccessfully()));
    }

    @Test
    void an_unknown_task_id_in_the_annotation_fails_a_configuration_test_naming_the_known_ones() {
        failsOneConfigurationTest(results(UnknownTaskInTheAnnotation.class), "@ExplainerSanityTest(tasks)",
                "unknown task [multiplication]; known tasks: ", "addition, subtraction");
    }

    @Test
    void every_test_points_to_the_test_class_so_an_ide_can_jump_to_it() {
        for (Class<?> type : List.of(GradientTimesInputOnSubtraction.class, NullExplainer.class)) {
            results(type).testEvents().started().stream().forEach(e -> assertThat(e.getTestDescriptor().getSource())
                    .get().isInstanceOfSatisfying(org.junit.platform.engine.support.descriptor.CompositeTestSource.class,
                            composite -> assertThat(composite.getSources()).containsExactly(
                                    org.junit.platform.engine.support.descriptor.ClassSource.from(type))));
        }
    }

    @Test
    void an_unknown_key_warns_once_per_run_not_once_per_discovered_class() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(
                dev.explainunit.junit.internal.ExplainUnitTestEngine.class.getName());
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = logger.getUseParentHandlers();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        try {
            for (Class<?> type : List.of(ZeroSamples.class, NullExplainer.class, ZeroSamples.class)) {
                EngineTestKit.engine("explainunit").selectors(selectClass(type))
                        .configurationParameter("explainunit.sampels", "20").execute();
            }
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parents);
        }
        assertThat(warnings).filteredOn(w -> w.contains("explainunit.sampels")).singleElement().asString()
                .contains("did you mean explainunit.samples?");
    }

    /** A test of the check (or configuration) {@code name} on any task: its display name is "relevant mass · addition". */
    private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> checkNamed(String name) {
        return new org.assertj.core.api.Condition<>(e -> e.getTestDescriptor().getDisplayName().equals(name)
                || e.getTestDescriptor().getDisplayName().startsWith(name + " · "), "check %s", name);
    }
}
