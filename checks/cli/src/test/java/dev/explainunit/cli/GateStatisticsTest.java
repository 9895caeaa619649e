package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToyTask;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GateStatisticsTest {

    @Test
    void gate_means_separate_marked_from_distractor_steps() {
        // the input gate reads only x_0 (non-zero on marked steps), the forget gate only x_1 (distractors);
        // the output gate sees nothing but its bias, and no gate sees h
        DMatrixRMaj wih = new DMatrixRMaj(4, 2);
        wih.set(DirectionWeights.GATE_I, 0, 50);
        wih.set(DirectionWeights.GATE_F, 1, 50);
        DMatrixRMaj bias = new DMatrixRMaj(4, 1);
        bias.set(DirectionWeights.GATE_O, 0, 0.3);
        RecurrentNetwork model = RecurrentNetwork.singleLayer(DirectionWeights.lstm(wih, new DMatrixRMaj(4, 1), bias, null), null,
                new DMatrixRMaj(1, 1, true, 1.0), null);

        double[] means = GateStatistics.means(model, ToyData.generate(ToyTask.SUBTRACTION, Split.TEST, 50, 2));

        double sigmoidZero = 0.5;
        double sigmoidBias = 1 / (1 + Math.exp(-0.3));
        // subtraction numbers are >= 0.5, so σ(50 n) = 1 to double precision
        assertThat(means).containsExactly(new double[] {1, sigmoidZero, sigmoidZero, 1, sigmoidBias, sigmoidBias},
                within(1e-10));
    }
}
