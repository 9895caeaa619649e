package dev.explainunit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.model.CellKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A record keeps its arrays across passes over sequences no longer than the longest it has held. */
class RecordReuseTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(CellKind.class)
    void record_arrays_are_kept_across_sequences_no_longer_than_the_first(CellKind kind) {
        Random random = new Random(kind.ordinal());
        for (int hidden : new int[] {1, 3}) {
            NetworkWeights n = weights(random, kind, hidden);
            NetworkRecord record = new NetworkRecord(n);
            NetworkPasses passes = new NetworkPasses();
            run(passes, n, record, random, 14);
            List<Object> arrays = arrays(record);

            for (int length : new int[] {13, 1, 14, 7, 14}) {
                run(passes, n, record, random, length);
                assertThat(record.length()).isEqualTo(length);
                assertThat(arrays(record)).as("%s H=%d: arrays after a sequence of length %d", kind, hidden, length)
                        .containsExactlyElementsOf(arrays);
            }
        }
    }

    private static void run(NetworkPasses passes, NetworkWeights n, NetworkRecord record, Random random, int length) {
        double[] x = new double[length * 2];
        for (int v = 0; v < x.length; v++) {
            x[v] = random.nextGaussian();
        }
        record.setInput(x, length, 2);
        NetworkRecord[] lanes = {record};
        passes.forward(n, lanes, 1, null);
        passes.inputGradient(n, lanes, 1, new int[] {0}, new double[][] {new double[28]});
    }

    /** Two bidirectional layers, D = 2. */
    private static NetworkWeights weights(Random random, CellKind kind, int hidden) {
        CellWeights[][] directions = new CellWeights[2][2];
        for (int k = 0; k < 2; k++) {
            int inputs = k == 0 ? 2 : 2 * hidden;
            for (int r = 0; r < 2; r++) {
                int rows = kind.gates() * hidden;
                directions[r][k] = new CellWeights(kind, inputs, hidden, values(random, rows * inputs),
                        values(random, rows * hidden), values(random, rows), values(random, rows));
            }
        }
        return new NetworkWeights(directions[0], directions[1], values(random, 2 * hidden), 1, null);
    }

    private static double[] values(Random random, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextGaussian();
        }
        return v;
    }

    private static List<Object> arrays(NetworkRecord record) {
        List<Object> arrays = new ArrayList<>();
        arrays.add(record.input);
        for (double[] output : record.layerOutput) {
            arrays.add(output);
        }
        for (double[] gradient : record.layerGradient) {
            arrays.add(gradient);
        }
        for (int k = 0; k < record.layers(); k++) {
            for (DirectionRecord d : new DirectionRecord[] {record.forward(k), record.reverse(k)}) {
                arrays.add(d.projection);
                arrays.add(d.z);
                arrays.add(d.gate);
                arrays.add(d.h);
                arrays.add(d.c);
                arrays.add(d.tanhC);
                arrays.add(d.recurrentCandidate);
                arrays.add(d.dhIn);
            }
        }
        return arrays;
    }
}
