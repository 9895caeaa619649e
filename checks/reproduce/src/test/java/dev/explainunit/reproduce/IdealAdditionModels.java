package dev.explainunit.reproduce;

import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.ZooModel;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Hand-built single-unit LSTMs that solve addition the way trained ones do (DESIGN "Training
 * notes"): input, forget and output gates saturated open by a bias of 20, g = tanh(w·x_t[0]) with
 * a small slope w, so distractor steps (x_t[0] = 0) add nothing, and fc = 1/w, so f(x) ≈ n_a + n_b.
 */
final class IdealAdditionModels {

    private IdealAdditionModels() {
    }

    static RecurrentNetwork model(double slope) {
        DMatrixRMaj weightIh = new DMatrixRMaj(4, 2);
        weightIh.set(DirectionWeights.GATE_G, 0, slope);
        DMatrixRMaj weightHh = new DMatrixRMaj(4, 1);
        DMatrixRMaj bias = new DMatrixRMaj(4, 1);
        bias.set(DirectionWeights.GATE_I, 0, 20);
        bias.set(DirectionWeights.GATE_F, 0, 20);
        bias.set(DirectionWeights.GATE_O, 0, 20);
        DMatrixRMaj fc = new DMatrixRMaj(1, 1);
        fc.set(0, 0, 1 / slope);
        return RecurrentNetwork.singleLayer(DirectionWeights.lstm(weightIh, weightHh, bias, new DMatrixRMaj(4, 1)), null, fc, null);
    }

    /** {@code count} models with slopes 0.05, 0.06, ... */
    static List<ZooModel> zoo(int count) {
        List<ZooModel> models = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            models.add(new ZooModel("ideal-" + m, ToyTask.ADDITION.id(), m, model(0.05 + 0.01 * m), 0, 0, 0, 0, 0));
        }
        return models;
    }
}
