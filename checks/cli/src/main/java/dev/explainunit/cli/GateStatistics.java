package dev.explainunit.cli;

import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.toy.ToySample;
import java.util.List;

/** Mean gate activations of a single-unit toy model, split by marked and distractor steps. */
final class GateStatistics {

    private GateStatistics() {
    }

    /**
     * {i on marked steps, i on distractors, f marked, f distractors, o marked, o distractors}, each
     * the mean over all steps of that kind in {@code samples} (unit 0 of the forward direction).
     */
    static double[] means(RecurrentNetwork model, List<ToySample> samples) {
        int hidden = model.hiddenSize();
        int[] gates = {DirectionWeights.GATE_I, DirectionWeights.GATE_F, DirectionWeights.GATE_O};
        double[] sums = new double[6];
        long marked = 0;
        long distractors = 0;
        NetworkTrace trace = model.newTrace();
        for (ToySample sample : samples) {
            model.forward(sample.sequence(), trace);
            DirectionTrace tr = trace.forward();
            for (int t = 0; t < sample.length(); t++) {
                boolean isMarked = t == sample.a() || t == sample.b();
                for (int k = 0; k < gates.length; k++) {
                    sums[2 * k + (isMarked ? 0 : 1)] += tr.gate(t, gates[k] * hidden);
                }
                if (isMarked) {
                    marked++;
                } else {
                    distractors++;
                }
            }
        }
        double[] means = new double[6];
        for (int k = 0; k < 6; k++) {
            means[k] = sums[k] / (k % 2 == 0 ? marked : distractors);
        }
        return means;
    }
}
