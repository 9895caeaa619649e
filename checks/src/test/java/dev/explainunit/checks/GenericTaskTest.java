package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.assertj.ExplainUnitAssertions;
import dev.explainunit.fixtures.BrokenExplainers;
import dev.explainunit.fixtures.ReferenceGradientTimesInput;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import dev.explainunit.task.Tasks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The checks on tasks other than the toy ones: classifier targets, less ground truth, no generator. */
class GenericTaskTest {

    private static final Task CLASSIFIER = Tasks.byId("fixture-marked-classifier");

    @Test
    void each_sample_is_explained_for_its_class_and_its_prediction_is_that_output() {
        Map<Sequence, Integer> targets = new ConcurrentHashMap<>();
        Explainer recording = new Explainer() {
            @Override
            public String id() {
                return "recording";
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence x, int target) {
                targets.put(x, target);
                return new ReferenceGradientTimesInput().explain(model, x, target);
            }
        };
        List<Sample> samples = CLASSIFIER.samples(5, 30);
        ExplainedPopulation p = ExplainedPopulation.explain(recording, CLASSIFIER, CLASSIFIER.models(), samples,
                Duration.ofSeconds(10));

        assertThat(p.contractViolation()).isEmpty();
        assertThat(samples).extracting(Sample::target).contains(1, 2);
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            assertThat(targets.get(s.input())).isEqualTo(s.target());
            for (int m = 0; m < p.models().size(); m++) {
                double[] outputs = p.models().get(m).model().predict(s.input());
                assertThat(p.prediction(m, i)).isEqualTo(outputs[s.target()]);
                assertThat(p.relevance(m, i)).containsExactly(new ReferenceGradientTimesInput()
                        .explain(p.models().get(m).model(), s.input(), s.target()).toArray());
            }
        }
    }

    @Test
    void checks_that_need_ground_truth_a_task_lacks_are_not_applicable_with_the_reason() {
        SanityReport report = SanityChecks.of(new ReferenceGradientTimesInput()).on("fixture-no-truth").samples(20)
                .run();

        assertThat(report.results()).filteredOn(r -> r.verdict() == Verdict.NOT_APPLICABLE)
                .extracting(CheckResult::check).containsExactly(Check.GROUND_TRUTH_CORRELATION,
                        Check.RELEVANCE_CONSERVATION, Check.RELEVANT_MASS, Check.PERTURBATION_SELECTIVITY);
        assertThat(report.results()).filteredOn(r -> r.check() == Check.RELEVANT_MASS).singleElement()
                .extracting(CheckResult::message)
                .isEqualTo("relevant mass needs the relevant positions; task [fixture-no-truth] has no ground truth");
        ExplainUnitAssertions.assertThat(report).passes(Check.CONTRACT, "fixture-no-truth")
                .isNotApplicable(Check.GROUND_TRUTH_CORRELATION, "fixture-no-truth");
        assertThat(report.results()).filteredOn(r -> r.check() == Check.MODEL_RANDOMIZATION).singleElement()
                .extracting(CheckResult::verdict).isNotEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(report.verdict("fixture-no-truth")).isNotEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void a_task_that_knows_only_the_relevant_positions_runs_mass_and_selectivity_but_not_correlation() {
        SanityReport report = SanityChecks.of(new ReferenceGradientTimesInput()).on(CLASSIFIER).samples(40)
                .checks(Check.GROUND_TRUTH_CORRELATION, Check.RELEVANCE_CONSERVATION, Check.RELEVANT_MASS,
                        Check.PERTURBATION_SELECTIVITY).run();

        assertThat(report.results()).extracting(CheckResult::verdict).containsExactly(Verdict.NOT_APPLICABLE,
                Verdict.NOT_APPLICABLE, report.results().get(2).passed() ? Verdict.PASS : Verdict.FAIL,
                report.results().get(3).passed() ? Verdict.PASS : Verdict.FAIL);
        assertThat(report.results().get(0).message()).isEqualTo("ground-truth correlation needs the relevant "
                + "positions with their values and signs; task [fixture-marked-classifier] knows only the relevant "
                + "positions");
        assertThat(report.results().get(2).statistics().get("mass")).isBetween(0.0, 1.0);
        assertThat(report.results().get(2).perModel()).extracting(ModelStatistics::values)
                .allSatisfy(values -> assertThat(values).containsOnlyKeys("mass"));
    }

    @Test
    void without_a_generator_a_failed_check_shows_the_first_failing_test_sample_only() {
        SanitySettings settings = SanitySettings.defaults().withTasks(List.of(CLASSIFIER)).withSamples(20)
                .withChecks(java.util.EnumSet.of(Check.RELEVANT_MASS));
        ExplainedPopulation p = SanityChecks.explain(BrokenExplainers.uniform(), CLASSIFIER, settings);

        CheckResult result = SanityChecks.evaluate(Check.RELEVANT_MASS, p, settings);

        assertThat(result.passed()).isFalse();
        Counterexample ce = result.counterexample();
        assertThat(ce.shrunk()).isSameAs(ce.original());
        Sample first = p.samples().get(0);
        assertThat(ce.original().steps()).hasSize(first.length());
        for (StepValue step : ce.original().steps()) {
            assertThat(step.x()).containsExactly(first.input().get(step.t(), 0), first.input().get(step.t(), 1));
            assertThat(step.relevance()).isEqualTo(p.relevance(0, 0)[step.t()]);
        }
        assertThat(ce.property()).isEqualTo("(|R_marker|) / Σ_t |R_t| ≥ 0.900");
        assertThat(result.message()).contains("<- marker").contains("lies on marker");
    }
}
