package dev.explainunit.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.task.Tasks;
import dev.explainunit.toy.ForwardPassMse;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.toy.ToyTask;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BundledZooTest {

    static Stream<String> tasks() {
        return ModelZoo.BUNDLED_TASKS.stream();
    }

    /** The data of the task with this id (the -gru and -lstm2 tasks share addition's and subtraction's). */
    private static ToyTask arithmetic(String task) {
        return ((ToyArithmeticTask) Tasks.byId(task)).arithmetic();
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void every_bundled_model_has_validation_and_test_mse_below_1e4_on_regenerated_data(String task) {
        ModelZoo zoo = ModelZoo.bundled();
        long dataSeed = zoo.index(task).orElseThrow().dataSeed();
        List<ToySample> validation = ToyData.generate(arithmetic(task), Split.VALIDATION, dataSeed);
        List<ToySample> test = ToyData.generate(arithmetic(task), Split.TEST, dataSeed);
        assertThat(zoo.models(task)).hasSize(50);
        for (ZooModel m : zoo.models(task)) {
            double validationMse = ForwardPassMse.of(m.model(), validation);
            double testMse = ForwardPassMse.of(m.model(), test);
            assertThat(validationMse).as("%s validation MSE", m.id()).isLessThan(1e-4)
                    .isCloseTo(m.validationMse(), within(1e-12));
            assertThat(testMse).as("%s test MSE", m.id()).isLessThan(1e-4)
                    .isCloseTo(m.testMse(), within(1e-12));
        }
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void every_bundled_model_solves_fresh_test_data_it_was_never_selected_on(String task) {
        List<ToySample> fresh = ToyData.generate(arithmetic(task), Split.TEST, 1000, 987_654_321L);
        for (ZooModel m : ModelZoo.bundled().models(task)) {
            assertThat(ForwardPassMse.of(m.model(), fresh)).as("%s", m.id()).isLessThan(1e-4);
        }
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void bundled_models_have_the_architecture_of_their_index_and_task_and_unique_ids(String task) {
        ZooIndex index = ModelZoo.bundled().index(task).orElseThrow();
        Architecture architecture = index.architecture();
        assertThat(architecture).isEqualTo(((ToyArithmeticTask) Tasks.byId(task)).architecture());
        List<ZooModel> models = ModelZoo.bundled().models(task);
        assertThat(models).extracting(ZooModel::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches(task + "-\\d\\d"));
        assertThat(models).extracting(ZooModel::seed).doesNotHaveDuplicates();
        for (ZooModel m : models) {
            RecurrentNetwork network = m.model();
            assertThat(m.task()).isEqualTo(task);
            assertThat(architecture.matches(network)).as("%s is a %s", m.id(), architecture.describe()).isTrue();
            assertThat(network.inputSize()).isEqualTo(2);
            int rows = architecture.cellKind().gates() * architecture.hidden();
            for (int k = 0; k < network.layerCount(); k++) {
                DirectionWeights w = network.layer(k).forward();
                for (int j = 0; j < rows; j++) {
                    boolean candidate = architecture.cellKind() == CellKind.GRU && j >= 2 * architecture.hidden();
                    if (!candidate) {
                        assertThat(w.biasHh(j)).as("%s: one trained bias per gate row, kept in bias_ih", m.id())
                                .isZero();
                    }
                }
            }
        }
    }

    @Test
    void the_papers_zoos_are_single_unit_lstms_with_17_parameters() {
        for (String task : List.of("addition", "subtraction")) {
            assertThat(ModelZoo.bundled().architecture(task)).contains(Architecture.PAPER);
            for (ZooModel m : ModelZoo.bundled().models(task)) {
                assertThat(m.model().parameterCount() - 4).as("bias_hh is zero").isEqualTo(17);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void index_records_the_convergence_rate_of_the_run(String task) {
        ZooIndex index = ModelZoo.bundled().index(task).orElseThrow();
        assertThat(index.task()).isEqualTo(task);
        assertThat(index.modelsKept()).isEqualTo(50).isEqualTo(index.models().size());
        assertThat(index.models()).extracting(ZooIndex.Entry::file)
                .allSatisfy(file -> assertThat(file).matches(task + "-\\d\\d\\.safetensors"));
        assertThat(index.seedsTried()).isGreaterThanOrEqualTo(50);
        assertThat(index.convergenceRate()).isCloseTo(50.0 / index.seedsTried(), within(1e-12));
        assertThat(index.totalEvaluations()).isGreaterThanOrEqualTo(
                index.models().stream().mapToLong(ZooIndex.Entry::evaluations).sum());
        assertThat(ModelZoo.bundled()).isSameAs(ModelZoo.bundled());
        assertThat(ModelZoo.bundled().tasks()).containsExactlyElementsOf(ModelZoo.BUNDLED_TASKS);
    }
}
