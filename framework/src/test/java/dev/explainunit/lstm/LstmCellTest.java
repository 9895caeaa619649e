package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cell's backward step, used as a trainer uses it (parameters in one flat vector θ per
 * direction, back-propagation through time through both directions and into the input), against
 * central finite differences of the independent {@link ReferenceLstm}. The loss is
 * L = Σ_c u_c f_c(x) with random weights u, so δh_T = Σ_c u_c fc.weight_c.
 */
class LstmCellTest {

    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-7;
    /** Parameters checked per direction; all of them for small cells. */
    private static final int MAX_CHECKED = 150;

    @ParameterizedTest(name = "D={0} H={1} C={2} bidirectional={3} T={4}")
    @CsvSource({"1,1,1,false,6", "2,1,3,true,9", "3,2,2,false,7", "2,4,1,true,5", "5,3,2,true,8",
            "4,7,2,false,4", "60,60,5,true,4"})
    void backward_step_gives_input_and_parameter_gradients_equal_to_central_differences(
            int inputs, int hidden, int outputs, boolean bidirectional, int length) {
        Random random = new Random(1000L * inputs + 31L * hidden + outputs + (bidirectional ? 7 : 0));
        Lstm model = RandomLstms.lstm(random, inputs, hidden, outputs, bidirectional, 1.2);
        Sequence x = RandomLstms.sequence(random, length, inputs);
        double[] u = new double[outputs];
        for (int c = 0; c < outputs; c++) {
            u[c] = 2 * random.nextDouble() - 1;
        }
        double[] dx = new double[length * inputs];
        LstmDirection[] directions = bidirectional
                ? new LstmDirection[] {model.forwardDirection(), model.reverseDirection()}
                : new LstmDirection[] {model.forwardDirection()};
        double[][] parameterGradients = new double[directions.length][];
        for (int r = 0; r < directions.length; r++) {
            parameterGradients[r] = backPropagate(model, directions[r], r == 1, x, u, dx);
        }

        double[][] steps = x.toArray();
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < inputs; d++) {
                double saved = steps[t][d];
                steps[t][d] = saved + STEP;
                double up = loss(model, Sequence.of(steps), u);
                steps[t][d] = saved - STEP;
                double down = loss(model, Sequence.of(steps), u);
                steps[t][d] = saved;
                double numeric = (up - down) / (2 * STEP);
                assertThat(dx[t * inputs + d]).as("∂L/∂x[%d][%d]", t, d)
                        .isCloseTo(numeric, within(TOLERANCE * Math.max(1, Math.abs(numeric))));
            }
        }
        for (int r = 0; r < directions.length; r++) {
            assertParameterGradients(model, r == 1, x, u, parameterGradients[r], random);
        }
    }

    /**
     * One direction's backward pass as a trainer runs it on θ = [W_ih | W_hh | b]: the forward
     * steps (checked bit for bit against inference's trace), then the backward steps adding to
     * {@code dx} and returning ∂L/∂θ.
     */
    private static double[] backPropagate(Lstm model, LstmDirection w, boolean reversed, Sequence sequence,
                                          double[] u, double[] dx) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int rows = 4 * hidden;
        int whhAt = rows * inputs;
        int biasAt = whhAt + rows * hidden;
        double[] theta = new double[biasAt + rows];
        System.arraycopy(w.weightIh().data, 0, theta, 0, whhAt);
        System.arraycopy(w.weightHh().data, 0, theta, whhAt, rows * hidden);
        for (int j = 0; j < rows; j++) {
            theta[biasAt + j] = w.bias(j);
        }
        int length = sequence.length();
        double[] x = new double[length * inputs];
        sequence.copyTo(x);
        double[] h = new double[(length + 1) * hidden];
        double[] c = new double[(length + 1) * hidden];
        double[] gate = new double[length * rows];
        double[] tanhC = new double[length * hidden];
        for (int s = 0; s < length; s++) {
            int xAt = (reversed ? length - 1 - s : s) * inputs;
            LstmCell.forwardStep(hidden, inputs, theta, 0, theta, whhAt, theta, biasAt, x, xAt, h, c, s * hidden,
                    (s + 1) * hidden, null, gate, s * rows, tanhC, s * hidden);
        }
        LstmTrace trace = model.forward(sequence, model.newTrace());
        DirectionTrace recorded = reversed ? trace.reverse() : trace.forward();
        for (int k = 0; k < hidden; k++) {
            assertThat(h[length * hidden + k]).as("h_T[%d] on θ vs inference", k)
                    .isEqualTo(recorded.h(length - 1, k));
        }

        double[] dh = new double[hidden];
        double[] dc = new double[hidden];
        double[] dz = new double[rows];
        int fcOffset = reversed ? hidden : 0;
        for (int k = 0; k < hidden; k++) {
            for (int o = 0; o < u.length; o++) {
                dh[k] += u[o] * model.fcWeight(o, fcOffset + k);
            }
        }
        double[] gradient = new double[theta.length];
        for (int s = length - 1; s >= 0; s--) {
            int xAt = (reversed ? length - 1 - s : s) * inputs;
            LstmCell.backwardStep(hidden, inputs, theta, 0, theta, whhAt, gate, s * rows, tanhC, s * hidden, c,
                    s * hidden, dh, 0, dc, 0, dz, 0, dx, xAt);
            LstmCell.accumulateParameterGradients(hidden, inputs, dz, 0, x, xAt, h, s * hidden, gradient, 0, whhAt,
                    biasAt);
        }
        return gradient;
    }

    /** ∂L/∂θ against central differences of the reference model with one tensor entry moved. */
    private static void assertParameterGradients(Lstm model, boolean reversed, Sequence x, double[] u,
                                                 double[] gradient, Random random) {
        LstmDirection w = reversed ? model.reverseDirection() : model.forwardDirection();
        int count = gradient.length;
        boolean all = count <= MAX_CHECKED;
        for (int n = 0; n < Math.min(count, MAX_CHECKED); n++) {
            int p = all ? n : random.nextInt(count);
            double up = loss(perturbed(model, reversed, w, p, STEP), x, u);
            double down = loss(perturbed(model, reversed, w, p, -STEP), x, u);
            double numeric = (up - down) / (2 * STEP);
            assertThat(gradient[p]).as("∂L/∂θ[%d] of the %s direction", p, reversed ? "reverse" : "forward")
                    .isCloseTo(numeric, within(TOLERANCE * Math.max(1, Math.abs(numeric))));
        }
    }

    /** The model with entry p of θ = [W_ih | W_hh | b] moved by {@code delta} (b moves through b_ih). */
    private static Lstm perturbed(Lstm model, boolean reversed, LstmDirection w, int p, double delta) {
        DMatrixRMaj wih = w.weightIh();
        DMatrixRMaj whh = w.weightHh();
        DMatrixRMaj bih = w.biasIh();
        if (p < wih.data.length) {
            wih.data[p] += delta;
        } else if (p < wih.data.length + whh.data.length) {
            whh.data[p - wih.data.length] += delta;
        } else {
            bih.data[p - wih.data.length - whh.data.length] += delta;
        }
        LstmDirection moved = new LstmDirection(wih, whh, bih, w.biasHh());
        return reversed
                ? new Lstm(model.forwardDirection(), moved, model.fcWeight(), model.fcBias())
                : new Lstm(moved, model.reverseDirection(), model.fcWeight(), model.fcBias());
    }

    private static double loss(Lstm model, Sequence x, double[] u) {
        double[] f = ReferenceLstm.output(model, x);
        double sum = 0;
        for (int c = 0; c < u.length; c++) {
            sum += u[c] * f[c];
        }
        return sum;
    }
}
