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
        List<ZooModel> bundled = ModelZoo.bundled().models(ToyTask.SUBTRACTION.id());
        List<ZooModel> exported = ModelZoo.load(out).models(ToyTask.SUBTRACTION.id());
        assertThat(exported).extracting(ZooModel::id).containsExactlyElementsOf(
                bundled.stream().map(ZooModel::id).toList());
        for (int k = 0; k < bundled.size(); k++) {
            assertThat(exported.get(k).model().layer(0).forward().weightIh().data)
                    .containsExactly(bundled.get(k).model().layer(0).forward().weightIh().data);
            assertThat(exported.get(k).testMse()).isEqualTo(bundled.get(k).testMse());
        }
    }

    @Test
    void train_writes_the_converged_models_and_an_index() throws IOException {
        Path out = dir.resolve("trained");
        CommandRun run = CommandRun.of("train", "--task", "subtraction", "--models", "1", "--out", out.toString(),
                "--seed", "3", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kept 1 of").contains(" CPU on 1 thread); wrote ");
        ModelZoo trained = ModelZoo.load(out);
        ZooModel model = trained.models(ToyTask.SUBTRACTION.id()).get(0);
        assertThat(model.id()).isEqualTo("subtraction-01");
        assertThat(model.validationMse()).isLessThan(1e-4);
        ZooIndex index = trained.index(ToyTask.SUBTRACTION.id()).orElseThrow();
        assertThat(index.dataSeed()).isEqualTo(3);
        assertThat(index.modelsKept()).isEqualTo(1);
        assertThat(model.seed()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void train_refuses_a_folder_holding_an_earlier_run_before_training_and_names_force() throws IOException {
        Path earlier = exported(ToyTask.ADDITION);

        CommandRun run = CommandRun.of("train", "--task", "addition", "--models", "1", "--out", earlier.toString(),
                "--threads", "1");

        assertOneLineUsageError(run, "--out " + earlier + " is not empty (it holds addition-01.safetensors,"
                + " addition-02.safetensors, addition-03.safetensors and 48 more); choose an empty folder, or add"
                + " --force to replace the earlier run (its *.safetensors and index.json are removed, nothing else)");
        assertThat(run.out()).isEmpty();
        assertThat(ModelZoo.load(earlier).models(ToyTask.ADDITION.id())).hasSize(50);
    }

    @Test
    void train_with_force_replaces_the_earlier_run_says_what_it_removed_and_keeps_every_other_file()
            throws IOException {
        Path earlier = exported(ToyTask.SUBTRACTION);
        Files.writeString(earlier.resolve("notes.txt"), "mine");
        Files.createDirectory(earlier.resolve("plots"));

        CommandRun run = CommandRun.of("train", "--task", "subtraction", "--models", "1", "--out", earlier.toString(),
                "--seed", "3", "--threads", "1", "--force");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("--force: removed the earlier run's 51 files from " + earlier
                + " (index.json, subtraction-01.safetensors, subtraction-02.safetensors and 48 more); kept notes.txt,"
                + " plots" + System.lineSeparator());
        try (var files = Files.list(earlier)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "index.json", "subtraction-01.safetensors", "notes.txt", "plots");
        }
        assertThat(ModelZoo.load(earlier).models(ToyTask.SUBTRACTION.id())).hasSize(1);
    }

    @Test
    void zoo_export_refuses_a_folder_that_is_not_empty_and_with_force_never_mixes_tasks() throws IOException {
        Path earlier = exported(ToyTask.ADDITION);

        CommandRun refused = CommandRun.of("zoo", "export", "--task", "subtraction", "--dir", earlier.toString());
        CommandRun forced = CommandRun.of("zoo", "export", "--task", "subtraction", "--dir", earlier.toString(),
                "--force");

        assertOneLineUsageError(refused, "--dir " + earlier + " is not empty");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("--force: removed the earlier run's 51 files");
        try (var files = Files.list(earlier)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("addition"));
        }
    }

    @Test
    void zoo_list_of_an_exported_folder_prints_what_zoo_list_prints_for_the_bundled_models() throws IOException {
        Path folder = exported(ToyTask.SUBTRACTION);

        CommandRun bundled = CommandRun.of("zoo", "list", "--task", "subtraction");
        CommandRun listed = CommandRun.of("zoo", "list", "--dir", folder.toString());

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).isEqualTo(bundled.out()).contains("subtraction-50");
    }

    @Test
    void zoo_list_refuses_a_folder_that_is_missing_holds_no_index_or_lacks_the_task() throws IOException {
        Path missing = dir.resolve("missing");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path subtraction = exported(ToyTask.SUBTRACTION);

        assertOneLineUsageError(CommandRun.of("zoo", "list", "--dir", missing.toString()),
                "--dir " + missing + " does not exist");
        assertOneLineUsageError(CommandRun.of("zoo", "list", "--dir", empty.toString()),
                empty + " holds no index.json");
        assertOneLineUsageError(CommandRun.of("zoo", "list", "--dir", subtraction.toString(), "--task", "addition"),
                "--dir " + subtraction + " holds no models of task addition");
    }

    /** A folder holding the bundled models of {@code task}, written by zoo export. */
    private Path exported(ToyTask task) {
        Path folder = dir.resolve(task.id() + "-run");
        CommandRun run = CommandRun.of("zoo", "export", "--task", task.id(), "--dir", folder.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return folder;
    }
}
