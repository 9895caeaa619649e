package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.toy.ToyTask;
import org.junit.jupiter.api.Test;

class PerturbationSelectivityTest {

    private static final SanitySettings SMALL = SanitySettings.defaults().withModels(3).withSamples(200)
            .withProbeSamples(200);

    /** Reads the ground truth off the input: operand steps are the ones with x_t = (n, 0). */
    private static Explainer oracle(ToyTask task) {
        return new Explainer() {
            @Override
            public String id() {
                return "oracle";
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence x, int target) {
                double[] r = new double[x.length()];
                int seen = 0;
                for (int t = 0; t < r.length; t++) {
                    if (x.get(t, 1) == 0) {
                        r[t] = seen++ == 0 || task == ToyTask.ADDITION ? x.get(t, 0) : -x.get(t, 0);
                    }
                }
                return Relevance.perStep(r);
            }
        };
    }

    @Test
    void the_ground_truth_removes_exactly_the_true_operands_and_scores_100() {
        for (ToyTask task : ToyTask.values()) {
            ExplainedPopulation p = SanityChecks.explain(oracle(task), dev.explainunit.toy.ToyArithmeticTask.of(task), SMALL);
            CheckResult result = CheckEvaluation.evaluate(Check.PERTURBATION_SELECTIVITY, p, SMALL);
            assertThat(result.statistics().get("selectivity_most")).as(task.id()).isCloseTo(100, within(1e-9));
            assertThat(result.passed()).isTrue();
        }
    }

    @Test
    void relevance_on_the_distractors_only_scores_no_better_than_random_removal() {
        Explainer inverted = new Explainer() {
            @Override
            public String id() {
                return "distractors-only";
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence x, int target) {
                double[] r = new double[x.length()];
                for (int t = 0; t < r.length; t++) {
                    r[t] = x.get(t, 1);
                }
                return Relevance.perStep(r);
            }
        };
        ExplainedPopulation p = SanityChecks.explain(inverted, dev.explainunit.toy.ToyArithmeticTask.of(ToyTask.ADDITION), SMALL);
        CheckResult result = CheckEvaluation.evaluate(Check.PERTURBATION_SELECTIVITY, p, SMALL);
        assertThat(result.statistics().get("selectivity_most")).isLessThan(0);
        assertThat(result.passed()).isFalse();
        // the message names the failing half and the sequences really used (probeSamples per model)
        int probes = Math.min(SMALL.probeSamples(), SMALL.samples());
        assertThat(result.message()).contains("both halves fail: removing the most relevant steps scores -")
                .contains("mean over " + SMALL.models() + " models × " + probes + " test sequences each");
        // each number once: the failing halves are named, not their scores said twice
        String most = CheckMessages.num(result.statistics().get("selectivity_most"));
        assertThat(result.message().split(java.util.regex.Pattern.quote(most), -1)).hasSize(2);
        // per-model scores, so that the counterexample comes from the worst model, not the first
        assertThat(result.perModel()).hasSize(SMALL.models());
        String worst = result.perModel().stream().min(java.util.Comparator.comparingDouble(
                m -> Math.min(m.get("selectivityMost"), m.get("selectivityLeast")))).orElseThrow().modelId();
        CheckResult full = SanityChecks.evaluate(Check.PERTURBATION_SELECTIVITY, p, SMALL);
        assertThat(full.counterexample()).isNotNull();
        assertThat(full.counterexample().modelId()).isEqualTo(worst);
        assertThat(full.message().lines().findFirst().orElseThrow()).startsWith(
                "[distractors-only] on addition: perturbation selectivity ")
                .endsWith("(worst model " + worst + ")").doesNotContain("on this sequence");
        assertThat(full.message()).doesNotContain("on this sequence");
    }

    @Test
    void the_reusable_probe_gives_bit_identical_changes_to_a_fresh_shortened_sequence_and_predict() {
        for (ToyTask task : ToyTask.values()) {
            dev.explainunit.model.RecurrentNetwork model = dev.explainunit.zoo.ModelZoo.bundled().models(task.id()).get(0).model();
            PerturbationSelectivityCheck.Probe probe = new PerturbationSelectivityCheck.Probe(model);
            java.util.SplittableRandom random = new java.util.SplittableRandom(5);
            int[] steps = new int[2];
            for (dev.explainunit.toy.ToySample sample : dev.explainunit.toy.ToyData.generate(task,
                    dev.explainunit.toy.Split.TEST, 100, 9L)) {
                Sequence x = sample.sequence();
                double fx = model.predict(x)[0];
                for (int k = 1; k <= 2; k++) {
                    steps[0] = random.nextInt(x.length());
                    do {
                        steps[1] = random.nextInt(x.length());
                    } while (steps[1] == steps[0]);
                    double expected = Math.abs(fx - model.predict(PerturbationSelectivityCheck.withoutSteps(x, steps, k))[0]);
                    assertThat(probe.change(x, fx, 0, steps, k)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void top_and_bottom_steps_are_chosen_by_magnitude_with_ties_to_the_earlier_step() {
        int[] out = new int[2];
        PerturbationSelectivityCheck.byMagnitude(new double[] {0.1, -0.9, 0.5, 0.9}, 2, true, out);
        assertThat(out).containsExactly(1, 3);
        PerturbationSelectivityCheck.byMagnitude(new double[] {0.1, -0.9, 0.0, 0.9}, 2, false, out);
        assertThat(out).containsExactly(2, 0);
    }
}
