package dev.explainunit.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.composition.Composition;
import dev.explainunit.composition.ModifierWords;
import dev.explainunit.deletion.DeletionCurve;
import dev.explainunit.deletion.Table3;
import dev.explainunit.checks.ModelPasses;
import dev.explainunit.deletion.SentencePasses;
import dev.explainunit.deletion.WordDeletion;
import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.explainers.LrpExplainer;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentExperimentsTest {

    @Test
    void all_ten_built_in_methods_run_through_every_experiment_on_a_small_five_class_model() {
        SentenceModel model = TinySentenceModels.model(21, 3, 3, 5, true, 2.0);
        List<SentenceRecord> test = TinySentenceModels.corpus(22, 60, 5);
        SentimentResults results = SentimentExperiments.run(model, test, ModifierWords.english(),
                SentimentExperiments.builtIns(), SentimentSettings.defaults().withThreads(2).withRandomDraws(4));

        List<String> methods = new ArrayList<>(List.of("random"));
        methods.addAll(BuiltInExplainers.ids());
        assertThat(results.table3().decreasing().keySet()).containsExactlyInAnyOrderElementsOf(methods);
        assertThat(results.table3().decreasing().get("random")).isEqualTo(0.0);
        assertThat(results.table3().decreasing().get("occlusion-p-diff")).isCloseTo(100.0, within(1e-9));
        for (DeletionCurve c : results.table3().accuracy().values()) {
            assertThat(c.decreasing()[0]).isEqualTo(100.0);
            assertThat(c.increasing()[0]).isEqualTo(0.0);
        }
        for (Composition c : Composition.values()) {
            assertThat(results.table4().get(c).keySet()).containsExactlyElementsOf(BuiltInExplainers.ids());
            assertThat(results.table4().get(c).get("lrp-all").words()).isEqualTo(c.words());
            assertThat(results.table4().get(c).get("lrp-all").samples())
                    .isEqualTo(results.compositions().samples(c).samples().size());
        }
        assertThat(results.figure1().keySet()).contains("avg", "lrp-ht").containsAll(BuiltInExplainers.ids());
        for (Projection p : results.figure1().values()) {
            assertThat(p.x()).hasSize(test.size());
            assertThat(p.explained()[0] + p.explained()[1]).isBetween(0.0, 100.0 + 1e-9);
        }
        assertThat(results.table5()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.predicted()).isNotEqualTo(m.label());
            assertThat(m.relevance().keySet()).containsExactlyElementsOf(BuiltInExplainers.ids());
        });
        assertThat(results.nanos()).containsKeys("total", "classify", "explain:lrp-all", "table3:deletion", "table4:select");
    }

    @Test
    void results_are_identical_for_any_thread_count_and_batch_size() {
        SentenceModel model = TinySentenceModels.model(21, 3, 3, 5, true, 2.0);
        List<SentenceRecord> test = TinySentenceModels.corpus(22, 70, 5);
        SentimentSettings settings = SentimentSettings.defaults().withRandomDraws(3);
        SentimentResults one = SentimentExperiments.run(model, test, ModifierWords.english(),
                SentimentExperiments.builtIns(), settings.withThreads(1).withBatch(256));
        for (SentimentSettings other : List.of(settings.withThreads(2).withBatch(7), settings.withThreads(3).withBatch(1))) {
            SentimentResults r = SentimentExperiments.run(model, test, ModifierWords.english(),
                    SentimentExperiments.builtIns(), other);
            assertThat(r.table3()).as("threads %d, batch %d", other.threads(), other.batch()).isEqualTo(one.table3());
            assertThat(r.table4()).isEqualTo(one.table4());
            for (String representation : one.figure1().keySet()) {
                assertThat(r.figure1().get(representation).explained())
                        .isEqualTo(one.figure1().get(representation).explained());
                assertThat(r.figure1().get(representation).x()).isEqualTo(one.figure1().get(representation).x());
            }
            assertThat(r.table5()).hasSameSizeAs(one.table5());
            for (int i = 0; i < one.table5().size(); i++) {
                assertThat(r.table5().get(i).index()).isEqualTo(one.table5().get(i).index());
                assertThat(r.table5().get(i).relevance().get("lrp-all"))
                        .isEqualTo(one.table5().get(i).relevance().get("lrp-all"));
            }
        }
    }

    @Test
    void streamed_tables_3_and_5_equal_word_deletion_and_the_ranking_on_the_whole_test_set_in_memory() {
        SentenceModel model = TinySentenceModels.model(21, 3, 3, 5, true, 2.0);
        List<SentenceRecord> test = TinySentenceModels.corpus(23, 90, 5);
        List<Explainer> methods = List.of(BuiltInExplainers.create("gradient-x-input"),
                BuiltInExplainers.create("occlusion-p-diff"));
        SentimentResults streamed = SentimentExperiments.run(model, test, ModifierWords.english(), methods,
                SentimentSettings.defaults().withThreads(2).withBatch(4).withRandomDraws(5));

        WordDeletion deletion = WordDeletion.of(model, test, SentencePasses.sequential());
        List<DeletionCurve> curves = new ArrayList<>();
        for (Explainer e : methods) {
            List<Relevance> relevances = new ArrayList<>();
            for (SentenceRecord s : deletion.sentences()) {
                relevances.add(e.explain(model.lstm(), model.embed(s.tokens()), s.label()));
            }
            curves.add(deletion.curve(e.id(), relevances));
        }
        Table3 inMemory = Table3.of(curves, deletion.random(5, SentimentSettings.DEFAULT_SEED));
        assertThat(streamed.table3()).isEqualTo(inMemory);

        List<MisclassifiedSentence> ranked = Misclassifications.mostConfident(model, test,
                SentimentSettings.DEFAULT_MISCLASSIFIED, 1);
        assertThat(streamed.table5()).extracting(MisclassifiedSentence::index)
                .containsExactlyElementsOf(ranked.stream().map(MisclassifiedSentence::index).toList());
        assertThat(streamed.table5()).extracting(MisclassifiedSentence::probability)
                .containsExactlyElementsOf(ranked.stream().map(MisclassifiedSentence::probability).toList());
    }

    @Test
    void figure_1_projects_the_first_sentences_only_when_capped() {
        SentenceModel model = TinySentenceModels.model(21, 3, 3, 5, true, 2.0);
        List<SentenceRecord> test = TinySentenceModels.corpus(22, 40, 5);
        SentimentResults capped = SentimentExperiments.run(model, test, ModifierWords.english(),
                List.of(BuiltInExplainers.create("gradient")),
                SentimentSettings.defaults().withThreads(2).withBatch(16).withFigureSentences(25));
        SentimentResults first = SentimentExperiments.run(model, test.subList(0, 25), ModifierWords.english(),
                List.of(BuiltInExplainers.create("gradient")), SentimentSettings.defaults().withThreads(1));
        assertThat(capped.sentences()).isEqualTo(40);
        for (String representation : first.figure1().keySet()) {
            assertThat(capped.figure1().get(representation).x()).isEqualTo(first.figure1().get(representation).x());
        }
    }

    @Test
    void progress_hears_every_test_sentence_then_every_methods_compositions() {
        SentenceModel model = TinySentenceModels.model(21, 3, 3, 5, true, 2.0);
        List<SentenceRecord> test = TinySentenceModels.corpus(22, 45, 5);
        java.util.Map<String, long[]> stages = new java.util.LinkedHashMap<>();
        SentimentProgress progress = new SentimentProgress() {
            private long[] current;

            @Override
            public void stage(String name, long total) {
                current = new long[] {total, 0};
                stages.put(name, current);
            }

            @Override
            public void advance(long units) {
                current[1] += units;
            }
        };
        SentimentExperiments.run(model, test, test.size(), ModifierWords.english(),
                List.of(BuiltInExplainers.create("gradient")), SentimentSettings.defaults().withThreads(2).withBatch(10),
                progress);
        assertThat(stages.keySet()).containsExactly("test sentences", "compositions");
        assertThat(stages.get("test sentences")).containsExactly(45, 45);
        // gradient and the added reference occlusion-p-diff, four compositions each
        assertThat(stages.get("compositions")).containsExactly(8, 8);
    }

    @Test
    void a_stream_of_sentences_is_read_a_batch_ahead_of_the_work_at_most() {
        SentenceModel model = TinySentenceModels.model(21, 3, 3, 5, true, 2.0);
        List<SentenceRecord> pool = TinySentenceModels.corpus(24, 50, 5);
        int count = 3000;
        int batch = 64;
        long[] read = {0};
        long[] done = {0};
        long[] mostAhead = {0};
        Iterable<SentenceRecord> stream = () -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return read[0] < count;
            }

            @Override
            public SentenceRecord next() {
                mostAhead[0] = Math.max(mostAhead[0], ++read[0] - done[0]);
                return pool.get((int) (read[0] % pool.size()));
            }
        };
        SentimentProgress progress = new SentimentProgress() {
            @Override
            public void stage(String name, long total) {
            }

            @Override
            public void advance(long units) {
                done[0] += units;
            }
        };
        SentimentResults results = SentimentExperiments.run(model, stream, -1, ModifierWords.english(),
                List.of(BuiltInExplainers.create("gradient")),
                SentimentSettings.defaults().withThreads(2).withBatch(batch).withFigureSentences(100), progress);

        assertThat(results.sentences()).isEqualTo(count);
        assertThat(mostAhead[0]).as("sentences read but not yet done").isEqualTo(batch);
        assertThat(results.figure1().get("gradient").x()).hasSize(100);
        assertThat(results.table5()).hasSize(SentimentSettings.DEFAULT_MISCLASSIFIED);
    }

    @Test
    void the_built_ins_use_the_papers_sentiment_lrp_setting() {
        for (var e : SentimentExperiments.builtIns()) {
            if (e instanceof LrpExplainer lrp) {
                assertThat(lrp.eps()).isEqualTo(lrp.id().equals("lrp-prop") ? 0.2 : 0.001);
                assertThat(lrp.biasFactor()).isZero();
            }
        }
    }

    @Test
    void occlusion_p_diff_is_added_as_table_3s_reference_when_the_list_lacks_it() {
        SentenceModel model = TinySentenceModels.model(21, 3, 3, 5, true, 2.0);
        List<SentenceRecord> test = TinySentenceModels.corpus(22, 30, 5);
        SentimentResults results = SentimentExperiments.run(model, test, ModifierWords.english(),
                List.of(BuiltInExplainers.create("gradient")), SentimentSettings.defaults().withThreads(1));
        assertThat(results.table3().decreasing().keySet()).containsExactly("random", "gradient", "occlusion-p-diff");
    }

    @Test
    void an_explainer_with_non_finite_relevance_is_left_out_with_the_reason_and_the_others_stand() {
        Explainer nan = new Explainer() {
            @Override
            public String id() {
                return "nan-explainer";
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                double[] r = new double[input.length()];
                java.util.Arrays.fill(r, Double.NaN);
                return Relevance.perStep(r);
            }
        };
        SentenceModel model = TinySentenceModels.model(21, 3, 3, 5, true, 2.0);
        List<SentenceRecord> test = TinySentenceModels.corpus(22, 30, 5);
        SentimentResults results = SentimentExperiments.run(model, test, ModifierWords.english(),
                List.of(nan, BuiltInExplainers.create("gradient")), SentimentSettings.defaults().withThreads(1));
        assertThat(results.skipped()).containsOnlyKeys("nan-explainer");
        assertThat(results.skipped().get("nan-explainer")).contains("explainer [nan-explainer] returned a non-finite"
                + " relevance (NaN) at step 0 (sentence 0 [");
        assertThat(results.table3().decreasing()).containsOnlyKeys("random", "gradient", "occlusion-p-diff");
        assertThat(results.figure1()).doesNotContainKey("nan-explainer");
        assertThat(results.table4().get(Composition.NEGATED_POSITIVE)).doesNotContainKey("nan-explainer");
    }

    @Test
    void table_4_is_empty_with_the_reason_for_a_model_without_five_classes() {
        SentenceModel model = TinySentenceModels.model(21, 3, 3, 3, true, 2.0);
        List<SentenceRecord> test = TinySentenceModels.corpus(22, 30, 3);
        SentimentResults results = SentimentExperiments.run(model, test, ModifierWords.english(),
                List.of(BuiltInExplainers.create("gradient")), SentimentSettings.defaults().withThreads(1));
        assertThat(results.table4()).isEmpty();
        assertThat(results.table4Reason()).contains("[3] classes");
    }

    @Test
    void table_4_without_any_sample_says_why_in_the_results() {
        // a five-class model that calls every word and n-gram very negative: no modifier is neutral alone
        SentenceModel tiny = TinySentenceModels.model(21, 3, 3, 5, true, 2.0);
        org.ejml.data.DMatrixRMaj bias = new org.ejml.data.DMatrixRMaj(5, 1);
        bias.set(0, 0, 1e6);
        dev.explainunit.model.RecurrentNetwork lstm = tiny.lstm();
        SentenceModel negative = new SentenceModel(tiny.embeddingWeight(), new dev.explainunit.model.RecurrentNetwork(
                lstm.layers(), lstm.fcWeight(), bias), tiny.vocabulary());
        SentimentResults results = SentimentExperiments.run(negative, TinySentenceModels.corpus(22, 30, 5),
                ModifierWords.english(), List.of(BuiltInExplainers.create("gradient")),
                SentimentSettings.defaults().withThreads(1));

        assertThat(results.table4().values()).allSatisfy(byMethod -> assertThat(byMethod.values())
                .allSatisfy(cell -> assertThat(cell.samples()).isZero()));
        assertThat(results.table4Reason()).contains("n = 0").contains("neutral");
    }
}
