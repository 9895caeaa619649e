package dev.explainunit.model.internal;

import dev.explainunit.Sequence;
import dev.explainunit.model.DirectionWeights;

/**
 * The forward and backward passes of one single-unit LSTM direction over groups of recorded
 * sequences side by side (a group of one: a single input), by the unrolled copy
 * ({@link SingleUnitLstm}) or by the general passes it copies ({@link DirectionPasses#forwardGeneral},
 * {@link DirectionPasses#backwardGeneral}), for {@code SingleUnitBenchmark}. Each sequence has a
 * record of its own, so the backward passes run on real forward records; nothing is allocated per
 * call.
 */
public final class SingleUnitLstmPasses {

    private final CellWeights weights;
    private final DirectionPasses.Scratch scratch = new DirectionPasses.Scratch();
    private final double[][] inputs;
    private final int[] lengths;
    private final DirectionRecord[] records;
    private final double[][] gradients;
    private final double[][] laneInputs;
    private final DirectionRecord[] laneRecords;
    private final double[][] laneGradients;

    /** Direction {@code w} (an LSTM, H = 1) over {@code sequences}, each run forward once. */
    public SingleUnitLstmPasses(DirectionWeights w, Sequence[] sequences, int lanes) {
        this.weights = new CellWeights(w.kind(), w.inputSize(), w.hiddenSize(), w.weightIh().data, w.weightHh().data,
                w.biasIh().data, w.biasHh().data);
        this.inputs = new double[sequences.length][];
        this.lengths = new int[sequences.length];
        this.records = new DirectionRecord[sequences.length];
        this.gradients = new double[sequences.length][];
        for (int n = 0; n < sequences.length; n++) {
            Sequence x = sequences[n];
            inputs[n] = new double[x.length() * x.dim()];
            x.copyTo(inputs[n]);
            lengths[n] = x.length();
            records[n] = new DirectionRecord(w.kind(), 1);
            records[n].ensureCapacity(x.length());
            records[n].zeroInitialState();
            SingleUnitLstm.forward(weights, new double[][] {inputs[n]}, 1, 0, x.dim(), new DirectionRecord[] {records[n]});
            java.util.Arrays.fill(records[n].dhIn, 0, x.length(), 0.0);
            records[n].dhIn[x.length() - 1] = 1;
            gradients[n] = new double[inputs[n].length];
        }
        this.laneInputs = new double[lanes][];
        this.laneRecords = new DirectionRecord[lanes];
        this.laneGradients = new double[lanes][];
    }

    /** The sequences. */
    public int size() {
        return inputs.length;
    }

    /** T of sequence n. */
    public int length(int n) {
        return lengths[n];
    }

    /** The forward passes of sequences {@code group[0 .. lanes)} (one length) side by side by the copy. */
    public double forwardCopy(int[] group, int lanes) {
        gather(group, lanes);
        SingleUnitLstm.forward(weights, laneInputs, lanes, 0, weights.inputs, laneRecords);
        return laneRecords[0].h[lengths[group[0]]];
    }

    /** The forward passes of sequences {@code group[0 .. lanes)} (one length) side by side by the general pass. */
    public double forwardGeneral(int[] group, int lanes) {
        gather(group, lanes);
        DirectionPasses.forwardGeneral(weights, laneInputs, lanes, lengths[group[0]], false, laneRecords, null,
                scratch);
        return laneRecords[0].h[lengths[group[0]]];
    }

    /** The backward passes (∂h_T/∂x) of sequences {@code group[0 .. lanes)} (one length) side by side by the copy. */
    public double backwardCopy(int[] group, int lanes) {
        gather(group, lanes);
        SingleUnitLstm.backward(weights, laneRecords, lanes, false, laneGradients, 0, weights.inputs, null);
        return laneRecords[0].dh[0];
    }

    /** The backward passes of sequences {@code group[0 .. lanes)} (one length) side by side by the general pass. */
    public double backwardGeneral(int[] group, int lanes) {
        gather(group, lanes);
        DirectionPasses.backwardGeneral(weights, laneRecords, lanes, false, false, laneGradients, null, scratch);
        return laneRecords[0].dh[0];
    }

    /** Lane b: sequence {@code group[b]}'s input, record and (zeroed) gradient. */
    private void gather(int[] group, int lanes) {
        for (int b = 0; b < lanes; b++) {
            int n = group[b];
            laneInputs[b] = inputs[n];
            laneRecords[b] = records[n];
            laneGradients[b] = gradients[n];
            java.util.Arrays.fill(gradients[n], 0.0);
        }
    }
}
