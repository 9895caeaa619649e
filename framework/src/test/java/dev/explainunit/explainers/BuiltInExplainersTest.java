package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkShape;
import dev.explainunit.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BuiltInExplainersTest {

    @Test
    void ids_come_in_the_documented_order() {
        assertThat(BuiltInExplainers.ids()).containsExactly("gradient", "gradient-x-input", "occlusion-f-diff",
                "occlusion-p-diff", "lrp-all", "lrp-prop", "lrp-abs", "lrp-half", "cd", "integrated-gradients");
    }

    @Test
    void every_id_creates_an_explainer_with_that_id() {
        for (String id : BuiltInExplainers.ids()) {
            assertThat(BuiltInExplainers.create(id).id()).isEqualTo(id);
            assertThat(BuiltInExplainers.create(id, 0.5, 1.0).id()).isEqualTo(id);
        }
    }

    @Test
    void lrp_settings_reach_the_lrp_explainers() {
        LrpExplainer lrp = (LrpExplainer) BuiltInExplainers.create("lrp-prop", 0.2, 1.0);
        assertThat(lrp.rule()).isEqualTo(LrpRule.PROP);
        assertThat(lrp.eps()).isEqualTo(0.2);
        assertThat(lrp.biasFactor()).isEqualTo(1.0);
        LrpExplainer defaults = (LrpExplainer) BuiltInExplainers.create("lrp-all");
        assertThat(defaults.eps()).isEqualTo(0.001);
        assertThat(defaults.biasFactor()).isEqualTo(0.0);
        assertThat(((IntegratedGradientsExplainer) BuiltInExplainers.create("integrated-gradients")).steps()).isEqualTo(50);
    }

    @Test
    void an_unknown_id_is_refused_with_the_list_of_valid_ids() {
        assertThatThrownBy(() -> BuiltInExplainers.create("lrp-everything"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[lrp-everything]")
                .hasMessageContaining(String.join(", ", BuiltInExplainers.ids()));
    }

    @Test
    void no_built_in_is_registered_so_a_no_body_sanity_test_checks_only_the_users_explainers() {
        List<String> found = new ArrayList<>();
        for (Explainer explainer : ServiceLoader.load(Explainer.class)) {
            found.add(explainer.id());
        }
        assertThat(found).doesNotContainAnyElementsOf(BuiltInExplainers.ids());
    }

    @Test
    void each_task_decides_the_papers_lrp_setting_toy_tasks_eps_zero_others_the_sentiment_setting() {
        for (String id : List.of("lrp-all", "lrp-prop", "lrp-abs", "lrp-half")) {
            LrpExplainer toy = (LrpExplainer) dev.explainunit.task.Tasks.byId("addition").builtIn(id);
            assertThat(toy.eps()).as(id).isZero();
            assertThat(toy.biasFactor()).as(id).isZero();
            LrpExplainer real = (LrpExplainer) new dev.explainunit.task.Task() {
                public String id() { return "real"; }
                public String description() { return "a task without its own setting"; }
                public List<dev.explainunit.task.TaskModel> models() { return List.of(); }
                public List<dev.explainunit.task.Sample> samples(long seed, int count) { return List.of(); }
                public dev.explainunit.task.GroundTruthKind groundTruth() {
                    return dev.explainunit.task.GroundTruthKind.NONE;
                }
            }.builtIn(id);
            assertThat(real.eps()).as(id).isEqualTo(id.equals("lrp-prop") ? 0.2 : 0.001);
            assertThat(real.biasFactor()).as(id).isZero();
            assertThat(((LrpExplainer) BuiltInExplainers.create(id)).eps()).as(id).isEqualTo(0.001);
        }
    }

    /** The built-ins that support {@code model} (p-diff needs a classifier, CD an LSTM). */
    private static List<Explainer> applicable(RecurrentNetwork model) {
        List<Explainer> explainers = new ArrayList<>();
        for (String id : BuiltInExplainers.ids()) {
            Explainer explainer = BuiltInExplainers.create(id);
            if (explainer.supports(model)) {
                explainers.add(explainer);
            }
        }
        return explainers;
    }

    @Test
    void every_built_in_supports_every_model_but_p_diff_a_regression_and_cd_a_gru() {
        for (NetworkShape shape : TestModels.SHAPES) {
            RecurrentNetwork model = TestModels.random(shape, 903);
            List<String> unsupported = new ArrayList<>();
            for (String id : BuiltInExplainers.ids()) {
                if (!BuiltInExplainers.create(id).supports(model)) {
                    unsupported.add(id);
                }
            }
            List<String> expected = new ArrayList<>();
            if (shape.outputs() == 1) {
                expected.add("occlusion-p-diff");
            }
            if (shape.kind() == dev.explainunit.model.CellKind.GRU) {
                expected.add("cd");
            }
            assertThat(unsupported).as("%s", shape).isEqualTo(expected);
        }
    }

    @Test
    void every_built_in_returns_one_finite_value_per_step_deterministically() {
        for (NetworkShape shape : TestModels.SHAPES) {
            RecurrentNetwork model = TestModels.random(shape, 900);
            for (Explainer explainer : applicable(model)) {
                for (int length : new int[] {1, 2, 13}) {
                    Sequence x = TestModels.sequence(length, shape.inputs(), length);
                    Sequence copy = Sequence.of(x.toArray());
                    Relevance first = explainer.explain(model, x, shape.outputs() - 1);
                    Relevance second = explainer.explain(model, x, shape.outputs() - 1);
                    assertThat(first.length()).as("%s on %s", explainer, shape).isEqualTo(length);
                    for (int t = 0; t < length; t++) {
                        assertThat(first.step(t)).as("%s on %s", explainer, shape).isFinite();
                    }
                    assertThat(second).isEqualTo(first);
                    assertThat(x).isEqualTo(copy);
                }
            }
        }
    }

    @Test
    void explainers_shared_between_threads_give_the_same_results_as_alone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (NetworkShape shape : new NetworkShape[] {TestModels.SHAPES[2], TestModels.SHAPES[8]}) {
                checkSharedBetweenThreads(pool, shape);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkSharedBetweenThreads(ExecutorService pool, NetworkShape shape) throws Exception {
        RecurrentNetwork model = TestModels.random(shape, 901);
        List<Sequence> inputs = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            inputs.add(TestModels.sequence(1 + k % 15, shape.inputs(), k));
        }
        for (Explainer explainer : applicable(model)) {
            List<Relevance> alone = new ArrayList<>();
            for (Sequence x : inputs) {
                alone.add(explainer.explain(model, x, 1));
            }
            List<Future<List<Relevance>>> futures = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                futures.add(pool.submit(() -> {
                    List<Relevance> results = new ArrayList<>();
                    for (Sequence x : inputs) {
                        results.add(explainer.explain(model, x, 1));
                    }
                    return results;
                }));
            }
            for (Future<List<Relevance>> future : futures) {
                assertThat(future.get()).as("%s on %s", explainer, shape).isEqualTo(alone);
            }
        }
    }

    @Test
    void a_wrong_target_or_input_width_is_refused_naming_the_method() {
        RecurrentNetwork model = TestModels.random(TestModels.SHAPES[0], 902);
        for (String id : BuiltInExplainers.ids()) {
            Explainer explainer = BuiltInExplainers.create(id);
            assertThatThrownBy(() -> explainer.explain(model, TestModels.sequence(3, 2, 0), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id).hasMessageContaining("target 1");
            assertThatThrownBy(() -> explainer.explain(model, TestModels.sequence(3, 3, 0), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id).hasMessageContaining("3 values per step");
        }
    }
}
