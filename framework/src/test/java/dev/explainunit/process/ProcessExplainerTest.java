package dev.explainunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.safetensors.ModelFiles;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.ModelZoo;
import dev.explainunit.zoo.ZooModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessExplainerTest {

    private static final double TOLERANCE = 1e-9;

    @BeforeEach
    void needsPython() {
        PythonExplainers.assumePythonWithNumpy();
    }

    @Test
    void zeros_explainer_announces_its_id_and_answers_one_zero_per_step() {
        try (ProcessExplainer explainer = ProcessExplainer.of(PythonExplainers.command("zeros.py"))) {
            RecurrentNetwork model = toyModels(ToyTask.ADDITION, 1).get(0);
            Sequence input = samples(ToyTask.ADDITION, 1).get(0);

            Relevance r = explainer.explain(model, input, 0);

            assertThat(explainer.id()).isEqualTo("zeros");
            assertThat(r.toArray()).hasSize(input.length()).containsOnly(0.0);
            assertThat(r.hasPerInput()).isFalse();
            assertThat(r.rest()).isEmpty();
        }
    }

    @Test
    void a_batch_larger_than_the_announced_maximum_is_split_into_requests_and_keeps_its_order() {
        try (ProcessExplainer explainer = ProcessExplainer.of(PythonExplainers.command("gradient_x_input.py"))) {
            RecurrentNetwork model = toyModels(ToyTask.SUBTRACTION, 1).get(0);
            List<Sequence> inputs = samples(ToyTask.SUBTRACTION, 2300);  // the bridge takes 1000 at a time

            List<Relevance> batch = explainer.explain(model, inputs, new int[inputs.size()]);

            assertThat(batch).hasSize(inputs.size());
            for (int k = 0; k < inputs.size(); k += 97) {
                assertThat(batch.get(k)).isEqualTo(explainer.explain(model, inputs.get(k), 0));
            }
        }
    }

    @Test
    void prints_of_the_explainer_never_reach_the_protocol_and_per_input_relevance_comes_with_its_rest() {
        try (ProcessExplainer explainer = ProcessExplainer.of(PythonExplainers.command("chatty_rest.py"))) {
            RecurrentNetwork classifier = randomModel(3, 2, 4, false, 5);
            List<Sequence> inputs = randomInputs(30, 3, 5);  // more than the announced batch of 7
            int[] targets = new int[inputs.size()];
            Arrays.setAll(targets, k -> k % 4);

            List<Relevance> relevances = explainer.explain(classifier, inputs, targets);

            for (int k = 0; k < inputs.size(); k++) {
                Relevance r = relevances.get(k);
                assertThat(r.toPerInputArray()).isEqualTo(inputs.get(k).toArray());
                assertThat(r.rest()).hasValue(targets[k] + 0.5 + inputs.get(k).length());
            }
            assertThat(explainer.supports(classifier)).isTrue();
            assertThat(explainer.supports(toyModels(ToyTask.ADDITION, 1).get(0))).as("no regression announced").isFalse();
        }
    }

    @Test
    void numpy_gradient_x_input_matches_the_built_in_on_the_bundled_toy_models() {
        Explainer builtIn = BuiltInExplainers.create("gradient-x-input");
        try (ProcessExplainer python = ProcessExplainer.of(PythonExplainers.command("gradient_x_input.py"))) {
            assertThat(python.id()).isEqualTo("numpy-gradient-x-input");
            for (ToyTask task : ToyTask.values()) {
                List<Sequence> inputs = samples(task, 200);
                for (RecurrentNetwork model : toyModels(task, 10)) {
                    assertSameRelevance(python.explain(model, inputs, new int[inputs.size()]), builtIn, model, inputs);
                }
            }
        }
    }

    @Test
    void numpy_gradient_x_input_matches_the_built_in_on_bidirectional_classifiers_with_several_units() {
        Explainer builtIn = BuiltInExplainers.create("gradient-x-input");
        try (ProcessExplainer python = ProcessExplainer.of(PythonExplainers.command("gradient_x_input.py"))) {
            for (long seed = 1; seed <= 3; seed++) {
                RecurrentNetwork model = randomModel(3, 4, 3, true, seed);
                List<Sequence> inputs = randomInputs(40, 3, seed);
                int[] targets = new int[inputs.size()];
                Arrays.setAll(targets, k -> k % 3);
                List<Relevance> python1 = python.explain(model, inputs, targets);
                for (int k = 0; k < inputs.size(); k++) {
                    assertClose(python1.get(k), builtIn.explain(model, inputs.get(k), targets[k]));
                }
            }
        }
    }

    @Test
    void numpy_occlusion_f_diff_matches_the_built_in_on_toy_models_and_a_bidirectional_classifier() {
        Explainer builtIn = BuiltInExplainers.create("occlusion-f-diff");
        try (ProcessExplainer python = ProcessExplainer.of(PythonExplainers.command("occlusion.py"))) {
            for (ToyTask task : ToyTask.values()) {
                List<Sequence> inputs = samples(task, 100);
                for (RecurrentNetwork model : toyModels(task, 5)) {
                    assertSameRelevance(python.explain(model, inputs, new int[inputs.size()]), builtIn, model, inputs);
                }
            }
            RecurrentNetwork classifier = randomModel(2, 3, 2, true, 7);
            List<Sequence> inputs = randomInputs(30, 2, 7);
            int[] targets = new int[inputs.size()];
            Arrays.setAll(targets, k -> k % 2);
            List<Relevance> relevances = python.explain(classifier, inputs, targets);
            for (int k = 0; k < inputs.size(); k++) {
                assertClose(relevances.get(k), builtIn.explain(classifier, inputs.get(k), targets[k]));
            }
        }
    }

    @Test
    void numpy_occlusion_f_diff_matches_the_built_in_on_stacked_lstms_and_grus() throws Exception {
        Explainer builtIn = BuiltInExplainers.create("occlusion-f-diff");
        try (ProcessExplainer python = ProcessExplainer.of(PythonExplainers.command("occlusion.py"))) {
            for (String fixture : List.of("lstm2-bi", "lstm2-uni", "gru1-uni", "gru2-bi", "gru2-uni-rnn", "gru1-nobias")) {
                Path file = Path.of(ProcessExplainerTest.class.getResource("/pytorch/" + fixture
                        + "/model.safetensors").toURI());
                RecurrentNetwork model = ModelFiles.read(file);
                List<Sequence> inputs = randomInputs(20, model.inputSize(), fixture.hashCode());
                int[] targets = new int[inputs.size()];
                Arrays.setAll(targets, k -> k % model.outputSize());
                List<Relevance> relevances = python.explain(model, inputs, targets);
                for (int k = 0; k < inputs.size(); k++) {
                    assertClose(relevances.get(k), builtIn.explain(model, inputs.get(k), targets[k]));
                }
            }
        }
    }

    @Test
    void supports_lstm_models_of_the_kinds_the_process_announced_and_nothing_else() {
        try (ProcessExplainer explainer = ProcessExplainer.of(PythonExplainers.command("zeros.py"))) {
            RecurrentNetwork model = toyModels(ToyTask.ADDITION, 1).get(0);
            RecurrentModel blackBox = new RecurrentModel() {
                @Override
                public int inputSize() {
                    return 2;
                }

                @Override
                public int outputSize() {
                    return 1;
                }

                @Override
                public double[] predict(Sequence x) {
                    return model.predict(x);
                }
            };

            assertThat(explainer.supports(model)).isTrue();
            assertThat(explainer.supports(randomModel(2, 2, 3, false, 1))).isTrue();
            assertThat(explainer.supports(blackBox)).isFalse();
        }
    }

    @Test
    void concurrent_calls_run_in_processes_side_by_side() throws Exception {
        String[] command = PythonExplainers.command("faults.py", "slow");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ProcessExplainer explainer = ProcessExplainer.of(command)) {
            RecurrentNetwork model = toyModels(ToyTask.ADDITION, 1).get(0);
            Sequence input = samples(ToyTask.ADDITION, 1).get(0);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Relevance>> calls = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                calls.add(threads.submit(() -> {
                    together.await();
                    return explainer.explain(model, input, 0);
                }));
            }
            for (Future<Relevance> call : calls) {
                assertThat(call.get().length()).isEqualTo(input.length());
            }

            assertThat(PythonExplainers.descendants("faults.py slow")).hasSize(2);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertSameRelevance(List<Relevance> fromPython, Explainer builtIn, RecurrentNetwork model, List<Sequence> inputs) {
        assertThat(fromPython).hasSize(inputs.size());
        for (int k = 0; k < inputs.size(); k++) {
            assertClose(fromPython.get(k), builtIn.explain(model, inputs.get(k), 0));
        }
    }

    private static void assertClose(Relevance actual, Relevance expected) {
        assertThat(actual.hasPerInput()).isEqualTo(expected.hasPerInput());
        assertThat(actual.length()).isEqualTo(expected.length());
        for (int t = 0; t < expected.length(); t++) {
            assertThat(actual.step(t)).as("step %d", t).isCloseTo(expected.step(t), within(TOLERANCE));
            if (expected.hasPerInput()) {
                for (int d = 0; d < expected.inputCount(t); d++) {
                    assertThat(actual.input(t, d)).as("input [%d][%d]", t, d).isCloseTo(expected.input(t, d), within(TOLERANCE));
                }
            }
        }
    }

    static List<RecurrentNetwork> toyModels(ToyTask task, int count) {
        return ModelZoo.bundled().models(task.id()).stream().limit(count).map(ZooModel::model).toList();
    }

    static List<Sequence> samples(ToyTask task, int count) {
        return ToyData.generate(task, Split.TEST, count, 20190801L).stream().map(ToySample::sequence).toList();
    }

    /** Weights U(−1, 1) of an LSTM with D inputs, H units, C outputs and an output bias. */
    static RecurrentNetwork randomModel(int inputs, int hidden, int outputs, boolean bidirectional, long seed) {
        Random random = new Random(seed);
        DirectionWeights forward = direction(inputs, hidden, random);
        DirectionWeights reverse = bidirectional ? direction(inputs, hidden, random) : null;
        return RecurrentNetwork.singleLayer(forward, reverse, matrix(outputs, bidirectional ? 2 * hidden : hidden, random),
                matrix(outputs, 1, random));
    }

    private static DirectionWeights direction(int inputs, int hidden, Random random) {
        return DirectionWeights.lstm(matrix(4 * hidden, inputs, random), matrix(4 * hidden, hidden, random),
                matrix(4 * hidden, 1, random), matrix(4 * hidden, 1, random));
    }

    private static DMatrixRMaj matrix(int rows, int cols, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = 2 * random.nextDouble() - 1;
        }
        return m;
    }

    /** Inputs of lengths 1 to 12 with values U(−1, 1). */
    static List<Sequence> randomInputs(int count, int dim, long seed) {
        Random random = new Random(seed);
        List<Sequence> inputs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[][] steps = new double[1 + k % 12][dim];
            for (double[] step : steps) {
                for (int d = 0; d < dim; d++) {
                    step[d] = 2 * random.nextDouble() - 1;
                }
            }
            inputs.add(Sequence.of(steps));
        }
        return inputs;
    }
}
