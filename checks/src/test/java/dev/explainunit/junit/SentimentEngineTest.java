package dev.explainunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.explainunit.Explainer;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.fixtures.SentimentFixtures;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.sentence.CorpusSentence;
import dev.explainunit.sentence.SentenceWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The sanity checks through the engine on sentences: a small classifier on corpus sentences (with
 * the label-deciding tokens as ground truth), and the {@code sentiment} task given a model and data
 * of the user's own through {@code explainunit.sentiment.*} (no ground truth).
 */
class SentimentEngineTest {

    @ExplainerSanityTest(tasks = "fixture-sentiment", samples = 20, probeSamples = 10)
    static class GradientTimesInputOnSentences implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BuiltInExplainers.create("gradient-x-input");
        }
    }

    @ExplainerSanityTest(tasks = "fixture-sentiment", samples = 20, probeSamples = 10)
    static class LrpAllOnSentences implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BuiltInExplainers.create("lrp-all");
        }
    }

    @ExplainerSanityTest(tasks = "sentiment", samples = 10, probeSamples = 5)
    static class OnTheUsersOwnSentenceModel implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BuiltInExplainers.create("gradient-x-input");
        }
    }

    @ExplainerSanityTest(explainers = {"gradient", "gradient-x-input"}, tasks = "sentiment", samples = 10,
            probeSamples = 5)
    static class TwoExplainersOnTheUsersOwnSentenceModel {
    }

    @ExplainerSanityTest(tasks = "sentiment", samples = 12, probeSamples = 6)
    static class LrpAllOnTheBundledModel implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BuiltInExplainers.create("lrp-all");
        }
    }

    @ExplainerSanityTest(tasks = {"addition", "sentiment"}, checks = dev.explainunit.checks.Check.CONTRACT, samples = 12)
    static class ToyAndSentimentTogether implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BuiltInExplainers.create("gradient-x-input");
        }
    }

    @TempDir
    Path dir;

    @Test
    void one_project_wide_model_count_serves_a_task_that_bundles_fewer_models_with_all_of_its_own() {
        // the user guide's quick start sets explainunit.models=5; sentiment bundles one model
        EngineExecutionResults results = EngineTestKit.engine("explainunit")
                .selectors(selectClass(ToyAndSentimentTogether.class))
                .configurationParameter("explainunit.models", "5").execute();

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(checkNamed("contract · addition")), finishedSuccessfully()))
                .haveExactly(1, event(test(checkNamed("contract · sentiment")), finishedSuccessfully()));
    }

    @Test
    void on_the_bundled_model_every_check_but_conservation_is_evaluated_through_the_engine() {
        EngineExecutionResults results = EngineTestKit.engine("explainunit")
                .selectors(selectClass(LrpAllOnTheBundledModel.class)).execute();
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(checkNamed("contract")), finishedSuccessfully()))
                .haveExactly(1, event(test(checkNamed("relevance conservation")),
                        abortedWithReason(message(r -> r.contains("task [sentiment] knows the contributions")))));
        for (String evaluated : List.of("relevant mass", "ground-truth correlation", "model randomization",
                "perturbation selectivity", "composition")) {
            assertThat(results.testEvents().started().filter(e -> e.getTestDescriptor().getDisplayName()
                    .equals(evaluated + " · sentiment")).count()).as(evaluated).isEqualTo(1);
        }
    }

    @Test
    void on_corpus_sentences_the_ground_truth_checks_run_and_conservation_is_skipped_because_the_truth_is_not_complete() {
        for (Class<?> type : List.of(GradientTimesInputOnSentences.class, LrpAllOnSentences.class)) {
            EngineExecutionResults results = EngineTestKit.engine("explainunit").selectors(selectClass(type)).execute();
            results.containerEvents().assertStatistics(stats -> stats.failed(0));
            results.testEvents().assertThatEvents()
                    .haveExactly(1, event(test(checkNamed("contract")), finishedSuccessfully()))
                    .haveExactly(1, event(test(checkNamed("relevance conservation")),
                            abortedWithReason(message(r -> r.contains("needs complete ground truth")
                                    && r.contains("task [fixture-sentiment] knows the contributions")))));
            for (String evaluated : List.of("relevant mass", "ground-truth correlation", "model randomization",
                    "perturbation selectivity")) {
                assertThat(results.testEvents().started().filter(e -> e.getTestDescriptor().getDisplayName()
                        .startsWith(evaluated + " · ")).count()).as(type.getSimpleName() + ": " + evaluated).isEqualTo(1);
            }
        }
    }

    @Test
    void a_failing_check_on_sentences_shows_its_counterexample_as_words_not_embeddings() {
        EngineExecutionResults results = EngineTestKit.engine("explainunit")
                .selectors(selectClass(GradientTimesInputOnSentences.class)).execute();
        String first = SentimentFixtures.testSentences(1).get(0).tokens().get(0);
        // the failed test's message has the counterexample in a line, the published result (the report) its table
        results.testEvents().assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                m.contains(" words") && m.contains("report.html") && !m.contains("x_t")))));
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow()
                        .getKeyValuePairs().get("explainunit.result"))
                .filter(json -> json != null && json.contains("\"verdict\" : \"fail\""))).anySatisfy(json ->
                assertThat(json).contains("  t | word ").contains("  0 | " + first + " ").doesNotContain("x_t"));
    }

    @Test
    void the_sentiment_task_reads_the_users_model_vocab_and_data_from_the_configuration_runs_selectivity_and_skips_the_ground_truth_checks()
            throws Exception {
        Path data = dir.resolve("test.jsonl");
        SentenceWriter.write(data, SentimentFixtures.testSentences(12).stream().map(CorpusSentence::toRecord).toList());
        EngineExecutionResults results = runOnTheUsersOwnModel(OnTheUsersOwnSentenceModel.class, data);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(checkNamed("contract")), finishedSuccessfully()))
                .haveExactly(1, event(test(checkNamed("relevant mass")),
                        abortedWithReason(message(r -> r.contains("relevant mass needs the relevant positions; task [sentiment]"
                                + " has no ground truth")))))
                .haveExactly(1, event(test(checkNamed("ground-truth correlation")),
                        abortedWithReason(message(r -> r.contains("task [sentiment] has no ground truth")))));
        for (String evaluated : List.of("model randomization", "perturbation selectivity", "composition")) {
            assertThat(results.testEvents().started().filter(e -> e.getTestDescriptor().getDisplayName()
                    .equals(evaluated + " · sentiment")).count()).as(evaluated).isEqualTo(1);
        }
    }

    @Test
    void a_sentiment_configuration_missing_the_vocabulary_fails_a_configuration_test_naming_the_keys() {
        EngineExecutionResults results = EngineTestKit.engine("explainunit")
                .selectors(selectClass(OnTheUsersOwnSentenceModel.class))
                .configurationParameter("explainunit.sentiment.model", "m.safetensors")
                .configurationParameter("explainunit.sentiment.data", "d.jsonl")
                .execute();
        results.allEvents().assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                m.contains("explainunit.sentiment.*") && m.contains("missing [vocab]")))));
    }

    @Test
    void a_bad_line_in_the_users_data_fails_one_configuration_test_naming_file_and_line_not_one_per_explainer()
            throws Exception {
        Path data = dir.resolve("test.jsonl");
        List<CorpusSentence> sentences = SentimentFixtures.testSentences(30);
        SentenceWriter.write(data, sentences.subList(0, 29).stream().map(CorpusSentence::toRecord).toList());
        java.nio.file.Files.writeString(data, "{\"tokens\": [\"" + sentences.get(29).tokens().get(0)
                + "\"], \"label\": 9}\n", java.nio.file.StandardOpenOption.APPEND);

        EngineExecutionResults results = runOnTheUsersOwnModel(TwoExplainersOnTheUsersOwnSentenceModel.class, data);

        // the defect is past the 10 samples the checks read: found before any work, reported once
        assertThat(results.testEvents().started().count()).isEqualTo(1);
        results.testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.contains("explainunit.sentiment.*") && m.contains(data + ":30: label 9 outside 0..4")))));
    }

    @Test
    void the_sentiment_tasks_parameters_are_known_configuration_keys() {
        assertThat(dev.explainunit.junit.SettingsResolver.unknownKeys(java.util.Set.of(
                "explainunit.sentiment.model", "explainunit.sentiment.vocab", "explainunit.sentiment.data",
                "explainunit.sentiment.modle"))).containsExactly("explainunit.sentiment.modle");
    }

    /**
     * Runs {@code testClass} with the configuration keys of the sentiment task naming a fixture
     * model, written with its vocabulary to the temporary folder, and {@code data}.
     */
    private EngineExecutionResults runOnTheUsersOwnModel(Class<?> testClass, Path data) throws Exception {
        Path model = dir.resolve("mine.safetensors");
        Path vocab = dir.resolve("vocab.txt");
        SentenceModelFiles.write(SentimentFixtures.model(5), model, vocab);
        return EngineTestKit.engine("explainunit")
                .selectors(selectClass(testClass))
                .configurationParameter("explainunit.sentiment.model", model.toString())
                .configurationParameter("explainunit.sentiment.vocab", vocab.toString())
                .configurationParameter("explainunit.sentiment.data", data.toString())
                .execute();
    }

    /** A test of the check (or configuration) {@code name} on any task: its display name is "relevant mass · addition". */
    private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> checkNamed(String name) {
        return new org.assertj.core.api.Condition<>(e -> e.getTestDescriptor().getDisplayName().equals(name)
                || e.getTestDescriptor().getDisplayName().startsWith(name + " · "), "check %s", name);
    }
}
