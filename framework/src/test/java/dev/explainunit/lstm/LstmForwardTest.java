package dev.explainunit.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Sequence;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LstmForwardTest {

    @Test
    void one_step_matches_the_recurrence_worked_by_hand() {
        // D = 1, H = 1, gate rows i, f, g, o; h_0 = c_0 = 0, so W_hh and f do not matter at T = 1.
        LstmDirection w = new LstmDirection(column(0.5, -1.0, 2.0, 1.5), column(0.3, 0.3, 0.3, 0.3),
                column(0.1, 0.0, -0.5, 0.0), column(0.0, 0.2, 0.0, 0.5));
        Lstm model = new Lstm(w, null, new DMatrixRMaj(new double[][] {{2.0}}), column(0.25));
        double x = 0.8;
        // z = W_ih x + b_ih + b_hh: i 0.5, f -0.6, g 1.1, o 1.7
        double i = 1 / (1 + Math.exp(-0.5));
        double g = Math.tanh(1.1);
        double o = 1 / (1 + Math.exp(-1.7));
        double c = i * g;
        double expected = 2.0 * o * Math.tanh(c) + 0.25;

        LstmTrace trace = model.forward(Sequence.of(new double[][] {{x}}), model.newTrace());

        assertThat(trace.forward().z(0, 0)).isCloseTo(0.5, within(1e-15));
        assertThat(trace.forward().z(0, 1)).isCloseTo(-0.6, within(1e-15));
        assertThat(trace.forward().z(0, 2)).isCloseTo(1.1, within(1e-15));
        assertThat(trace.forward().z(0, 3)).isCloseTo(1.7, within(1e-15));
        assertThat(trace.forward().c(0, 0)).isCloseTo(c, within(1e-15));
        assertThat(trace.forward().c(-1, 0)).isZero();
        assertThat(trace.output(0)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void two_steps_carry_cell_and_hidden_state_through_the_forget_gate_and_recurrent_weights() {
        LstmDirection w = new LstmDirection(column(1, 1, 1, 1), column(0.5, -0.5, 0.25, 1), null, null);
        Lstm model = new Lstm(w, null, new DMatrixRMaj(new double[][] {{1.0}}), null);
        double x1 = 0.4;
        double x2 = -0.3;
        double c1 = sigmoid(x1) * Math.tanh(x1);
        double h1 = sigmoid(x1) * Math.tanh(c1);
        double i2 = sigmoid(x2 + 0.5 * h1);
        double f2 = sigmoid(x2 - 0.5 * h1);
        double g2 = Math.tanh(x2 + 0.25 * h1);
        double o2 = sigmoid(x2 + h1);
        double c2 = f2 * c1 + i2 * g2;

        assertThat(model.predict(Sequence.of(new double[][] {{x1}, {x2}}))[0])
                .isCloseTo(o2 * Math.tanh(c2), within(1e-15));
    }

    @ParameterizedTest(name = "D={0} H={1} C={2} bidirectional={3}")
    @CsvSource({"1,1,1,false", "2,1,1,false", "3,4,2,false", "2,3,3,true", "4,2,1,true"})
    void outputs_equal_an_independent_matrix_implementation(int inputs, int hidden, int outputs, boolean bi) {
        Random random = new Random(inputs * 1000L + hidden * 100L + outputs * 10L + (bi ? 1 : 0));
        for (int trial = 0; trial < 10; trial++) {
            Lstm model = RandomLstms.lstm(random, inputs, hidden, outputs, bi, 1.5);
            Sequence x = RandomLstms.sequence(random, 1 + random.nextInt(15), inputs);
            assertThat(model.predict(x)).containsExactly(ReferenceLstm.output(model, x), within(1e-12));
        }
    }

    @Test
    void bidirectional_output_concatenates_forward_state_and_reverse_state_after_reading_backwards() {
        Random random = new Random(42);
        LstmDirection forward = RandomLstms.direction(random, 2, 3, 1);
        LstmDirection reverse = RandomLstms.direction(random, 2, 3, 1);
        DMatrixRMaj fc = RandomLstms.matrix(random, 1, 6, 1);
        Lstm bi = new Lstm(forward, reverse, fc, null);
        Sequence x = RandomLstms.sequence(random, 5, 2);
        double[][] steps = x.toArray();
        double[][] reversedSteps = new double[5][];
        for (int t = 0; t < 5; t++) {
            reversedSteps[t] = steps[4 - t];
        }
        // Each half of the output layer alone, as a unidirectional model.
        Lstm forwardOnly = new Lstm(forward, null, slice(fc, 0, 3), null);
        Lstm reverseOnReversedInput = new Lstm(reverse, null, slice(fc, 3, 6), null);

        double expected = forwardOnly.predict(x)[0] + reverseOnReversedInput.predict(Sequence.of(reversedSteps))[0];

        assertThat(bi.predict(x)[0]).isCloseTo(expected, within(1e-14));
    }

    @Test
    void reverse_trace_step_zero_reads_the_last_input() {
        Random random = new Random(8);
        LstmDirection reverse = RandomLstms.direction(random, 2, 2, 1);
        Lstm bi = new Lstm(RandomLstms.direction(random, 2, 2, 1), reverse, RandomLstms.matrix(random, 1, 4, 1), null);
        Sequence x = RandomLstms.sequence(random, 4, 2);
        LstmTrace trace = bi.forward(x, bi.newTrace());
        Sequence last = Sequence.of(new double[][] {x.toArray()[3]});
        DMatrixRMaj h = ReferenceLstm.finalState(reverse, last, false);

        assertThat(trace.reverse().h(0, 0)).isCloseTo(h.get(0), within(1e-15));
        assertThat(trace.reverse().h(0, 1)).isCloseTo(h.get(1), within(1e-15));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static DMatrixRMaj column(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }

    private static DMatrixRMaj slice(DMatrixRMaj m, int from, int to) {
        DMatrixRMaj s = new DMatrixRMaj(m.numRows, to - from);
        for (int r = 0; r < m.numRows; r++) {
            for (int k = from; k < to; k++) {
                s.set(r, k - from, m.get(r, k));
            }
        }
        return s;
    }
}
