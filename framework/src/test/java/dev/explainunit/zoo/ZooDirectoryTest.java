package dev.explainunit.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
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

    private static RecurrentNetwork model(double scale) {
        DMatrixRMaj wih = new DMatrixRMaj(4, 2);
        DMatrixRMaj whh = new DMatrixRMaj(4, 1);
        DMatrixRMaj b = new DMatrixRMaj(4, 1);
        for (int j = 0; j < 4; j++) {
            wih.set(j, 0, scale * (j + 1));
            wih.set(j, 1, -scale * j);
            whh.set(j, 0, 0.1 * j);
            b.set(j, 0, 0.01 * j);
        }
        return RecurrentNetwork.singleLayer(DirectionWeights.lstm(wih, whh, b, new DMatrixRMaj(4, 1)), null,
                new DMatrixRMaj(1, 1, true, 1.5), null);
    }

    private static List<ZooModel> models() {
        return List.of(new ZooModel("subtraction-01", "subtraction", 3, model(0.5), 1e-6, 2e-6, 3e-6, 120, 1.5),
                new ZooModel("subtraction-02", "subtraction", 5, model(-0.25), 4e-6, 5e-6, 6e-6, 340, 2.5));
    }

    private static ZooIndex index(List<ZooModel> models) {
        return new ZooIndex(ZooIndex.FORMAT, "subtraction", Architecture.PAPER, 1, 3, 2, 2.0 / 3, 900, 4.0, 3.9, 2,
                "L-BFGS", ZooDirectory.entries(models));
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
        assertThat(loaded.tasks()).containsExactly("subtraction");
        assertThat(loaded.models("addition")).isEmpty();
        List<ZooModel> read = loaded.models("subtraction");
        assertThat(read).hasSize(2);
        for (int k = 0; k < 2; k++) {
            ZooModel expected = models.get(k);
            ZooModel actual = read.get(k);
            assertThat(actual.id()).isEqualTo(expected.id());
            assertThat(actual.task()).isEqualTo("subtraction");
            assertThat(actual.seed()).isEqualTo(expected.seed());
            assertThat(actual.validationMse()).isEqualTo(expected.validationMse());
            assertThat(actual.evaluations()).isEqualTo(expected.evaluations());
            assertThat(actual.model().layer(0).forward().weightIh().data)
                    .containsExactly(expected.model().layer(0).forward().weightIh().data);
            assertThat(actual.model().fcWeight(0, 0)).isEqualTo(expected.model().fcWeight(0, 0));
        }
        assertThat(loaded.index("subtraction").orElseThrow().convergenceRate()).isEqualTo(2.0 / 3);
        assertThat(loaded.architecture("subtraction")).contains(Architecture.PAPER);
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
        Files.writeString(dir.resolve("index.json"), "{\"format\": \"" + ZooIndex.FORMAT + "\", \"task\": \" \"}");
        assertThatThrownBy(() -> ModelZoo.load(dir)).hasMessageContaining("has task [ ]");
        Files.writeString(dir.resolve("index.json"), "{\"format\": \"" + ZooIndex.FORMAT + "\", \"task\": \"addition\","
                + " \"architecture\": {\"cell\": \"rnn\", \"layers\": 1, \"hidden\": 1}}");
        assertThatThrownBy(() -> ModelZoo.load(dir)).hasMessageContaining("index.json").hasMessageContaining("[rnn]");
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
        assertThat(ZooDirectory.modelId("addition", 6)).isEqualTo("addition-07");
        assertThat(ZooDirectory.modelId("subtraction-gru", 49)).isEqualTo("subtraction-gru-50");
    }

    @Test
    void the_index_records_the_architecture_and_an_index_without_one_describes_single_unit_lstms() throws IOException {
        List<ZooModel> models = models();
        ZooDirectory.write(dir, index(models), models);
        String json = Files.readString(dir.resolve("index.json"));
        assertThat(json).contains("\"architecture\" : {\n    \"cell\" : \"lstm\",\n    \"layers\" : 1,\n"
                + "    \"hidden\" : 1\n  }");
        Files.writeString(dir.resolve("index.json"), json.replaceFirst("(?s)\"architecture\" : \\{[^}]*\\},", ""));
        assertThat(Files.readString(dir.resolve("index.json"))).doesNotContain("architecture");
        assertThat(ZooDirectory.readIndex(dir).architecture()).isEqualTo(Architecture.PAPER);
        assertThat(ModelZoo.load(dir).models("subtraction")).hasSize(2);
    }

    @Test
    void a_model_file_of_another_architecture_than_its_index_is_refused_naming_the_file() throws IOException {
        List<ZooModel> models = models();
        ZooIndex gru = index(models);
        gru = new ZooIndex(gru.format(), gru.task(), Architecture.of(CellKind.GRU, 1, 1), gru.dataSeed(),
                gru.seedsTried(), gru.modelsKept(), gru.convergenceRate(), gru.totalEvaluations(),
                gru.trainingSeconds(), gru.cpuSeconds(), gru.threads(), gru.optimizer(), gru.models());
        ZooDirectory.write(dir, gru, models);
        assertThatThrownBy(() -> ModelZoo.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("subtraction-01.safetensors").hasMessageContaining("1-layer GRU, H = 1");
    }

    @Test
    void directories_of_one_task_and_two_architectures_are_refused() throws IOException {
        List<ZooModel> models = models();
        Path other = dir.resolve("other");
        ZooDirectory.write(dir.resolve("one"), index(models), models);
        RecurrentNetwork two = RecurrentNetwork.singleLayer(DirectionWeights.lstm(new DMatrixRMaj(8, 2),
                new DMatrixRMaj(8, 2), null, null), null, new DMatrixRMaj(1, 2), null);
        ZooModel wide = new ZooModel("subtraction-01", "subtraction", 3, two, 1e-6, 2e-6, 3e-6, 120, 1.5);
        ZooIndex index = index(List.of(wide));
        ZooDirectory.write(other, new ZooIndex(index.format(), index.task(), Architecture.PAPER.withHidden(2),
                index.dataSeed(), 1, 1, 1, 10, 1, 1, 1, "L-BFGS", index.models()), List.of(wide));
        assertThat(ModelZoo.load(other).architecture("subtraction")).contains(Architecture.PAPER.withHidden(2));
        assertThatThrownBy(() -> ModelZoo.load(dir.resolve("one"), other)).isInstanceOf(IOException.class)
                .hasMessageContaining("H = 2").hasMessageContaining(other.toString());
    }

    @Test
    void architectures_name_their_cell_and_refuse_sizes_below_one() {
        assertThat(Architecture.of(CellKind.GRU, 2, 3)).isEqualTo(new Architecture("GRU", 2, 3));
        assertThat(Architecture.of(CellKind.GRU, 2, 3).describe()).isEqualTo("2-layer GRU, H = 3");
        assertThat(Architecture.PAPER.cellKind()).isEqualTo(CellKind.LSTM);
        assertThatThrownBy(() -> new Architecture("lstm", 0, 1)).hasMessageContaining("layers=0");
        assertThatThrownBy(() -> new Architecture("rnn", 1, 1)).hasMessageContaining("[rnn]");
    }
}
