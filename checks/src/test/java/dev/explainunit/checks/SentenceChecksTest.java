package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.CorpusSentence;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.sentence.SentimentTask;
import dev.explainunit.composition.Composition;
import dev.explainunit.composition.CompositionSamples;
import dev.explainunit.deletion.DeletionCurve;
import dev.explainunit.composition.ModifierWords;
import dev.explainunit.deletion.Table3;
import dev.explainunit.deletion.WordDeletion;
import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import dev.explainunit.zoo.ModelZoo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The sentence form of the checks on the bundled {@code sentiment} model and the first
 * {@value #SAMPLES} test sentences of the generated corpus: each check passes a faithful-by-construction
 * explainer and fails a broken one, and each statistic equals an independent computation.
 * (About 2 s of CPU per explainer here, mostly occlusion-p-diff as Table 3's reference.)
 */
class SentenceChecksTest {

    private static final int SAMPLES = 120;
    private static final SentimentTask TASK = new SentimentTask();
    private static final SanitySettings SETTINGS = SanitySettings.defaults().withTasks(List.of(TASK))
            .withSamples(SAMPLES).withProbeSamples(SAMPLES);
    private static final List<Sample> SAMPLE_LIST = TASK.samples(SETTINGS.seed(), SAMPLES);

    /** An explainer that returns, for each sample's input, what {@code relevance} computes from the sample. */
    private static Explainer lookup(String id, Function<Sample, double[]> relevance) {
        Map<Sequence, double[]> byInput = new HashMap<>();
        for (Sample s : SAMPLE_LIST) {
            byInput.put(s.input(), relevance.apply(s));
        }
        return new Explainer() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                double[] r = byInput.get(input);
                return Relevance.perStep(r == null ? new double[input.length()] : r.clone());
            }
        };
    }

    /** The true contribution towards the explained class at each label-deciding word, 0 elsewhere. */
    private static double[] truth(Sample s) {
        double[] r = new double[s.length()];
        if (s.hasTruth()) {
            for (GroundTruth.Relevant t : s.truth().relevant()) {
                r[t.position()] = t.contribution();
            }
        }
        return r;
    }

    private static double[] negated(double[] r) {
        return Arrays.stream(r).map(v -> -v).toArray();
    }

    /** The relevance of another explainer, sign-flipped. */
    private static Explainer flipped(Explainer inner) {
        return new Explainer() {
            @Override
            public String id() {
                return "flipped-" + inner.id();
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                return Relevance.perStep(negated(inner.explain(model, input, target).toArray()));
            }
        };
    }

    /** Seeded noise, the same for the same input (deterministic, as the contract demands). */
    private static final Explainer RANDOM = new Explainer() {
        @Override
        public String id() {
            return "random";
        }

        @Override
        public Relevance explain(RecurrentModel model, Sequence input, int target) {
            SplittableRandom random = new SplittableRandom(input.hashCode());
            double[] r = new double[input.length()];
            for (int t = 0; t < r.length; t++) {
                r[t] = random.nextDouble() - 0.5;
            }
            return Relevance.perStep(r);
        }
    };

    private static CheckResult run(Explainer explainer, Check check) {
        ExplainedPopulation p = SanityChecks.explain(explainer, TASK, SETTINGS);
        assertThat(p.contractViolation()).isEmpty();
        return SanityChecks.evaluate(check, p, SETTINGS);
    }

    @Test
    void on_sentences_selectivity_is_table_3_so_the_reference_occlusion_p_diff_scores_100_in_both_orders() {
        CheckResult result = run(TASK.builtIn("occlusion-p-diff"), Check.PERTURBATION_SELECTIVITY);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.statistics().get("selectivity_most")).isCloseTo(100, within(1e-9));
        assertThat(result.statistics().get("selectivity_least")).isCloseTo(100, within(1e-9));
        assertThat(result.message()).contains("deleting the most relevant words").contains("occlusion-p-diff = 100")
                .doesNotContain("operand");
    }

    @Test
    void on_sentences_selectivity_equals_table_3_computed_from_the_words_by_the_reproductions_word_deletion() {
        Explainer gxi = TASK.builtIn("gradient-x-input");
        CheckResult result = run(gxi, Check.PERTURBATION_SELECTIVITY);

        // independently: the words themselves, deleted and re-embedded by the sentence model (not rows of the input)
        SentenceModel model = ModelZoo.bundled().sentiment().model();
        List<CorpusSentence> sentences = SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED).test()
                .subList(0, SAMPLES);
        WordDeletion deletion = WordDeletion.of(model, sentences.stream().map(CorpusSentence::toRecord).toList(), dev.explainunit.deletion.SentencePasses.sequential());
        List<Relevance> tested = new ArrayList<>();
        List<Relevance> reference = new ArrayList<>();
        Explainer occlusion = TASK.builtIn("occlusion-p-diff");
        for (var s : deletion.sentences()) {
            Sequence x = model.embed(s.tokens());
            tested.add(gxi.explain(model.lstm(), x, s.label()));
            reference.add(occlusion.explain(model.lstm(), x, s.label()));
        }
        DeletionCurve testedCurve = deletion.curve("gradient-x-input", tested);
        Table3 table = Table3.of(List.of(testedCurve, deletion.curve("occlusion-p-diff", reference)),
                deletion.random(WordDeletionSelectivityCheck.RANDOM_DRAWS, SETTINGS.seed()));

        assertThat(deletion.incorrectCount()).isPositive();
        assertThat(result.statistics().get("selectivity_most"))
                .isCloseTo(table.decreasing().get("gradient-x-input"), within(1e-9));
        assertThat(result.statistics().get("selectivity_least"))
                .isCloseTo(table.increasing().get("gradient-x-input"), within(1e-9));
        assertThat(result.statistics().get("selectivity")).isCloseTo(Math.min(table.decreasing().get("gradient-x-input"),
                table.increasing().get("gradient-x-input")), within(1e-9));
    }

    @Test
    void on_sentences_selectivity_fails_random_relevance_and_sign_flipped_occlusion() {
        CheckResult random = run(RANDOM, Check.PERTURBATION_SELECTIVITY);
        CheckResult flipped = run(flipped(TASK.builtIn("occlusion-p-diff")), Check.PERTURBATION_SELECTIVITY);

        assertThat(random.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(random.statistics().get("selectivity")).isLessThan(50);
        assertThat(flipped.verdict()).isEqualTo(Verdict.FAIL);
        // the most relevant words are now the least: deleting them raises the accuracy less than random does
        assertThat(flipped.statistics().get("selectivity_most")).isNegative();
        assertThat(flipped.message()).contains("both orders fail").contains("sentences of at least 10 words")
                .contains("  t | word ").contains("true class").doesNotContain("x_t").doesNotContain("operand");
    }

    @Test
    void on_sentences_the_true_contributions_pass_sign_agreement_and_relevant_mass_and_their_negation_fails_signs() {
        CheckResult signs = run(lookup("truth", SentenceChecksTest::truth), Check.GROUND_TRUTH_CORRELATION);
        CheckResult mass = run(lookup("truth", SentenceChecksTest::truth), Check.RELEVANT_MASS);
        CheckResult flipped = run(lookup("negated-truth", s -> negated(truth(s))), Check.GROUND_TRUTH_CORRELATION);

        assertThat(signs.verdict()).isEqualTo(Verdict.PASS);
        assertThat(signs.statistics().get("sign_agreement")).isEqualTo(1.0);
        assertThat(mass.verdict()).isEqualTo(Verdict.PASS);
        assertThat(mass.statistics().get("mass")).isCloseTo(1.0, within(1e-12));
        assertThat(flipped.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(flipped.statistics().get("sign_agreement")).isEqualTo(0.0);
        assertThat(flipped.message()).contains("polar words").contains("sign agreement 0.000 < 0.750")
                .doesNotContain("operand").doesNotContain("n_a");
    }

    @Test
    void gradient_is_never_negative_so_its_balanced_sign_agreement_is_exactly_a_coins() {
        CheckResult result = run(TASK.builtIn("gradient"), Check.GROUND_TRUTH_CORRELATION);

        assertThat(result.statistics().get("sign_agreement_supporting")).isEqualTo(1.0);
        assertThat(result.statistics().get("sign_agreement_opposing")).isEqualTo(0.0);
        assertThat(result.statistics().get("sign_agreement")).isEqualTo(0.5);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void sign_agreement_equals_a_direct_count_over_the_polar_words() {
        Explainer gxi = TASK.builtIn("gradient-x-input");
        CheckResult result = run(gxi, Check.GROUND_TRUTH_CORRELATION);

        int support = 0;
        int supportAgrees = 0;
        int oppose = 0;
        int opposeAgrees = 0;
        RecurrentModel model = TASK.models().get(0).model();
        for (Sample s : SAMPLE_LIST) {
            if (!s.hasTruth()) {
                continue;
            }
            double[] r = gxi.explain(model, s.input(), s.target()).toArray();
            for (GroundTruth.Relevant t : s.truth().relevant()) {
                if (t.role().equals("polar")) {
                    if (t.sign() > 0) {
                        support++;
                        supportAgrees += r[t.position()] > 0 ? 1 : 0;
                    } else {
                        oppose++;
                        opposeAgrees += r[t.position()] < 0 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(support).isPositive();
        assertThat(oppose).isPositive();
        assertThat(result.statistics().get("sign_agreement")).isCloseTo(
                0.5 * ((double) supportAgrees / support + (double) opposeAgrees / oppose), within(1e-12));
    }

    @Test
    void relevance_spread_over_every_other_word_fails_the_sentence_mass_threshold_of_one_half() {
        Explainer spread = lookup("truth-plus-context", s -> {
            double[] r = truth(s);
            for (int t = 0; t < r.length; t++) {
                r[t] = r[t] == 0 ? 1 : r[t];
            }
            return r;
        });
        CheckResult result = run(spread, Check.RELEVANT_MASS);

        assertThat(result.threshold()).isEqualTo(Thresholds.DEFAULT_SENTENCE_MASS);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).contains("lies on the label-deciding words").doesNotContain("operand");
    }

    @Test
    void an_explanation_of_the_input_alone_fails_model_randomization_on_the_bilstm_and_lrp_all_passes() {
        Explainer inputNorm = new Explainer() {
            @Override
            public String id() {
                return "input-norm";
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                double[] r = new double[input.length()];
                for (int t = 0; t < r.length; t++) {
                    for (int d = 0; d < input.dim(); d++) {
                        r[t] += input.get(t, d) * input.get(t, d);
                    }
                }
                return Relevance.perStep(r);
            }
        };
        SanitySettings few = SETTINGS.withSamples(40).withProbeSamples(40);
        CheckResult copying = SanityChecks.evaluate(Check.MODEL_RANDOMIZATION,
                SanityChecks.explain(inputNorm, TASK, few), few);
        CheckResult lrp = SanityChecks.evaluate(Check.MODEL_RANDOMIZATION,
                SanityChecks.explain(TASK.builtIn("lrp-all"), TASK, few), few);

        assertThat(copying.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(copying.statisticValue()).isEqualTo(1.0);
        assertThat(lrp.verdict()).isEqualTo(Verdict.PASS);
    }

    /** Leave one word out: R_t = f_c(x) − f_c(x without word t), the model's own use of each word. */
    private static final Explainer LEAVE_ONE_OUT = new Explainer() {
        @Override
        public String id() {
            return "leave-one-out";
        }

        @Override
        public Relevance explain(RecurrentModel model, Sequence input, int target) {
            double fx = model.predict(input)[target];
            double[] r = new double[input.length()];
            for (int t = 0; t < r.length && input.length() > 1; t++) {
                r[t] = fx - model.predict(PerturbationSelectivityCheck.withoutSteps(input, new int[] {t}, 1))[target];
            }
            return Relevance.perStep(r);
        }
    };

    @Test
    void composition_patterns_are_judged_as_the_paper_reads_table_4() {
        assertThat(CompositionCheck.holds(Composition.NEGATED_POSITIVE, new double[] {2.5, -1.4})).isTrue();
        assertThat(CompositionCheck.holds(Composition.NEGATED_POSITIVE, new double[] {1.0, 1.5})).isFalse();
        assertThat(CompositionCheck.holds(Composition.NEGATED_POSITIVE, new double[] {-0.1, -0.5})).isFalse();
        assertThat(CompositionCheck.holds(Composition.NEGATED_AMPLIFIED_POSITIVE, new double[] {2.7, -0.3, -2.0}))
                .isTrue();
        assertThat(CompositionCheck.holds(Composition.AMPLIFIED_POSITIVE, new double[] {1.1, 4.5})).isTrue();
        assertThat(CompositionCheck.holds(Composition.AMPLIFIED_NEGATIVE, new double[] {-0.8, 4.3})).isFalse();
        assertThat(CompositionCheck.holds(Composition.AMPLIFIED_NEGATIVE, new double[] {0.0, 4.3})).isFalse();
    }

    @Test
    void composition_equals_a_direct_count_on_the_models_own_compositions_and_passes_leave_one_out() {
        SanitySettings few = SETTINGS.withSamples(10).withProbeSamples(60);
        CheckResult result = SanityChecks.evaluate(Check.COMPOSITION,
                SanityChecks.explain(LEAVE_ONE_OUT, TASK, few), few);

        SentenceModel model = ModelZoo.bundled().sentiment().model();
        CompositionSamples selected = CompositionSamples.select(model::predict, model.vocabulary(),
                ModifierWords.english());
        double sum = 0;
        int types = 0;
        for (Composition c : Composition.values()) {
            List<List<String>> samples = selected.samples(c).samples();
            samples = samples.subList(0, Math.min(60, samples.size()));
            if (samples.isEmpty()) {
                continue;
            }
            int holds = 0;
            for (List<String> words : samples) {
                holds += CompositionCheck.holds(c, LEAVE_ONE_OUT.explain(model.lstm(), model.embed(words),
                        c.predicted()).toArray()) ? 1 : 0;
            }
            sum += (double) holds / samples.size();
            types++;
        }
        assertThat(types).isEqualTo(4);
        assertThat(result.statistics().get("composition")).isCloseTo(sum / types, within(1e-12));
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void composition_fails_sign_flipped_and_random_relevance_and_does_not_exist_on_the_toy_tasks() {
        SanitySettings few = SETTINGS.withSamples(10).withProbeSamples(60);
        CheckResult flipped = SanityChecks.evaluate(Check.COMPOSITION,
                SanityChecks.explain(flipped(LEAVE_ONE_OUT), TASK, few), few);
        CheckResult random = SanityChecks.evaluate(Check.COMPOSITION, SanityChecks.explain(RANDOM, TASK, few), few);

        assertThat(flipped.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(flipped.message()).contains("negated-positive").contains("a coin scores 0.5")
                .doesNotContain("operand");
        assertThat(random.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(Check.COMPOSITION.existsOn(TASK)).isTrue();
        assertThat(Check.COMPOSITION.existsOn(dev.explainunit.task.Tasks.byId("addition"))).isFalse();
        assertThat(SanityChecks.orderedChecks(SanitySettings.defaults(), dev.explainunit.task.Tasks.byId("addition")))
                .doesNotContain(Check.COMPOSITION).hasSize(6);
    }

    @Test
    void each_check_is_bound_to_the_form_of_the_kind_its_task_declares() {
        Task toy = dev.explainunit.task.Tasks.byId("addition");
        assertThat(TASK.kind()).isEqualTo(dev.explainunit.task.TaskKind.SENTENCE_CLASSIFIER);
        assertThat(toy.kind()).isEqualTo(dev.explainunit.task.TaskKind.SEQUENCES);
        assertThat(Check.GROUND_TRUTH_CORRELATION.on(TASK)).containsInstanceOf(SignAgreementCheck.class);
        assertThat(Check.GROUND_TRUTH_CORRELATION.on(toy)).containsInstanceOf(GroundTruthCorrelationCheck.class);
        assertThat(Check.RELEVANT_MASS.on(TASK)).containsInstanceOf(SentenceMassCheck.class);
        assertThat(Check.PERTURBATION_SELECTIVITY.on(TASK)).containsInstanceOf(WordDeletionSelectivityCheck.class);
        assertThat(Check.PERTURBATION_SELECTIVITY.needs(TASK)).isEqualTo(dev.explainunit.task.GroundTruthKind.NONE);
        assertThat(Check.PERTURBATION_SELECTIVITY.needs(toy))
                .isEqualTo(dev.explainunit.task.GroundTruthKind.POSITIONS);
    }

    @Test
    void each_sentence_form_reads_a_threshold_of_its_own() {
        Thresholds defaults = Thresholds.defaults();
        assertThat(defaults.sentenceMass()).isEqualTo(0.5);
        assertThat(defaults.signAgreement()).isEqualTo(0.75);
        assertThat(defaults.wordDeletion()).isEqualTo(50);
        assertThat(defaults.composition()).isEqualTo(0.75);
        Thresholds loose = defaults.withSentenceMass(0.1);
        assertThat(new SentenceMassCheck(TASK.words()).threshold(loose)).isEqualTo(0.1);
        assertThat(new RelevantMassCheck(TASK.words()).threshold(loose)).isEqualTo(0.9);
    }
}
