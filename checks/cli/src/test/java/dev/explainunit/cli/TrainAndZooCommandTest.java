package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.ModelZoo;
import dev.explainunit.zoo.ZooIndex;
import dev.explainunit.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainAndZooCommandTest {

    @TempDir
    Path dir;

    private static void assertOneLineUsageError(CommandRun run, String culprit) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains(culprit).startsWith("explainunit:");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void train_refuses_an_unknown_task_naming_it() {
        assertOneLineUsageError(CommandRun.of("train", "--task", "multiplication", "--models", "1", "--out",
                dir.toString()), "multiplication");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3"})
    void train_refuses_a_model_count_below_one(String models) {
        assertOneLineUsageError(
                CommandRun.of("train", "--task", "addition", "--models", models, "--out", dir.toString()), "--models");
    }

    @Test
    void train_refuses_missing_options_and_non_numbers() {
        assertOneLineUsageError(CommandRun.of("train", "--task", "addition", "--models", "1"), "--out");
        assertOneLineUsageError(CommandRun.of("train", "--task", "addition", "--models", "many", "--out", "x"), "many");
        assertOneLineUsageError(
                CommandRun.of("train", "--task", "addition", "--models", "1", "--out", "x", "--stop-at", "0"),
                "--stop-at");
    }

    @Test
    void train_refuses_an_output_path_that_is_a_file() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertOneLineUsageError(CommandRun.of("train", "--task", "addition", "--models", "1", "--out", file.toString()),
                file.toString());
    }

    @Test
    void train_refuses_an_output_directory_that_cannot_be_created_before_training() throws IOException {
        Path below = Files.writeString(dir.resolve("taken"), "x").resolve("models");
        CommandRun run = CommandRun.of("train", "--task", "addition", "--models", "1", "--out", below.toString(),
                "--threads", "1");
        assertOneLineUsageError(run, "--out " + below);
        assertThat(run.err()).contains("cannot be written");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void zoo_export_refuses_a_directory_that_cannot_be_created() throws IOException {
        Path below = Files.writeString(dir.resolve("taken"), "x").resolve("models");
        CommandRun run = CommandRun.of("zoo", "export", "--task", "addition", "--dir", below.toString());
        assertOneLineUsageError(run, "--dir " + below);
        assertThat(run.err()).contains("cannot be written");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void zoo_export_refuses_a_directory_that_is_a_file() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertOneLineUsageError(CommandRun.of("zoo", "export", "--task", "addition", "--dir", file.toString()),
                "--dir " + file);
    }

    @Test
    void zoo_export_refuses_an_unknown_task_and_a_missing_task() {
        assertOneLineUsageError(CommandRun.of("zoo", "export", "--task", "division", "--dir", dir.toString()),
                "division");
        assertOneLineUsageError(CommandRun.of("zoo", "export", "--dir", dir.toString()), "--task");
        assertOneLineUsageError(CommandRun.of("zoo"), "subcommand");
    }

    @Test
    void zoo_list_prints_every_bundled_model_with_its_metrics() {
        CommandRun run = CommandRun.of("zoo", "list");
        assertThat(run.exitCode()).isZero();
        for (ZooModel m : ModelZoo.bundled().models()) {
            assertThat(run.out()).contains(m.id());
        }
        assertThat(run.out()).contains("convergence rate").contains("test MSE");
    }

    @Test
    void zoo_export_writes_models_that_load_back_identically() throws IOException {
        Path out = dir.resolve("exported");
        CommandRun run = CommandRun.of("zoo", "export", "--task", "subtraction", "--dir", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<ZooModel> bundled = ModelZoo.bundled().models(ToyTask.SUBTRACTION);
        List<ZooModel> exported = ModelZoo.load(out).models(ToyTask.SUBTRACTION);
        assertThat(exported).extracting(ZooModel::id).containsExactlyElementsOf(
                bundled.stream().map(ZooModel::id).toList());
        for (int k = 0; k < bundled.size(); k++) {
            assertThat(exported.get(k).model().forwardDirection().weightIh().data)
                    .containsExactly(bundled.get(k).model().forwardDirection().weightIh().data);
            assertThat(exported.get(k).testMse()).isEqualTo(bundled.get(k).testMse());
        }
    }

    @Test
    void train_writes_the_converged_models_and_an_index() throws IOException {
        Path out = dir.resolve("trained");
        CommandRun run = CommandRun.of("train", "--task", "subtraction", "--models", "1", "--out", out.toString(),
                "--seed", "3", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kept 1 of");
        ModelZoo trained = ModelZoo.load(out);
        ZooModel model = trained.models(ToyTask.SUBTRACTION).get(0);
        assertThat(model.id()).isEqualTo("subtraction-01");
        assertThat(model.validationMse()).isLessThan(1e-4);
        ZooIndex index = trained.index(ToyTask.SUBTRACTION).orElseThrow();
        assertThat(index.dataSeed()).isEqualTo(3);
        assertThat(index.modelsKept()).isEqualTo(1);
        assertThat(model.seed()).isGreaterThanOrEqualTo(3);
    }
}
