package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.BatchExplainer;
import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.fixtures.ReferenceGradientTimesInput;
import dev.explainunit.task.Sample;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.ZooModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The batch path of the shared population and of model randomization: a {@link BatchExplainer} is
 * asked in chunks, every element is held to the contract, a failing chunk is explained again one
 * sequence at a time, and a batch that disagrees with single calls breaks the contract.
 */
class ExplainedPopulationBatchTest {

    private static final ToyArithmeticTask ADDITION = ToyArithmeticTask.of(ToyTask.ADDITION);
    /** More than two chunks per model, the last one short. */
    private static final List<Sample> SAMPLES = ToyData.generate(ToyTask.ADDITION, Split.TEST,
            2 * GuardedExplanations.CHUNK + 37, 5L).stream().map(ADDITION::sample).toList();

    /**
     * A batch explainer whose element k is {@code element.apply(model, single call on input k)};
     * it records the size of every batch.
     */
    private static class Batching implements BatchExplainer {
        final Explainer single = new ReferenceGradientTimesInput();
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        private final BiFunction<RecurrentModel, Relevance, Relevance> element;

        Batching(BiFunction<RecurrentModel, Relevance, Relevance> element) {
            this.element = element;
        }

        @Override
        public String id() {
            return "batching";
        }

        @Override
        public Relevance explain(RecurrentModel model, Sequence input, int target) {
            return single.explain(model, input, target);
        }

        @Override
        public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
            batchSizes.add(inputs.size());
            List<Relevance> out = new ArrayList<>();
            for (int k = 0; k < inputs.size(); k++) {
                out.add(element.apply(model, single.explain(model, inputs.get(k), targets[k])));
            }
            return out;
        }
    }

    private static ExplainedPopulation explain(Explainer explainer, int models) {
        return ExplainedPopulation.explain(explainer, ADDITION, ExplainedPopulationTest.randomModels(ToyTask.ADDITION,
                models), SAMPLES, Duration.ofSeconds(10));
    }

    @Test
    void a_batch_explainer_is_asked_in_chunks_and_gives_the_population_of_single_calls() {
        Batching batching = new Batching((model, r) -> r);
        ExplainedPopulation batched = explain(batching, 3);
        ExplainedPopulation single = explain(new ReferenceGradientTimesInput(), 3);

        assertThat(batched.contractViolation()).isEmpty();
        List<Integer> oneModel = List.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000, 14);  // 2037 in all
        List<Integer> threeModels = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            threeModels.addAll(oneModel);
        }
        assertThat(batching.batchSizes).containsExactlyInAnyOrderElementsOf(threeModels);
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < SAMPLES.size(); i++) {
                assertThat(batched.relevance(m, i)).containsExactly(single.relevance(m, i));
                assertThat(batched.prediction(m, i)).isEqualTo(single.prediction(m, i));
            }
        }
        assertThat(batched.modelStatistics()).isEqualTo(single.modelStatistics());
    }

    @Test
    void model_randomization_explains_each_randomised_model_in_doubling_batches_and_agrees_with_single_calls() {
        Batching batching = new Batching((model, r) -> r);
        SanitySettings settings = SanitySettings.defaults().withProbeSamples(40);
        ExplainedPopulation batched = explain(batching, 2);
        batching.batchSizes.clear();
        CheckResult viaBatches = CheckEvaluation.evaluate(Check.MODEL_RANDOMIZATION, batched, settings);
        CheckResult viaSingles = CheckEvaluation.evaluate(Check.MODEL_RANDOMIZATION,
                explain(new ReferenceGradientTimesInput(), 2), settings);

        List<Integer> allRandomisedModels = new ArrayList<>();
        for (int r = 0; r < 2 * ModelRandomizationCheck.RANDOM_MODELS; r++) {
            allRandomisedModels.addAll(List.of(1, 2, 4, 8, 16, 9));  // the 40 probe sequences of one
        }
        assertThat(batching.batchSizes).containsExactlyInAnyOrderElementsOf(allRandomisedModels);
        assertThat(viaBatches.statistics()).isEqualTo(viaSingles.statistics());
        assertThat(viaBatches.verdict()).isEqualTo(viaSingles.verdict());
    }

    @Test
    void a_batch_that_disagrees_with_single_calls_is_a_contract_violation_naming_the_explainer() {
        ExplainedPopulation p = explain(new Batching((model, r) -> Relevance.perStep(scaled(r.toArray(), 2))), 2);
        assertThat(p.contractViolation().map(ContractViolation::message)).hasValueSatisfying(m -> assertThat(m).contains("explainer [batching]")
                .contains("differently alone than in a batch").contains("sequence 0 of model addition-random-0"));
    }

    @Test
    void a_batch_with_one_relevance_too_few_is_a_contract_violation_naming_the_counts() {
        BatchExplainer short1 = new Batching((model, r) -> r) {
            @Override
            public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
                List<Relevance> all = super.explain(model, inputs, targets);
                return all.subList(0, all.size() - 1);
            }
        };
        assertThat(explain(short1, 1).contractViolation().map(ContractViolation::message)).hasValueSatisfying(m -> assertThat(m)
                .contains("explainer [batching] returned 0 relevances from explain(model, sequences, targets) for 1"
                        + " sequence (sequence 0 of model addition-random-0)"));
    }

    @Test
    void every_element_of_a_batch_is_held_to_the_contract_and_named() {
        int bad = 1234;
        Sequence badInput = SAMPLES.get(bad).input();
        BatchExplainer nanOnOne = new Batching((model, r) -> r) {
            @Override
            public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
                List<Relevance> all = new ArrayList<>(super.explain(model, inputs, targets));
                int k = inputs.indexOf(badInput);
                if (k >= 0) {
                    double[] values = all.get(k).toArray();
                    values[0] = Double.NaN;
                    all.set(k, Relevance.perStep(values));
                }
                return all;
            }
        };
        assertThat(explain(nanOnOne, 1).contractViolation().map(ContractViolation::message)).hasValueSatisfying(m -> assertThat(m)
                .contains("explainer [batching] returned a non-finite relevance (NaN) at step 0")
                .contains("sequence " + bad + " of model addition-random-0, explained in a batch"));
    }

    @Test
    void a_failing_batch_is_explained_again_one_sequence_at_a_time_so_the_failure_names_the_sequence() {
        int bad = 1500;
        Sequence badInput = SAMPLES.get(bad).input();
        BatchExplainer throwsOnOne = new Batching((model, r) -> r) {
            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                if (input == badInput) {
                    throw new IllegalStateException("cannot explain this one");
                }
                return super.explain(model, input, target);
            }

            @Override
            public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
                if (inputs.contains(badInput)) {
                    throw new IllegalStateException("a batch failed");
                }
                return super.explain(model, inputs, targets);
            }
        };
        assertThat(explain(throwsOnOne, 1).contractViolation().map(ContractViolation::message)).hasValueSatisfying(m -> assertThat(m)
                .isEqualTo("explainer [batching] threw java.lang.IllegalStateException: cannot explain this one on"
                        + " sequence " + bad + " of model addition-random-0"));
    }

    @Test
    void a_message_of_several_lines_comes_after_the_place_so_that_its_last_lines_read_as_its_own() {
        BatchExplainer quoting = new Batching((model, r) -> r) {
            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                throw new IllegalStateException("process failed; its stderr:\n  | Traceback\n  | ValueError");
            }

            @Override
            public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
                throw new IllegalStateException("batch failed");
            }
        };
        assertThat(explain(quoting, 1).contractViolation().map(ContractViolation::message)).hasValue("explainer [batching] threw, on sequence 0 of model"
                + " addition-random-0, java.lang.IllegalStateException: process failed; its stderr:\n  | Traceback\n"
                + "  | ValueError");
    }

    @Test
    void a_batch_explainer_that_hangs_from_its_first_input_on_is_stopped_after_the_limit_of_one_call() {
        BatchExplainer hangs = new Batching((model, r) -> r) {
            @Override
            public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("woke up");
            }
        };
        ExplainedPopulation p = ExplainedPopulation.explain(hangs, ADDITION,
                ExplainedPopulationTest.randomModels(ToyTask.ADDITION, 1), SAMPLES, Duration.ofMillis(100));

        // the first chunk holds one input, so the limit is one call's, not 1000 calls'
        assertThat(p.contractViolation().map(ContractViolation::message)).hasValueSatisfying(m -> assertThat(m)
                .contains("did not return within 100 ms (sequence 0 of model addition-random-0)"));
    }

    @Test
    void a_batch_that_throws_where_single_calls_succeed_breaks_the_contract() {
        BatchExplainer batchOnly = new Batching((model, r) -> r) {
            @Override
            public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
                throw new UnsupportedOperationException("no batches today");
            }
        };
        assertThat(explain(batchOnly, 1).contractViolation().map(ContractViolation::message)).hasValueSatisfying(m -> assertThat(m)
                .isEqualTo("explainer [batching] explained sequence 0 of model addition-random-0 alone,"
                        + " but explain(model, sequences, targets) on it threw"
                        + " java.lang.UnsupportedOperationException: no batches today"));
    }

    @Test
    void a_batch_broken_only_on_randomised_models_fails_model_randomization_naming_the_sequence() {
        List<ZooModel> models = ExplainedPopulationTest.randomModels(ToyTask.ADDITION, 1);
        RecurrentModel trained = models.get(0).model();
        BatchExplainer nanOnRandomised = new Batching((model, r) -> model == trained ? r
                : Relevance.perStep(scaled(r.toArray(), Double.NaN)));
        ExplainedPopulation population = ExplainedPopulation.explain(nanOnRandomised, ADDITION, models, SAMPLES,
                Duration.ofSeconds(10));
        assertThat(population.contractViolation()).isEmpty();
        CheckResult result = CheckEvaluation.evaluate(Check.MODEL_RANDOMIZATION, population,
                SanitySettings.defaults().withProbeSamples(10));
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("explainer [batching] returned a non-finite relevance (NaN)")
                .contains("sequence 0 of the randomised model of addition-random-0, explained in a batch");
    }

    @Test
    void an_explainer_throwing_only_on_randomised_models_fails_model_randomization_with_its_exception_as_cause() {
        List<ZooModel> models = ExplainedPopulationTest.randomModels(ToyTask.ADDITION, 1);
        RecurrentModel trained = models.get(0).model();
        IllegalStateException refusal = new IllegalStateException("only trained models, please");
        Explainer throwsOnRandomised = new Explainer() {
            final Explainer single = new ReferenceGradientTimesInput();

            @Override
            public String id() {
                return "picky";
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                if (model != trained) {
                    throw refusal;
                }
                return single.explain(model, input, target);
            }
        };
        ExplainedPopulation population = ExplainedPopulation.explain(throwsOnRandomised, ADDITION, models, SAMPLES,
                Duration.ofSeconds(10));
        assertThat(population.contractViolation()).isEmpty();
        assertThat(population.thrown(Check.MODEL_RANDOMIZATION)).isEmpty();

        CheckResult result = CheckEvaluation.evaluate(Check.MODEL_RANDOMIZATION, population,
                SanitySettings.defaults().withProbeSamples(10));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("explainer [picky] threw java.lang.IllegalStateException: only trained"
                + " models, please on sequence 0 of the randomised model of addition-random-0");
        assertThat(population.thrown(Check.MODEL_RANDOMIZATION)).containsSame(refusal);
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = values.clone();
        for (int t = 0; t < out.length; t++) {
            out[t] *= factor;
        }
        return out;
    }
}
