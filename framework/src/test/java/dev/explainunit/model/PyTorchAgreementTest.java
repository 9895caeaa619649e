package dev.explainunit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.OcclusionExplainer;
import dev.explainunit.safetensors.ModelFiles;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.sentence.SentenceModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with PyTorch 1.13 in float64 on the committed fixtures of
 * {@code src/test/resources/pytorch/} (their README.md; made by
 * {@code src/test/python/make_pytorch_fixtures.py}): stacked and bidirectional LSTMs and GRUs, with
 * and without an embedding, a GRU without biases, the {@code rnn} member name. For each fixture's
 * inputs the logits, the final state fc reads, every layer's output sequence, ∂ logit_target / ∂x
 * and occlusion-f-diff agree to 1e-9 relative: |a − b| ≤ 1e-9 · max(1, max |b|) over each
 * compared array.
 */
class PyTorchAgreementTest {

    private static final double TOLERANCE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(PyTorchAgreementTest.class.getResource("/pytorch").toURI());
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void every_fixture_the_readme_lists_is_there() throws Exception {
        assertThat(fixtures()).containsExactlyInAnyOrder("lstm2-bi", "lstm2-uni", "lstm1-bi", "gru1-uni", "gru1-bi",
                "gru2-bi", "gru2-uni-rnn", "gru1-nobias", "embedding-lstm2-bi", "embedding-gru1-bi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void logits_states_layer_outputs_input_gradient_and_occlusion_agree_with_pytorch(String fixture)
            throws Exception {
        Path folder = Path.of(PyTorchAgreementTest.class.getResource("/pytorch/" + fixture).toURI());
        JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
        boolean embedding = expected.has("vocab_size");
        SentenceModel sentenceModel = embedding
                ? SentenceModelFiles.read(folder.resolve("model.safetensors"), folder.resolve("vocab.txt")) : null;
        RecurrentNetwork model = embedding ? sentenceModel.lstm() : ModelFiles.read(folder.resolve("model.safetensors"));

        assertThat(model.cellKind().id()).isEqualTo(expected.get("cell").asText());
        assertThat(model.layerCount()).isEqualTo(expected.get("layers").asInt());
        assertThat(model.isBidirectional()).isEqualTo(expected.get("bidirectional").asBoolean());
        assertThat(model.inputSize()).isEqualTo(expected.get("input_size").asInt());
        assertThat(model.hiddenSize()).isEqualTo(expected.get("hidden").asInt());
        assertThat(model.outputSize()).isEqualTo(expected.get("classes").asInt());
        assertThat(model.hasFcBias()).isEqualTo(expected.get("fc_bias").asBoolean());

        OcclusionExplainer occlusion = new OcclusionExplainer.FunctionDifference();
        NetworkTrace trace = model.newTrace();
        int inputs = expected.get("inputs").size();
        assertThat(inputs).isEqualTo(5);
        for (int n = 0; n < inputs; n++) {
            String where = fixture + " input " + n;
            double[][] rows = matrix(expected.get("inputs").get(n));
            Sequence x = Sequence.of(rows);
            if (embedding) {
                List<String> words = new ArrayList<>();
                for (JsonNode id : expected.get("tokens").get(n)) {
                    words.add(sentenceModel.vocabulary().tokens().get(id.asInt()));
                }
                x = sentenceModel.embed(words);
                assertThat(x).as(where + ": the embedded tokens").isEqualTo(Sequence.of(rows));
            }
            int target = expected.get("target").get(n).asInt();

            model.forward(x, trace);
            NumericAssertions.assertClose(trace.outputs(), vector(expected.get("logits").get(n)), TOLERANCE,
                    where + " logits");
            NumericAssertions.assertClose(finalState(trace), vector(expected.get("final_state").get(n)), TOLERANCE,
                    where + " final state");
            JsonNode layerOutputs = expected.get("layer_outputs").get(n);
            assertThat(layerOutputs.size()).isEqualTo(model.layerCount());
            for (int k = 0; k < model.layerCount(); k++) {
                NumericAssertions.assertClose(ForwardTest.layerOutput(trace, k), matrix(layerOutputs.get(k)), TOLERANCE,
                        where + " layer " + k + "'s output");
            }
            double[] gradient = new double[x.length() * x.dim()];
            model.inputGradient(trace, target, gradient);
            NumericAssertions.assertClose(gradient, flat(matrix(expected.get("input_gradient").get(n))), TOLERANCE,
                    where + " ∂logit_" + target + "/∂x");
            Relevance occluded = occlusion.explain(model, x, target);
            NumericAssertions.assertClose(occluded.toArray(), vector(expected.get("occlusion_f_diff").get(n)),
                    TOLERANCE, where + " occlusion-f-diff");
        }
    }

    private static double[] finalState(NetworkTrace trace) {
        DirectionTrace forward = trace.forward();
        DirectionTrace reverse = trace.reverse();
        int hidden = forward.hiddenSize();
        int last = trace.length() - 1;
        double[] state = new double[reverse == null ? hidden : 2 * hidden];
        for (int k = 0; k < hidden; k++) {
            state[k] = forward.h(last, k);
            if (reverse != null) {
                state[hidden + k] = reverse.h(last, k);
            }
        }
        return state;
    }

    private static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = node.get(k).asDouble();
        }
        return v;
    }

    private static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int t = 0; t < m.length; t++) {
            m[t] = vector(node.get(t));
        }
        return m;
    }

    private static double[] flat(double[][] m) {
        int width = m[0].length;
        double[] v = new double[m.length * width];
        for (int t = 0; t < m.length; t++) {
            System.arraycopy(m[t], 0, v, t * width, width);
        }
        return v;
    }
}
