package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

    private static final String NL = System.lineSeparator();

    @Test
    void without_a_counterexample_the_rerun_hint_starts_on_its_own_line() {
        CheckResult failed = new CheckResult(Check.RELEVANT_MASS, "x", "addition", Map.of(), "", Double.NaN, Comparison.NONE,
                Verdict.FAIL, 20190801L, 100, List.of("addition-01"), List.of(), null,
                "[x] on addition: relevant mass 0.4 < 0.9.", 0, null, null);
        String text = FailureMessage.with(failed, null, SanitySettings.defaults());
        assertThat(text).contains("0.9." + NL + "Seed 20190801: rerun with");
    }

    @Test
    void a_contract_failure_has_no_rerun_hint_because_a_seed_cannot_help() {
        CheckResult failed = new CheckResult(Check.CONTRACT, "x", "addition", Map.of(), "", Double.NaN, Comparison.NONE,
                Verdict.FAIL, 20190801L, 100, List.of("addition-01"), List.of(), null,
                "[x] on addition: broke the contract on sequence 0 of model addition-01.", 0, null, null);
        assertThat(FailureMessage.with(failed, null, SanitySettings.defaults()))
                .isEqualTo("[x] on addition: broke the contract on sequence 0 of model addition-01.");
    }

    @Test
    void the_first_line_is_terse_what_how_far_off_and_where() {
        CheckResult failed = new CheckResult(Check.RELEVANT_MASS, "cd", "subtraction", Map.of("mass", 0.41), "mass",
                0.9, Comparison.AT_LEAST, Verdict.FAIL, 7L, 100, List.of("subtraction-06", "subtraction-07"), List.of(), null,
                "[cd] on subtraction: relevance should concentrate on the two operands; but ...", 0, null, null);
        Example e = new Example(List.of(new StepValue(0, new double[] {0.5, 0}, 0.2)), null, 0.5, 0.4, 0.3);
        Counterexample ce = new Counterexample("subtraction-07", e, e, "mass ≥ 0.9");
        assertThat(FailureMessage.with(failed, ce, SanitySettings.defaults()).lines().findFirst().orElseThrow())
                .isEqualTo("[cd] on subtraction: relevant mass 0.41 < 0.9 (worst model subtraction-07)");
    }

    @Test
    void on_a_task_with_one_model_the_first_line_names_the_model_without_calling_it_the_worst() {
        CheckResult failed = new CheckResult(Check.RELEVANT_MASS, "lrp-all", "sentiment", Map.of("mass", 0.48), "mass",
                0.5, Comparison.AT_LEAST, Verdict.FAIL, 7L, 100, List.of("sentiment"), List.of(), null,
                "[lrp-all] on sentiment: relevance should concentrate on the label-deciding words; but ...", 0, null, null);
        Example e = new Example(List.of(new StepValue(0, new double[] {0.5, 0}, 0.2)), null, 0.5, 0.4, 0.3);
        Counterexample ce = new Counterexample("sentiment", e, e, "mass ≥ 0.5");
        assertThat(FailureMessage.with(failed, ce, SanitySettings.defaults()).lines().findFirst().orElseThrow())
                .isEqualTo("[lrp-all] on sentiment: relevant mass 0.48 < 0.5 (model sentiment)");
    }

    @Test
    void a_value_just_above_its_threshold_is_printed_with_enough_digits_to_show_it() {
        assertThat(CheckMessages.distinguishing(0.010042, 0.01)).containsExactly("0.01004", "0.01");
        assertThat(CheckMessages.distinguishing(0.0100000042, 0.01)).containsExactly("0.010000004", "0.01");
        assertThat(CheckMessages.distinguishing(0.912, 0.9)).containsExactly("0.912", "0.9");
    }

    @Test
    void a_conservation_counterexample_shows_its_value_beside_the_threshold_distinguishably() {
        CheckResult failed = new CheckResult(Check.RELEVANCE_CONSERVATION, "x", "addition", Map.of("mse", 0.02),
                "mse", 0.01, Comparison.AT_MOST, Verdict.FAIL, 7L, 100, List.of("addition-01"), List.of(), null, "detail", 0, null, null);
        Example e = new Example(List.of(new StepValue(0, new double[] {0.5, 0}, 0.2)), null, 0.5, 0.4, 0.010042);
        String text = FailureMessage.counterexample(new Counterexample("addition-01", e, e, "p"), failed);
        assertThat(text).contains("on this sequence 0.01004 (threshold 0.01)");
    }

    /** "a film , not good" from a data file, explained for class 1: the negator and the polar word decide it. */
    static Example sentence() {
        List<String> words = List.of("a", "film", ",", "not", "good");
        double[] r = {0.1, -0.2, 0.05, -1.5, 2.0};
        List<StepValue> steps = new java.util.ArrayList<>();
        for (int t = 0; t < words.size(); t++) {
            steps.add(new StepValue(t, new double[] {0.01 * t, -0.02, 0.3}, r[t], words.get(t)));
        }
        var truth = dev.explainunit.task.GroundTruth.of(
                new dev.explainunit.task.GroundTruth.Relevant(3, "negator", 1.0, 1),
                new dev.explainunit.task.GroundTruth.Relevant(4, "polar", -0.75, -1));
        return new Example(steps, truth, 1, 2.5, 0.7);
    }

    @Test
    void a_sentence_from_a_data_file_is_shown_once_by_its_words_and_said_not_to_be_shrinkable() {
        Example original = sentence();
        Example copy = new Example(List.copyOf(original.steps()), original.truth(), 1, 2.5, 0.7); // as read back from JSON
        String text = FailureMessage.counterexample(new Counterexample("sentiment", original, copy, "p"));

        assertThat(text).contains("sentence from the data (T = 5; a sentence of a data file cannot be shrunk):")
                .contains("  t | word ").contains("not              |    -1.5000  <- negator")
                .doesNotContain("shrunk (T").doesNotContain("original (T").doesNotContain("0.010");
    }

    @Test
    void the_seed_is_suggested_only_where_it_changes_something() {
        dev.explainunit.task.Task fixedData = new dev.explainunit.fixtures.FixtureTasks.MarkedClassifierTask();
        SanitySettings settings = SanitySettings.defaults().withTasks(List.of(fixedData));
        for (Check check : List.of(Check.RELEVANT_MASS, Check.MODEL_RANDOMIZATION)) {
            CheckResult failed = new CheckResult(check, "x", fixedData.id(), Map.of(), "", Double.NaN, Comparison.NONE,
                    Verdict.FAIL, 20190801L, 100, List.of("m"), List.of(), null, "[x] on it: failed.", 0, null, null);
            String text = FailureMessage.with(failed, null, settings);
            // a fixed data set gives the same samples for any seed; the randomised models do depend on it
            assertThat(text.contains("Seed 20190801")).as(check + ": " + text).isEqualTo(check == Check.MODEL_RANDOMIZATION);
        }
        CheckResult toy = new CheckResult(Check.RELEVANT_MASS, "x", "addition", Map.of(), "", Double.NaN, Comparison.NONE,
                Verdict.FAIL, 20190801L, 100, List.of("addition-01"), List.of(), null, "[x] on addition: failed.", 0, null, null);
        assertThat(FailureMessage.with(toy, null, SanitySettings.defaults())).contains("Seed 20190801: rerun with");
    }
}
