package dev.explainunit.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmDirection;
import dev.explainunit.toy.ForwardPassMse;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BundledZooTest {

    @ParameterizedTest
    @EnumSource(ToyTask.class)
    void every_bundled_model_has_validation_and_test_mse_below_1e4_on_regenerated_data(ToyTask task) {
        ModelZoo zoo = ModelZoo.bundled();
        long dataSeed = zoo.index(task).orElseThrow().dataSeed();
        List<ToySample> validation = ToyData.generate(task, Split.VALIDATION, dataSeed);
        List<ToySample> test = ToyData.generate(task, Split.TEST, dataSeed);
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
    @EnumSource(ToyTask.class)
    void every_bundled_model_solves_fresh_test_data_it_was_never_selected_on(ToyTask task) {
        List<ToySample> fresh = ToyData.generate(task, Split.TEST, 1000, 987_654_321L);
        for (ZooModel m : ModelZoo.bundled().models(task)) {
            assertThat(ForwardPassMse.of(m.model(), fresh)).as("%s", m.id()).isLessThan(1e-4);
        }
    }

    @ParameterizedTest
    @EnumSource(ToyTask.class)
    void bundled_models_are_single_unit_lstms_with_17_parameters_and_unique_ids(ToyTask task) {
        List<ZooModel> models = ModelZoo.bundled().models(task);
        assertThat(models).extracting(ZooModel::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith(task.id() + "-"));
        assertThat(models).extracting(ZooModel::seed).doesNotHaveDuplicates();
        for (ZooModel m : models) {
            Lstm lstm = m.model();
            assertThat(m.task()).isEqualTo(task);
            assertThat(lstm.isBidirectional()).isFalse();
            assertThat(lstm.hiddenSize()).isEqualTo(1);
            assertThat(lstm.inputSize()).isEqualTo(2);
            assertThat(lstm.outputSize()).isEqualTo(1);
            assertThat(lstm.hasFcBias()).isFalse();
            LstmDirection w = lstm.forwardDirection();
            for (int j = 0; j < 4; j++) {
                assertThat(w.biasHh(j)).as("one trained bias vector, kept in bias_ih").isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ToyTask.class)
    void index_records_the_convergence_rate_of_the_run(ToyTask task) {
        ZooIndex index = ModelZoo.bundled().index(task).orElseThrow();
        assertThat(index.task()).isEqualTo(task.id());
        assertThat(index.modelsKept()).isEqualTo(50).isEqualTo(index.models().size());
        assertThat(index.seedsTried()).isGreaterThanOrEqualTo(50);
        assertThat(index.convergenceRate()).isCloseTo(50.0 / index.seedsTried(), within(1e-12));
        assertThat(index.totalEvaluations()).isGreaterThanOrEqualTo(
                index.models().stream().mapToLong(ZooIndex.Entry::evaluations).sum());
        assertThat(ModelZoo.bundled()).isSameAs(ModelZoo.bundled());
    }
}
