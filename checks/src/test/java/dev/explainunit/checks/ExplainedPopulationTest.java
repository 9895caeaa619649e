package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.fixtures.BrokenExplainers;
import dev.explainunit.fixtures.ReferenceGradientTimesInput;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.task.TaskModel;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.ZooModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ExplainedPopulationTest {

    /** Seeded random single-unit LSTMs shaped like the zoo's: the population machinery does not need trained ones. */
    static List<ZooModel> randomModels(ToyTask task, int count) {
        RecurrentNetwork shape = RecurrentNetwork.singleLayer(DirectionWeights.lstm(new DMatrixRMaj(4, 2), new DMatrixRMaj(4, 1), null, null), null,
                new DMatrixRMaj(1, 1, true, 1.0), null);
        List<ZooModel> models = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            models.add(new ZooModel(task.id() + "-random-" + m, task.id(), m, ModelRandomizationCheck.randomised(shape, 77 + m),
                    0, 0, 0, 0, 0));
        }
        return models;
    }

    private static final ToyArithmeticTask SUBTRACTION = ToyArithmeticTask.of(ToyTask.SUBTRACTION);
    private static final List<ToySample> SAMPLES = ToyData.generate(ToyTask.SUBTRACTION, Split.TEST, 120, 3L);

    private static ExplainedPopulation explain(Explainer explainer) {
        return ExplainedPopulation.explain(explainer, SUBTRACTION, randomModels(ToyTask.SUBTRACTION, 3),
                SAMPLES.stream().map(SUBTRACTION::sample).toList(), Duration.ofSeconds(10));
    }

    @Test
    void the_exception_that_broke_the_contract_is_kept_with_the_explainers_frames() {
        ExplainedPopulation p = explain(BrokenExplainers.throwing());
        assertThat(p.thrown(Check.CONTRACT)).get(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("not implemented yet")
                .satisfies(e -> assertThat(e.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(
                        BrokenExplainers.class.getName())));
        assertThat(p.thrown(Check.RELEVANT_MASS)).isEmpty();
        assertThat(explain(BrokenExplainers.nanAtLastStep()).thrown(Check.CONTRACT)).isEmpty();
    }

    @Test
    void a_counterexample_the_explainer_threw_on_says_threw_instead_of_nan_and_keeps_the_exception() {
        ExplainedPopulation p = explain(BrokenExplainers.uniformThrowingOnShortSequences());
        assertThat(p.contractViolation()).isEmpty();
        CheckResult mass = SanityChecks.evaluate(Check.RELEVANT_MASS, p, SanitySettings.defaults());
        assertThat(mass.verdict()).isEqualTo(Verdict.FAIL);
        Example shrunk = mass.counterexample().shrunk();
        assertThat(shrunk.steps()).hasSizeLessThan(13);
        assertThat(shrunk.thrown()).startsWith("java.lang.IllegalStateException: my bug");
        assertThat(mass.message()).contains("|      threw")
                .contains("explain(model, x, target) threw java.lang.IllegalStateException: my bug")
                .doesNotContain("NaN");
        assertThat(p.thrown(Check.RELEVANT_MASS)).get().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void table_2_statistics_match_an_independent_recomputation_from_fresh_explanations() {
        ExplainedPopulation p = explain(new ReferenceGradientTimesInput());
        assertThat(p.contractViolation()).isEmpty();
        TaskModel model = p.models().get(1);
        ModelStatistics stats = p.modelStatistics().get(1);
        int n = SAMPLES.size();
        double sa = 0, sna = 0, saa = 0, snana = 0, sana = 0;
        double mass = 0, mse = 0;
        for (ToySample s : SAMPLES) {
            double[] r = new ReferenceGradientTimesInput().explain(model.model(), s.sequence(), 0).toArray();
            double f = model.model().predict(s.sequence())[0];
            double ra = r[s.a()];
            sa += ra;
            sna += s.na();
            saa += ra * ra;
            snana += s.na() * s.na();
            sana += ra * s.na();
            double total = 0;
            for (double v : r) {
                total += Math.abs(v);
            }
            mass += (Math.abs(r[s.a()]) + Math.abs(r[s.b()])) / total;
            mse += Math.pow(r[s.a()] + r[s.b()] - f, 2);
        }
        double rhoA = (n * sana - sa * sna) / Math.sqrt((n * saa - sa * sa) * (n * snana - sna * sna));
        assertThat(stats.modelId()).isEqualTo(model.id());
        assertThat(stats.get("rhoA")).isCloseTo(100 * rhoA, within(1e-8));
        assertThat(stats.get("mass")).isCloseTo(100 * mass / n, within(1e-10));
        assertThat(stats.get("mse")).isCloseTo(mse / n, within(1e-12));
        assertThat(stats.values()).containsOnlyKeys("rhoA", "rhoB", "mse", "mass");
    }

    @Test
    void a_nan_relevance_is_a_contract_violation_naming_the_explainer_step_and_model() {
        assertThat(explain(BrokenExplainers.nanAtLastStep()).contractViolation().map(ContractViolation::message)).hasValueSatisfying(m ->
                assertThat(m).contains("explainer [nan]").contains("non-finite relevance (NaN) at step")
                        .contains("subtraction-random-"));
    }

    @Test
    void null_wrong_length_exceptions_and_nondeterminism_are_contract_violations() {
        assertThat(explain(BrokenExplainers.nullReturning()).contractViolation().map(ContractViolation::message)).hasValueSatisfying(m ->
                assertThat(m).contains("returned null"));
        assertThat(explain(BrokenExplainers.oneValueShort()).contractViolation().map(ContractViolation::message)).hasValueSatisfying(m ->
                assertThat(m).containsPattern("returned 1[23] relevance values for a sequence of 1[34] steps"));
        assertThat(explain(BrokenExplainers.throwing()).contractViolation().map(ContractViolation::message)).hasValueSatisfying(m ->
                assertThat(m).contains("threw java.lang.UnsupportedOperationException: not implemented yet"));
        assertThat(explain(BrokenExplainers.nondeterministic()).contractViolation().map(ContractViolation::message)).hasValueSatisfying(m ->
                assertThat(m).contains("is not deterministic"));
    }

    @Test
    void a_violation_says_what_kind_where_and_what_was_found() {
        assertThat(explain(BrokenExplainers.nanAtLastStep()).contractViolation()).hasValueSatisfying(v -> {
            assertThat(v.kind()).isEqualTo(ContractViolation.Kind.NOT_FINITE);
            assertThat(v.where()).startsWith("sequence 0 of model subtraction-random-");
            assertThat(v.found()).isEqualTo("NaN");
            assertThat(v.headline()).matches("explainer \\[nan\\] returned a non-finite relevance \\(NaN\\) at step 1[23]");
        });
        assertThat(explain(BrokenExplainers.throwing()).contractViolation()).hasValueSatisfying(v -> {
            assertThat(v.kind()).isEqualTo(ContractViolation.Kind.THREW);
            assertThat(v.headline()).isEqualTo("explainer [throwing] threw java.lang.UnsupportedOperationException");
            assertThat(v.found()).isEqualTo("java.lang.UnsupportedOperationException: not implemented yet");
        });
        assertThat(explain(BrokenExplainers.nondeterministic()).contractViolation().map(ContractViolation::kind))
                .hasValue(ContractViolation.Kind.NOT_DETERMINISTIC);
    }

    @Test
    void a_declared_rest_that_does_not_close_the_balance_fails_conservation() {
        Explainer leaky = new Explainer() {
            @Override
            public String id() {
                return "leaky";
            }

            @Override
            public Relevance explain(dev.explainunit.RecurrentModel model, dev.explainunit.Sequence x, int target) {
                Relevance r = new ReferenceGradientTimesInput().explain(model, x, target);
                return r.withRest(0.5);
            }
        };
        ExplainedPopulation p = explain(leaky);
        assertThat(p.worstExactConservation(0)).isGreaterThan(1e-3);
        CheckResult result = CheckEvaluation.evaluate(Check.RELEVANCE_CONSERVATION, p,
                SanitySettings.defaults().withThresholds(Thresholds.defaults().withConservationMse(1e9)));
        assertThat(result.passed()).isFalse();
        assertThat(result.statistic()).isEqualTo("exact_conservation_error");
        assertThat(result.message()).contains("Σ_t R_t + R_rest = f(x)");
    }

    @Test
    void an_explainer_that_ignores_the_model_fails_model_randomization_only_by_its_rank_correlation() {
        ExplainedPopulation p = explain(BrokenExplainers.inputCopy());
        CheckResult result = CheckEvaluation.evaluate(Check.MODEL_RANDOMIZATION, p,
                SanitySettings.defaults().withProbeSamples(20));
        assertThat(result.passed()).isFalse();
        assertThat(result.statistics().get("rank_correlation")).isEqualTo(1.0);
    }

    @Test
    void a_failed_check_comes_with_a_shrunk_counterexample_that_still_violates_it() {
        ExplainedPopulation p = explain(BrokenExplainers.uniform());
        SanitySettings settings = SanitySettings.defaults().withSearchTries(50);
        CheckResult result = SanityChecks.evaluate(Check.RELEVANT_MASS, p, settings);
        assertThat(result.passed()).isFalse();
        Counterexample ce = result.counterexample();
        assertThat(ce).isNotNull();
        assertThat(ce.shrunk().steps().size()).isLessThanOrEqualTo(ce.original().steps().size());
        assertThat(ce.shrunk().steps().size()).isEqualTo(ToyArithmeticTask.MIN_LENGTH);
        double[] r = ce.shrunk().steps().stream().mapToDouble(StepValue::relevance).toArray();
        assertThat(Metrics.relevantMass(r, r.length, ce.shrunk().truth())).isLessThan(0.9);
        assertThat(result.message()).contains("<- a").contains("explainunit.seed=" + settings.seed());
    }
}
