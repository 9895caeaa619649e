package dev.explainunit.toy;

import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.DirectionWeights;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.apiguardian.api.API;

/**
 * The workload of {@code explainunit bench} and of the JMH benchmark, so both measure the same
 * thing: a single-unit LSTM (D = 2, H = 1, 17 parameters) shaped like a trained addition model,
 * explained on toy test sequences of length 13 and 14. Not part of the public API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BenchWorkload {

    /** Sequences cycled through, enough to defeat branch-history memorisation. */
    public static final int SEQUENCES = 1024;

    private BenchWorkload() {
    }

    /**
     * The toy LSTM, like a trained addition model (design, "Training notes"): input, forget and
     * output gates saturated open, g = tanh(w·x) with a small slope on the first input, small
     * distractor and recurrent weights, fc·w ≈ 1. With {@code outputs} = 2 a second output of
     * the opposite sign makes it a classifier, which occlusion-p-diff needs.
     */
    public static RecurrentNetwork toyModel(int outputs) {
        DMatrixRMaj weightIh = new DMatrixRMaj(new double[][] {
                {0.05, -0.02}, {0.03, 0.01}, {0.2, 0.004}, {0.02, -0.03}});
        DMatrixRMaj weightHh = new DMatrixRMaj(new double[][] {{0.1}, {0.05}, {0.01}, {0.1}});
        DMatrixRMaj biasIh = new DMatrixRMaj(new double[][] {{6}, {7}, {0}, {6}});
        DirectionWeights direction = DirectionWeights.lstm(weightIh, weightHh, biasIh, null);
        DMatrixRMaj fc = new DMatrixRMaj(outputs, 1);
        for (int c = 0; c < outputs; c++) {
            fc.set(c, 0, c % 2 == 0 ? 5.1 : -5.1);
        }
        return RecurrentNetwork.singleLayer(direction, null, fc, null);
    }

    /** The model a method is measured on: the two-output variant for occlusion-p-diff. */
    public static RecurrentNetwork modelFor(String method) {
        return toyModel(method.equals("occlusion-p-diff") ? 2 : 1);
    }

    /** {@link #SEQUENCES} addition test-split sequences (T = 13 or 14). */
    public static Sequence[] sequences(long seed) {
        List<ToySample> samples = ToyData.generate(ToyTask.ADDITION, Split.TEST, SEQUENCES, seed);
        Sequence[] sequences = new Sequence[samples.size()];
        for (int k = 0; k < sequences.length; k++) {
            sequences[k] = samples.get(k).sequence();
        }
        return sequences;
    }
}
