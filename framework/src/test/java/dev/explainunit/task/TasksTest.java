package dev.explainunit.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.Sequence;
import dev.explainunit.model.CellKind;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.SubtractionTask;
import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.Architecture;
import dev.explainunit.zoo.ModelZoo;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void the_toy_tasks_are_found_by_id_through_the_service_loader() {
        assertThat(Tasks.all()).containsKeys("addition", "subtraction", "addition-gru", "subtraction-gru",
                "addition-lstm2", "subtraction-lstm2");
        assertThat(Tasks.byId(" Subtraction ")).isInstanceOf(SubtractionTask.class);
        assertThat(Tasks.byId("addition").models()).hasSize(50);
    }

    /** The -gru and -lstm2 tasks: the data and ground truth of addition and subtraction, other models. */
    @Test
    void the_gru_and_two_layer_lstm_tasks_share_the_papers_data_and_have_their_own_models() {
        for (String id : List.of("addition-gru", "subtraction-gru", "addition-lstm2", "subtraction-lstm2")) {
            ToyArithmeticTask task = (ToyArithmeticTask) Tasks.byId(id);
            Task paper = Tasks.byId(task.arithmetic().id());
            assertThat(task.id()).isEqualTo(id);
            assertThat(task.samples(3, 20)).isEqualTo(paper.samples(3, 20));
            assertThat(task.groundTruth()).isEqualTo(GroundTruthKind.COMPLETE);
            assertThat(task.description()).startsWith(paper.description())
                    .contains(id.endsWith("gru") ? "GRU" : "LSTM");
            assertThat(task.architecture()).isEqualTo(ModelZoo.bundled().architecture(id).orElseThrow());
            assertThat(task.architecture().cellKind())
                    .isEqualTo(id.endsWith("gru") ? CellKind.GRU : CellKind.LSTM);
            assertThat(task.architecture().layers()).isEqualTo(id.endsWith("lstm2") ? 2 : 1);
            assertThat(task.models()).hasSize(50).allSatisfy(m -> {
                assertThat(m.id()).startsWith(id + "-");
                assertThat(task.architecture().matches(m.model())).isTrue();
            });
            assertThat(task.builtIn("lrp-all").id()).isEqualTo(paper.builtIn("lrp-all").id());
        }
        assertThat(((ToyArithmeticTask) Tasks.byId("addition")).architecture()).isEqualTo(Architecture.PAPER);
    }

    @Test
    void an_unknown_task_id_is_refused_naming_the_known_ones() {
        assertThatThrownBy(() -> Tasks.byId("multiplication"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown task [multiplication]")
                .hasMessageContaining("addition, subtraction");
    }

    @Test
    void toy_samples_carry_the_operands_as_complete_ground_truth_with_the_sign_they_enter_y_with() {
        Task subtraction = Tasks.byId("subtraction");
        List<Sample> samples = subtraction.samples(7, 100);
        List<ToySample> toy = ToyData.generate(ToyTask.SUBTRACTION, Split.TEST, 100, 7);
        assertThat(subtraction.groundTruth()).isEqualTo(GroundTruthKind.COMPLETE);
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            ToySample t = toy.get(i);
            assertThat(s.input()).isEqualTo(t.sequence());
            assertThat(s.target()).isZero();
            GroundTruth.Relevant a = s.truth().role("a").orElseThrow();
            GroundTruth.Relevant b = s.truth().role("b").orElseThrow();
            assertThat(a.position()).isEqualTo(t.a());
            assertThat(b.position()).isEqualTo(t.b());
            // complete: the signed contributions add up to y exactly
            assertThat(a.contribution() + b.contribution()).isEqualTo(s.y());
            assertThat(b.sign()).isEqualTo(-1);
        }
    }

    @Test
    void generated_toy_samples_are_valid_task_samples_and_the_lowest_draws_give_the_simplest_one() {
        SampleGenerator generator = Tasks.byId("addition").generator().orElseThrow();
        SplittableRandom random = new SplittableRandom(1);
        for (int k = 0; k < 500; k++) {
            Sample s = generator.generate((min, max) -> min + random.nextInt(max - min + 1));
            double[] contributions = s.truth().relevant().stream().mapToDouble(GroundTruth.Relevant::contribution)
                    .toArray();
            assertThat(contributions[0] + contributions[1]).isEqualTo(s.y());
            assertThat(s.length()).isBetween(3, 14);
        }
        Sample simplest = generator.generate((min, max) -> min);
        assertThat(simplest.length()).isEqualTo(3);
        assertThat(simplest.truth().relevant()).extracting(GroundTruth.Relevant::position).containsExactly(0, 1);
        assertThat(simplest.input().get(0, 0)).isEqualTo(0.5);
        assertThat(simplest.input().get(2, 1)).isEqualTo(0.5);
    }

    @Test
    void ground_truth_and_samples_refuse_what_does_not_fit() {
        Sequence two = Sequence.of(new double[][] {{1}, {2}});
        assertThatThrownBy(() -> GroundTruth.of(new GroundTruth.Relevant(1, "a", 1, 1),
                new GroundTruth.Relevant(0, "b", 1, 1))).hasMessageContaining("must increase");
        assertThatThrownBy(() -> new GroundTruth.Relevant(0, "a", 1, 0.5)).hasMessageContaining("+1 or -1");
        assertThatThrownBy(() -> new Sample(two, 0, 0, GroundTruth.of(new GroundTruth.Relevant(2, "a", 1, 1)),
                List.of())).hasMessageContaining("beyond the input's 2 steps");
        assertThatThrownBy(() -> new Sample(two, 0, 0, null, List.of("only"))).hasMessageContaining(
                "1 tokens for an input of 2 steps");
        assertThat(GroundTruthKind.COMPLETE.provides(GroundTruthKind.POSITIONS)).isTrue();
        assertThat(GroundTruthKind.POSITIONS.provides(GroundTruthKind.CONTRIBUTIONS)).isFalse();
    }
}
