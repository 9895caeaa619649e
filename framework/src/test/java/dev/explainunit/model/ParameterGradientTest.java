package dev.explainunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NetworkBatch#backward} as a trainer uses it (back-propagation through time through every
 * layer and direction, into the input and every parameter) against central finite differences of
 * the independent {@link ReferenceNetwork}. The loss is L = Σ_c u_c f_c(x) with random weights u.
 */
class ParameterGradientTest {

    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-7;
    /** Entries checked per tensor; all of them for small tensors. */
    private static final int MAX_CHECKED = 40;

    static List<NetworkShape> shapes() {
        List<NetworkShape> shapes = new ArrayList<>();
        for (CellKind kind : CellKind.values()) {
            shapes.add(new NetworkShape(kind, 1, 1, 1, 1, false, true, true));
            shapes.add(new NetworkShape(kind, 1, 2, 1, 3, true, true, false));
            shapes.add(new NetworkShape(kind, 2, 3, 2, 2, false, true, true));
            shapes.add(new NetworkShape(kind, 2, 2, 4, 1, true, false, true));
            shapes.add(new NetworkShape(kind, 3, 5, 3, 2, true, true, true));
        }
        shapes.add(new NetworkShape(CellKind.LSTM, 1, 60, 60, 5, true, true, true));
        shapes.add(new NetworkShape(CellKind.GRU, 2, 20, 30, 5, true, true, true));
        return shapes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void backward_gives_input_and_parameter_gradients_equal_to_central_differences(NetworkShape shape) {
        Random random = new Random(shape.seed());
        RecurrentNetwork model = RandomNetworks.network(random, shape, 1.2);
        int length = 3 + random.nextInt(5);
        Sequence x = RandomNetworks.sequence(random, length, shape.inputs());
        double[] u = new double[shape.outputs()];
        for (int c = 0; c < u.length; c++) {
            u[c] = 2 * random.nextDouble() - 1;
        }
        NetworkBatch batch = new NetworkBatch(model, 1);
        batch.forward(new Sequence[] {x}, 0, 1);
        double[][] dx = {new double[length * shape.inputs()]};
        ParameterGradient gradient = new ParameterGradient(model);
        batch.backward(new double[][] {u}, dx, gradient);

        double[][] steps = x.toArray();
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < shape.inputs(); d++) {
                double saved = steps[t][d];
                steps[t][d] = saved + STEP;
                double up = loss(model, Sequence.of(steps), u);
                steps[t][d] = saved - STEP;
                double down = loss(model, Sequence.of(steps), u);
                steps[t][d] = saved;
                double numeric = (up - down) / (2 * STEP);
                assertThat(dx[0][t * shape.inputs() + d]).as("∂L/∂x[%d][%d]", t, d)
                        .isCloseTo(numeric, within(TOLERANCE * Math.max(1, Math.abs(numeric))));
            }
        }
        for (Tensor tensor : tensors(model)) {
            double[] analytic = tensor.gradient(gradient);
            int count = analytic.length;
            boolean all = count <= MAX_CHECKED;
            for (int n = 0; n < Math.min(count, MAX_CHECKED); n++) {
                int p = all ? n : random.nextInt(count);
                double up = loss(tensor.moved(model, p, STEP), x, u);
                double down = loss(tensor.moved(model, p, -STEP), x, u);
                double numeric = (up - down) / (2 * STEP);
                assertThat(analytic[p]).as("∂L/∂%s[%d]", tensor, p)
                        .isCloseTo(numeric, within(TOLERANCE * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void a_batch_adds_up_the_gradients_of_its_inputs_and_clear_starts_anew() {
        Random random = new Random(3);
        for (CellKind kind : CellKind.values()) {
            NetworkShape shape = new NetworkShape(kind, 2, 3, 4, 2, true, true, true);
            RecurrentNetwork model = RandomNetworks.network(random, shape, 1);
            Sequence[] x = new Sequence[3];
            double[][] g = new double[3][];
            for (int b = 0; b < 3; b++) {
                x[b] = RandomNetworks.sequence(random, 5, 3);
                g[b] = new double[] {random.nextGaussian(), random.nextGaussian()};
            }
            NetworkBatch batch = new NetworkBatch(model, 3);
            ParameterGradient together = new ParameterGradient(model);
            batch.forward(x, 0, 3);
            batch.backward(g, null, together);
            ParameterGradient oneByOne = new ParameterGradient(model);
            for (int b = 0; b < 3; b++) {
                batch.forward(x, b, 1);
                batch.backward(new double[][] {g[b]}, null, oneByOne);
            }
            for (Tensor tensor : tensors(model)) {
                NumericAssertions.assertClose(tensor.gradient(together), tensor.gradient(oneByOne), 1e-13,
                        kind + " " + tensor);
            }
            together.clear();
            batch.forward(x, 1, 1);
            batch.backward(new double[][] {g[1]}, null, together);
            ParameterGradient second = new ParameterGradient(model);
            batch.backward(new double[][] {g[1]}, null, second);
            for (Tensor tensor : tensors(model)) {
                assertThat(tensor.gradient(together)).as("%s %s after clear", kind, tensor)
                        .containsExactly(tensor.gradient(second));
            }
        }
    }

    private static double loss(RecurrentNetwork model, Sequence x, double[] u) {
        double[] f = ReferenceNetwork.outputs(model, x);
        double sum = 0;
        for (int c = 0; c < u.length; c++) {
            sum += u[c] * f[c];
        }
        return sum;
    }

    /** Every parameter tensor of the model, under PyTorch's name. */
    private static List<Tensor> tensors(RecurrentNetwork model) {
        List<Tensor> tensors = new ArrayList<>();
        for (int k = 0; k < model.layerCount(); k++) {
            for (boolean reversed : model.isBidirectional() ? new boolean[] {false, true} : new boolean[] {false}) {
                for (String name : new String[] {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}) {
                    tensors.add(new Tensor(name, k, reversed));
                }
            }
        }
        tensors.add(new Tensor("fc.weight", -1, false));
        if (model.hasFcBias()) {
            tensors.add(new Tensor("fc.bias", -1, false));
        }
        return tensors;
    }

    /** One parameter tensor: its gradient and the model with one of its entries moved. */
    private record Tensor(String name, int layer, boolean reversed) {

        double[] gradient(ParameterGradient g) {
            return switch (name) {
                case "weight_ih" -> g.weightIh(layer, reversed);
                case "weight_hh" -> g.weightHh(layer, reversed);
                case "bias_ih" -> g.biasIh(layer, reversed);
                case "bias_hh" -> g.biasHh(layer, reversed);
                case "fc.weight" -> g.fcWeight();
                default -> g.fcBias();
            };
        }

        RecurrentNetwork moved(RecurrentNetwork model, int p, double delta) {
            if (layer < 0) {
                DMatrixRMaj weight = model.fcWeight();
                DMatrixRMaj bias = model.fcBias();
                (name.equals("fc.weight") ? weight : bias).data[p] += delta;
                return new RecurrentNetwork(model.layers(), weight, bias);
            }
            List<RecurrentLayer> layers = new ArrayList<>(model.layers());
            RecurrentLayer old = layers.get(layer);
            DirectionWeights w = reversed ? old.reverse() : old.forward();
            DMatrixRMaj[] m = {w.weightIh(), w.weightHh(), w.biasIh(), w.biasHh()};
            int which = List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh").indexOf(name);
            m[which].data[p] += delta;
            DirectionWeights movedDirection = new DirectionWeights(w.kind(), m[0], m[1], m[2], m[3]);
            layers.set(layer, reversed ? new RecurrentLayer(old.forward(), movedDirection)
                    : new RecurrentLayer(movedDirection, old.reverse()));
            return new RecurrentNetwork(layers, model.fcWeight(), model.fcBias());
        }

        @Override
        public String toString() {
            return layer < 0 ? name : name + "_l" + layer + (reversed ? "_reverse" : "");
        }
    }
}
