package dev.explainunit.model.internal;

import dev.explainunit.model.DirectionWeights;
import java.util.Arrays;

/**
 * The single-unit LSTM passes ({@link SingleUnitLstm}) and the general passes they copy
 * ({@link DirectionPasses#forwardGeneral}, {@link DirectionPasses#backwardGeneral}) on one
 * direction, for tests in other packages that pin the copy to the general pass.
 */
public final class SingleUnitPasses {

    private SingleUnitPasses() {
    }

    /**
     * What one direction's passes gave, from the first step computed on: the forward records
     * (4 values of z and of the gates, c, h and tanh c per step) and, for a pass from step 0, the
     * backward pass's ∂/∂x (T x D), δz (4 per step), ∂/∂h_{−1} and ∂/∂c_{−1}.
     */
    public record Result(double[] z, double[] gate, double[] c, double[] h, double[] tanhC, double[] dx,
                         double[] deltas, double dhBefore, double dcBefore) {
    }

    /**
     * Runs direction {@code w} (an LSTM with H = 1) over {@code x} (T x D row-major; reversed: row
     * T − 1 first) by the single-unit copy ({@code copy}) or the general pass. With {@code resumeAt}
     * &gt; 0 the pass resumes at that step from the state the general pass over {@code reference}
     * recorded (as occlusion does) and nothing is back-propagated; else the backward pass follows,
     * from {@code dhIn[s]} reaching h_s (only the last step's unless {@code fromEveryStep}).
     */
    public static Result run(DirectionWeights w, double[] x, double[] reference, int length, boolean reversed,
                             int resumeAt, double[] dhIn, boolean fromEveryStep, boolean copy) {
        CellWeights weights = cellWeights(w);
        int inputs = weights.inputs;
        DirectionPasses.Scratch scratch = new DirectionPasses.Scratch();
        DirectionRecord record = new DirectionRecord(weights.kind, 1);
        record.ensureCapacity(length);
        record.zeroInitialState();
        if (resumeAt > 0) {
            DirectionRecord before = new DirectionRecord(weights.kind, 1);
            before.ensureCapacity(length);
            before.zeroInitialState();
            DirectionPasses.forwardGeneral(weights, new double[][] {reference}, 1, length, reversed,
                    new DirectionRecord[] {before}, null, scratch);
            record.resumeFrom(before, resumeAt);
        }
        int rowOfFirst = reversed ? (length - 1) * inputs : 0;
        int stride = reversed ? -inputs : inputs;
        if (copy) {
            SingleUnitLstm.forward(weights, x, rowOfFirst, stride, record);
        } else {
            DirectionPasses.forwardGeneral(weights, new double[][] {x}, 1, length, reversed,
                    new DirectionRecord[] {record}, null, scratch);
        }
        int first = resumeAt;
        double[] z = Arrays.copyOfRange(record.z, 4 * first, 4 * length);
        double[] gate = Arrays.copyOfRange(record.gate, 4 * first, 4 * length);
        double[] c = Arrays.copyOfRange(record.c, first, length + 1);
        double[] h = Arrays.copyOfRange(record.h, first, length + 1);
        double[] tanhC = Arrays.copyOfRange(record.tanhC, first, length);
        if (resumeAt > 0) {
            return new Result(z, gate, c, h, tanhC, new double[0], new double[0], 0, 0);
        }
        System.arraycopy(dhIn, 0, record.dhIn, 0, length);
        double[] dx = new double[length * inputs];
        double[] deltas = new double[4 * length];
        if (copy) {
            SingleUnitLstm.backward(weights, record, fromEveryStep, dx, rowOfFirst, stride, deltas);
        } else {
            DirectionPasses.backwardGeneral(weights, new DirectionRecord[] {record}, 1, reversed, fromEveryStep,
                    new double[][] {dx}, new double[][] {deltas}, scratch);
        }
        return new Result(z, gate, c, h, tanhC, dx, deltas, record.dh[0], record.dc[0]);
    }

    private static CellWeights cellWeights(DirectionWeights w) {
        return new CellWeights(w.kind(), w.inputSize(), w.hiddenSize(), w.weightIh().data, w.weightHh().data,
                w.biasIh().data, w.biasHh().data);
    }
}
