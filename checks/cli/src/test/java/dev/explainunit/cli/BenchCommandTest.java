package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.Sequence;
import dev.explainunit.internal.BenchWorkload;
import org.junit.jupiter.api.Test;

/** The shape of the bench output; the rates themselves are measurements, not asserted. */
class BenchCommandTest {

    @Test
    void json_maps_each_requested_method_to_a_positive_rate() throws Exception {
        CommandRun run = CommandRun.of("bench", "--json", "--warmup", "0", "--seconds", "0.01",
                "--method", "lrp-all,occlusion-p-diff");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("lrp-all", "occlusion-p-diff");
        assertThat(json.get("lrp-all").asDouble()).isPositive().isFinite();
        assertThat(json.get("occlusion-p-diff").asDouble()).isPositive().isFinite();
    }

    @Test
    void table_has_a_row_per_method() {
        CommandRun run = CommandRun.of("bench", "--warmup", "0", "--seconds", "0.01", "--method", "gradient,cd");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(4);
        assertThat(run.out()).containsPattern("(?m)^gradient +[0-9,]+ +[0-9,]+$").containsPattern("(?m)^cd +[0-9,]+");
    }

    @Test
    void an_unknown_method_is_a_usage_error() {
        CommandRun run = CommandRun.of("bench", "--method", "gradient,nope");

        assertThat(run.exitCode()).isEqualTo(ExplainUnitCommand.USAGE_ERROR);
        assertThat(run.err()).startsWith("explainunit: unknown method 'nope'").hasLineCount(1);
    }

    @Test
    void a_non_positive_measuring_time_is_a_usage_error() {
        CommandRun run = CommandRun.of("bench", "--seconds", "0");

        assertThat(run.exitCode()).isEqualTo(ExplainUnitCommand.USAGE_ERROR);
        assertThat(run.err()).contains("--seconds must be in (0, 3600]").hasLineCount(1);
    }

    @Test
    void workload_is_the_single_unit_toy_lstm_on_sequences_of_length_13_and_14() {
        assertThat(BenchWorkload.toyModel(1).inputSize()).isEqualTo(2);
        assertThat(BenchWorkload.toyModel(1).hiddenSize()).isEqualTo(1);
        assertThat(BenchWorkload.toyModel(1).outputSize()).isEqualTo(1);
        assertThat(BenchWorkload.modelFor("occlusion-p-diff").outputSize()).isEqualTo(2);
        assertThat(BenchWorkload.sequences(1)).hasSize(BenchWorkload.SEQUENCES)
                .extracting(Sequence::length).containsOnly(13, 14);
    }
}
