package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.safetensors.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    private static final double[][][] INPUT = {
            {{0.7, 0.0}, {0.0, -0.2}, {-0.6, 0.0}, {0.0, 0.9}},
            {{0.1, 0.3}, {0.5, -0.5}}};

    @TempDir
    Path dir;

    private RecurrentNetwork classifier;
    private RecurrentNetwork regression;
    private Path classifierFile;
    private Path regressionFile;
    private Path input;

    @BeforeEach
    void writeFiles() throws Exception {
        Random random = new Random(4);
        classifier = RecurrentNetwork.singleLayer(direction(random, 2, 2), direction(random, 2, 2), matrix(random, 3, 4), matrix(random, 3, 1));
        regression = RecurrentNetwork.singleLayer(direction(random, 2, 1), null, matrix(random, 1, 1), null);
        classifierFile = dir.resolve("classifier.safetensors");
        regressionFile = dir.resolve("regression.safetensors");
        ModelFiles.write(classifier, classifierFile);
        ModelFiles.write(regression, regressionFile);
        input = dir.resolve("seqs.json");
        Files.writeString(input, new ObjectMapper().writeValueAsString(INPUT));
    }

    @Test
    void gradient_x_input_equals_finite_difference_gradient_times_input_for_each_sequence() throws Exception {
        CommandRun run = CommandRun.of("explain", "--model", classifierFile.toString(), "--method", "gradient-x-input",
                "--input", input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("method").asText()).isEqualTo("gradient-x-input");
        assertThat(json.get("results")).hasSize(2);
        for (int n = 0; n < INPUT.length; n++) {
            JsonNode result = json.get("results").get(n);
            double[] prediction = classifier.predict(Sequence.of(INPUT[n]));
            int argmax = argmax(prediction);
            assertThat(doubles(result.get("prediction"))).containsExactly(prediction);
            assertThat(result.get("target").asInt()).isEqualTo(argmax);
            assertThat(result.get("relevance")).hasSize(INPUT[n].length);
            for (int t = 0; t < INPUT[n].length; t++) {
                double expectedStep = 0;
                for (int d = 0; d < 2; d++) {
                    double expected = centralDifference(classifier, INPUT[n], t, d, argmax) * INPUT[n][t][d];
                    assertThat(result.get("relevancePerInput").get(t).get(d).asDouble())
                            .isCloseTo(expected, within(1e-7));
                    expectedStep += expected;
                }
                assertThat(result.get("relevance").get(t).asDouble()).isCloseTo(expectedStep, within(1e-7));
            }
        }
    }

    @Test
    void occlusion_with_an_explicit_target_equals_brute_force_occlusion_and_has_no_per_input_values()
            throws Exception {
        CommandRun run = CommandRun.of("explain", "--model", classifierFile.toString(), "--method", "occlusion-f-diff",
                "--target", "2", "--input", input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
        for (int n = 0; n < INPUT.length; n++) {
            JsonNode result = results.get(n);
            assertThat(result.get("target").asInt()).isEqualTo(2);
            assertThat(result.get("relevancePerInput").isNull()).isTrue();
            Sequence x = Sequence.of(INPUT[n]);
            for (int t = 0; t < INPUT[n].length; t++) {
                double expected = classifier.predict(x)[2] - classifier.predict(x.withStepZeroed(t))[2];
                assertThat(result.get("relevance").get(t).asDouble()).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void eps_and_bias_factor_reach_the_lrp_explainer() throws Exception {
        CommandRun tuned = CommandRun.of("explain", "--model", regressionFile.toString(), "--method", "lrp-all",
                "--eps", "0", "--bias-factor", "1", "--input", input.toString());
        CommandRun defaults = CommandRun.of("explain", "--model", regressionFile.toString(), "--method", "lrp-all",
                "--input", input.toString());

        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(tuned.out()).get("results");
        JsonNode defaultResults = new ObjectMapper().readTree(defaults.out()).get("results");
        for (int n = 0; n < INPUT.length; n++) {
            Sequence x = Sequence.of(INPUT[n]);
            double[] expected = BuiltInExplainers.create("lrp-all", 0, 1).explain(regression, x, 0).toArray();
            assertThat(doubles(results.get(n).get("relevance"))).containsExactly(expected);
            assertThat(doubles(defaultResults.get(n).get("relevance"))).containsExactly(
                    BuiltInExplainers.create("lrp-all").explain(regression, x, 0).toArray());
        }
        assertThat(results).isNotEqualTo(defaultResults);
    }

    @Test
    void an_unknown_method_is_a_usage_error_listing_the_valid_ids() {
        CommandRun run = explain(classifierFile, "--method", "lrp-everything");

        assertUsageError(run, "unknown method 'lrp-everything'; valid methods: "
                + String.join(", ", BuiltInExplainers.ids()));
    }

    @Test
    void eps_given_for_a_method_that_does_not_read_it_is_a_one_line_warning_and_the_relevances_still_print()
            throws Exception {
        CommandRun cd = explain(classifierFile, "--method", "cd", "--eps", "0.1");
        CommandRun lrp = explain(classifierFile, "--method", "lrp-all", "--eps", "0.1", "--bias-factor", "1");

        assertThat(cd.exitCode()).as(cd.err()).isZero();
        assertThat(cd.err()).isEqualTo("explainunit: warning: --eps is ignored: only the built-in LRP methods"
                + " (lrp-all, lrp-prop, lrp-abs, lrp-half) read it, not cd" + System.lineSeparator());
        assertThat(new ObjectMapper().readTree(cd.out()).get("method").asText()).isEqualTo("cd");
        assertThat(lrp.exitCode()).as(lrp.err()).isZero();
        assertThat(lrp.err()).isEmpty();
    }

    @Test
    void a_missing_model_file_is_a_usage_error_naming_it() {
        assertUsageError(explain(dir.resolve("absent.safetensors"), "--method", "gradient"),
                "absent.safetensors: no such model file");
    }

    @Test
    void a_malformed_model_file_is_a_usage_error_naming_the_file_and_the_defect() throws Exception {
        Path broken = dir.resolve("broken.safetensors");
        Files.write(broken, new byte[] {1, 2, 3});
        assertUsageError(explain(broken, "--method", "gradient"), "broken.safetensors: not a safetensors file: only 3 bytes");
    }

    @Test
    void a_json_file_given_as_model_is_a_usage_error_saying_it_is_not_a_safetensors_file() throws Exception {
        assertUsageError(explain(input, "--method", "gradient"),
                "seqs.json: not a safetensors file: it starts with the text '[[[0.7,0', not with a header length");
    }

    @Test
    void input_steps_of_the_wrong_width_are_a_usage_error_naming_sequence_and_step() throws Exception {
        Files.writeString(input, "[[[1, 2]], [[1, 2], [3]]]");
        assertUsageError(explain(classifierFile, "--method", "gradient"),
                "seqs.json: sequence 1, step 1 has 1 values; the model reads 2 per step");
    }

    @Test
    void input_that_is_not_json_is_a_usage_error_with_the_parsers_message_line_and_column() throws Exception {
        Files.writeString(input, "[[[1, 2]");
        CommandRun run = explain(classifierFile, "--method", "gradient");
        assertUsageError(run, "seqs.json: not valid JSON: Unexpected end-of-input");
        assertThat(run.err()).contains("line 1, column ").doesNotContain("Source", "StreamReadFeature");
    }

    @Test
    void a_syntax_error_on_a_later_line_names_that_line() throws Exception {
        Files.writeString(input, "[\n  [[1, 2]],\n  [[1, 2] [3, 4]]\n]");
        CommandRun run = explain(classifierFile, "--method", "gradient");
        assertUsageError(run, "seqs.json: not valid JSON: Unexpected character");
        assertThat(run.err()).contains("at line 3, column ").doesNotContain("Source");
    }

    @Test
    void a_target_outside_the_outputs_is_a_usage_error() {
        assertUsageError(explain(classifierFile, "--method", "gradient", "--target", "3"),
                "--target 3 is outside [0, 3)");
    }

    @Test
    void probability_occlusion_of_a_single_output_model_is_a_usage_error() {
        assertUsageError(explain(regressionFile, "--method", "occlusion-p-diff"),
                "occlusion-p-diff needs a classifier with at least 2 outputs");
    }

    @Test
    void a_negative_eps_is_a_usage_error() {
        assertUsageError(explain(classifierFile, "--method", "lrp-all", "--eps", "-1"),
                "--eps must be a finite number >= 0, is -1.0");
    }

    @Test
    void a_missing_required_option_is_a_usage_error() {
        CommandRun run = CommandRun.of("explain", "--model", classifierFile.toString(), "--input", input.toString());
        assertUsageError(run, "Missing required option: '--method=ID'");
    }

    private CommandRun explain(Path model, String... options) {
        String[] args = new String[5 + options.length];
        args[0] = "explain";
        args[1] = "--model";
        args[2] = model.toString();
        args[3] = "--input";
        args[4] = input.toString();
        System.arraycopy(options, 0, args, 5, options.length);
        return CommandRun.of(args);
    }

    private static void assertUsageError(CommandRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(ExplainUnitCommand.USAGE_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("explainunit: ").contains(message);
    }

    private static double centralDifference(RecurrentNetwork model, double[][] steps, int t, int d, int target) {
        double[][] copy = new double[steps.length][];
        for (int k = 0; k < steps.length; k++) {
            copy[k] = steps[k].clone();
        }
        double h = 1e-5;
        copy[t][d] = steps[t][d] + h;
        double up = model.predict(Sequence.of(copy))[target];
        copy[t][d] = steps[t][d] - h;
        double down = model.predict(Sequence.of(copy))[target];
        return (up - down) / (2 * h);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = array.get(k).asDouble();
        }
        return v;
    }

    private static DirectionWeights direction(Random random, int inputs, int hidden) {
        return DirectionWeights.lstm(matrix(random, 4 * hidden, inputs), matrix(random, 4 * hidden, hidden),
                matrix(random, 4 * hidden, 1), matrix(random, 4 * hidden, 1));
    }

    private static DMatrixRMaj matrix(Random random, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = 2 * random.nextDouble() - 1;
        }
        return m;
    }
}
