package dev.explainunit.model.internal;

import dev.explainunit.model.DirectionWeights;
import java.util.Arrays;

/**
 * The single-unit LSTM passes ({@link SingleUnitLstm}) and the general passes they copy
 * ({@link DirectionPasses#forwardGeneral}, {@link DirectionPasses#backwardGeneral}) on one
 * direction over several inputs side by side, for tests in other packages that pin the copy to
 * the general pass.
 */
public final class SingleUnitPasses {

    private SingleUnitPasses() {
    }

    /**
     * What one lane's passes gave, from the first step computed on: the forward records (4 values
     * of z and of the gates, c, h and tanh c per step) and, for a pass from step 0, the backward
     * pass's ∂/∂x (T x D), δz (4 per step), ∂/∂h_{−1} and ∂/∂c_{−1}.
     */
    public record Result(double[] z, double[] gate, double[] c, double[] h, double[] tanhC, double[] dx,
                         double[] deltas, double dhBefore, double dcBefore) {
    }

    /**
     * Runs direction {@code w} (an LSTM with H = 1) over the lanes' inputs {@code x[b]} (T x D
     * row-major; reversed: row T − 1 first) side by side, by the single-unit copy ({@code copy}) or
     * the general pass. Lane b resumes at step {@code resumeAt[b]} (&gt; 0) from the state the
     * general pass over {@code reference[b]} recorded, as occlusion does, or starts at step 0. If
     * every lane starts at step 0 the backward pass follows, from {@code dhIn[b][s]} reaching h_s
     * (only the last step's unless {@code fromEveryStep}).
     */
    public static Result[] run(DirectionWeights w, double[][] x, double[][] reference, int length, boolean reversed,
                               int[] resumeAt, double[][] dhIn, boolean fromEveryStep, boolean copy) {
        CellWeights weights = new CellWeights(w.kind(), w.inputSize(), w.hiddenSize(), w.weightIh().data,
                w.weightHh().data, w.biasIh().data, w.biasHh().data);
        int inputs = weights.inputs;
        int lanes = x.length;
        DirectionPasses.Scratch scratch = new DirectionPasses.Scratch();
        DirectionRecord[] records = new DirectionRecord[lanes];
        boolean resumed = false;
        for (int b = 0; b < lanes; b++) {
            records[b] = new DirectionRecord(weights.kind, 1);
            records[b].ensureCapacity(length);
            records[b].zeroInitialState();
            if (resumeAt[b] > 0) {
                DirectionRecord before = new DirectionRecord(weights.kind, 1);
                before.ensureCapacity(length);
                before.zeroInitialState();
                DirectionPasses.forwardGeneral(weights, new double[][] {reference[b]}, 1, length, reversed,
                        new DirectionRecord[] {before}, null, scratch);
                records[b].resumeFrom(before, resumeAt[b]);
                resumed = true;
            }
        }
        int rowOfFirst = reversed ? (length - 1) * inputs : 0;
        int stride = reversed ? -inputs : inputs;
        if (copy) {
            SingleUnitLstm.forward(weights, x, lanes, rowOfFirst, stride, records);
        } else {
            DirectionPasses.forwardGeneral(weights, x, lanes, length, reversed, records, null, scratch);
        }
        double[][] dx = new double[lanes][length * inputs];
        double[][] deltas = new double[lanes][4 * length];
        if (!resumed) {
            for (int b = 0; b < lanes; b++) {
                System.arraycopy(dhIn[b], 0, records[b].dhIn, 0, length);
            }
            if (copy) {
                SingleUnitLstm.backward(weights, records, lanes, fromEveryStep, dx, rowOfFirst, stride, deltas);
            } else {
                DirectionPasses.backwardGeneral(weights, records, lanes, reversed, fromEveryStep, dx, deltas, scratch);
            }
        }
        Result[] results = new Result[lanes];
        for (int b = 0; b < lanes; b++) {
            DirectionRecord record = records[b];
            int first = resumeAt[b];
            results[b] = new Result(Arrays.copyOfRange(record.z, 4 * first, 4 * length),
                    Arrays.copyOfRange(record.gate, 4 * first, 4 * length), Arrays.copyOfRange(record.c, first, length + 1),
                    Arrays.copyOfRange(record.h, first, length + 1), Arrays.copyOfRange(record.tanhC, first, length),
                    resumed ? new double[0] : dx[b], resumed ? new double[0] : deltas[b],
                    resumed ? 0 : record.dh[0], resumed ? 0 : record.dc[0]);
        }
        return results;
    }
}
