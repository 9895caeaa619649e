package dev.explainunit.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmDirection;
import dev.explainunit.toy.ToyTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooDirectoryTest {

    @TempDir
    Path dir;

    private static Lstm model(double scale) {
        DMatrixRMaj wih = new DMatrixRMaj(4, 2);
        DMatrixRMaj whh = new DMatrixRMaj(4, 1);
        DMatrixRMaj b = new DMatrixRMaj(4, 1);
        for (int j = 0; j < 4; j++) {
            wih.set(j, 0, scale * (j + 1));
            wih.set(j, 1, -scale * j);
            whh.set(j, 0, 0.1 * j);
            b.set(j, 0, 0.01 * j);
        }
        return new Lstm(new LstmDirection(wih, whh, b, new DMatrixRMaj(4, 1)), null,
                new DMatrixRMaj(1, 1, true, 1.5), null);
    }

    private static List<ZooModel> models() {
        return List.of(new ZooModel("subtraction-01", ToyTask.SUBTRACTION, 3, model(0.5), 1e-6, 2e-6, 3e-6, 120, 1.5),
                new ZooModel("subtraction-02", ToyTask.SUBTRACTION, 5, model(-0.25), 4e-6, 5e-6, 6e-6, 340, 2.5));
    }

    private static ZooIndex index(List<ZooModel> models) {
        return new ZooIndex(ZooIndex.FORMAT, "subtraction", 1, 3, 2, 2.0 / 3, 900, 4.0, 3.9, 2, "L-BFGS",
                ZooDirectory.entries(models));
    }

    @Test
    void written_directory_reads_back_the_same_models_and_metrics() throws IOException {
        List<ZooModel> models = models();
        ZooDirectory.write(dir, index(models), models);

        assertThat(dir.resolve("index.json")).exists();
        assertThat(dir.resolve("subtraction-01.safetensors")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
        ModelZoo loaded = ModelZoo.load(dir);
        assertThat(loaded.models(ToyTask.ADDITION)).isEmpty();
        List<ZooModel> read = loaded.models(ToyTask.SUBTRACTION);
        assertThat(read).hasSize(2);
        for (int k = 0; k < 2; k++) {
            ZooModel expected = models.get(k);
            ZooModel actual = read.get(k);
            assertThat(actual.id()).isEqualTo(expected.id());
            assertThat(actual.seed()).isEqualTo(expected.seed());
            assertThat(actual.validationMse()).isEqualTo(expected.validationMse());
            assertThat(actual.evaluations()).isEqualTo(expected.evaluations());
            assertThat(actual.model().forwardDirection().weightIh().data)
                    .containsExactly(expected.model().forwardDirection().weightIh().data);
            assertThat(actual.model().fcWeight(0, 0)).isEqualTo(expected.model().fcWeight(0, 0));
        }
        assertThat(loaded.index(ToyTask.SUBTRACTION).orElseThrow().convergenceRate()).isEqualTo(2.0 / 3);
        assertThat(loaded.model("subtraction-02")).isPresent();
    }

    @Test
    void a_directory_without_index_is_refused_with_a_hint() {
        assertThatThrownBy(() -> ModelZoo.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("index.json").hasMessageContaining(dir.toString());
    }

    @Test
    void an_index_that_is_not_json_or_of_another_format_is_refused_naming_the_file() throws IOException {
        Files.writeString(dir.resolve("index.json"), "{ not json");
        assertThatThrownBy(() -> ModelZoo.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("index.json").hasMessageContaining("not a valid model index");
        Files.writeString(dir.resolve("index.json"), "{\"format\": \"something-else\", \"task\": \"addition\"}");
        assertThatThrownBy(() -> ModelZoo.load(dir)).hasMessageContaining("[something-else]");
        Files.writeString(dir.resolve("index.json"), "{\"format\": \"" + ZooIndex.FORMAT + "\", \"task\": \"division\"}");
        assertThatThrownBy(() -> ModelZoo.load(dir)).hasMessageContaining("[division]");
    }

    @Test
    void model_files_outside_the_directory_are_refused() throws IOException {
        Files.writeString(dir.resolve("index.json"), "{\"format\": \"" + ZooIndex.FORMAT + "\", \"task\": \"addition\","
                + " \"models\": [{\"id\": \"x\", \"file\": \"../elsewhere.safetensors\"}]}");
        assertThatThrownBy(() -> ModelZoo.load(dir)).hasMessageContaining("[../elsewhere.safetensors]");
    }

    @Test
    void an_entry_of_another_task_than_its_index_is_refused() throws IOException {
        Files.writeString(dir.resolve("index.json"), "{\"format\": \"" + ZooIndex.FORMAT + "\", \"task\": \"addition\","
                + " \"models\": [{\"id\": \"x\", \"task\": \"subtraction\", \"file\": \"x.safetensors\"}]}");
        assertThatThrownBy(() -> ModelZoo.load(dir)).hasMessageContaining("[subtraction]").hasMessageContaining("[addition]");
    }

    @Test
    void index_entries_are_rebuilt_from_the_models_written() throws IOException {
        List<ZooModel> models = models();
        ZooDirectory.write(dir, index(models).withModels(List.of()), models);
        ZooIndex written = ZooDirectory.readIndex(dir);
        assertThat(written.models()).extracting(ZooIndex.Entry::id).containsExactly("subtraction-01", "subtraction-02");
        assertThat(written.models()).extracting(ZooIndex.Entry::task).containsOnly("subtraction");
    }

    @Test
    void model_ids_are_the_task_and_a_two_digit_number_from_one() {
        assertThat(ZooDirectory.modelId(ToyTask.ADDITION, 6)).isEqualTo("addition-07");
        assertThat(ZooDirectory.modelId(ToyTask.SUBTRACTION, 49)).isEqualTo("subtraction-50");
    }
}
