package dev.explainunit.cli;

import dev.explainunit.model.CellKind;
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

    /** The gates whose means {@link #means} gives, per cell kind: LSTM i, f, o; GRU r, z. */
    static List<String> gateNames(CellKind kind) {
        return kind == CellKind.LSTM ? List.of("i", "f", "o") : List.of("r", "z");
    }

    private static int[] gateBlocks(CellKind kind) {
        return kind == CellKind.LSTM
                ? new int[] {DirectionWeights.GATE_I, DirectionWeights.GATE_F, DirectionWeights.GATE_O}
                : new int[] {DirectionWeights.GATE_R, DirectionWeights.GATE_Z};
    }

    /**
     * Per gate of {@link #gateNames}: {mean on marked steps, mean on distractors}, side by side, each
     * the mean over all steps of that kind in {@code samples} (unit 0 of layer 0's forward direction).
     */
    static double[] means(RecurrentNetwork model, List<ToySample> samples) {
        int hidden = model.hiddenSize();
        int[] gates = gateBlocks(model.cellKind());
        double[] sums = new double[2 * gates.length];
        long marked = 0;
        long distractors = 0;
        NetworkTrace trace = model.newTrace();
        for (ToySample sample : samples) {
            model.forward(sample.sequence(), trace);
            DirectionTrace tr = trace.forward(0);
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
        double[] means = new double[sums.length];
        for (int k = 0; k < sums.length; k++) {
            means[k] = sums[k] / (k % 2 == 0 ? marked : distractors);
        }
        return means;
    }
}
