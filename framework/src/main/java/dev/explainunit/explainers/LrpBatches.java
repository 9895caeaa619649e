package dev.explainunit.explainers;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.DirectionTrace;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmBatch;
import dev.explainunit.lstm.LstmDirection;
import dev.explainunit.lstm.LstmTrace;
import java.util.List;

/**
 * The batch path of {@link LrpExplainer}: inputs in groups of one length, up to
 * {@value BatchWorkspace#LANES} at a time, whose forward passes run side by side
 * ({@link LstmBatch}); with {@link LrpRule#ALL} so do the gate layers of the relevance pass, four
 * rows of [W_ih | W_hh] at a time, each row read once per step for the group. Every value is
 * computed by the explainer's own layer methods in the order of its one-input path, so the
 * results are equal bit for bit. Buffers are kept per thread.
 */
final class LrpBatches {

    private final LrpExplainer lrp;
    private final ThreadLocal<LrpBatchWorkspace> workspaces = ThreadLocal.withInitial(LrpBatchWorkspace::new);

    LrpBatches(LrpExplainer lrp) {
        this.lrp = lrp;
    }

    /**
     * Explains {@code inputs} on {@code lstm} (H &gt; 1, arguments checked by the caller), in the
     * order of {@code inputs}.
     */
    List<Relevance> explain(Lstm lstm, List<Sequence> inputs, int[] targets) {
        Relevance[] results = new Relevance[inputs.size()];
        LrpBatchWorkspace bw = workspaces.get();
        LstmBatch batch = bw.batch(lstm);
        Sequence[] group = bw.group;
        for (int[] members : EqualLengthGroups.of(inputs, BatchWorkspace.LANES)) {
            int lanes = members.length;
            for (int b = 0; b < lanes; b++) {
                group[b] = inputs.get(members[b]);
            }
            batch.forward(group, 0, lanes);
            int length = group[0].length();
            int dim = group[0].dim();
            for (int b = 0; b < lanes; b++) {
                LrpWorkspace lane = bw.lane(b);
                bw.x[b] = lane.input(group[b]);
                bw.rows[b] = lane.zeroed(length * dim);
                lane.ensure(length, lstm.hiddenSize());
                lane.ensureInputs(dim);
                bw.rest[b] = lrp.outputLayer(lstm, batch.trace(b), targets[members[b]], lane);
            }
            if (lrp.rule() == LrpRule.ALL) {
                propagateLanes(lstm, false, batch, members, targets, bw);
                if (lstm.isBidirectional()) {
                    propagateLanes(lstm, true, batch, members, targets, bw);
                }
            } else {
                // the other rules propagate each lane alone: sharing propagateLanes with LRP-all
                // made the JIT compile it for whichever rule ran first, and the other one slower
                for (int b = 0; b < lanes; b++) {
                    LrpWorkspace lane = bw.lane(b);
                    LstmTrace trace = batch.trace(b);
                    int target = targets[members[b]];
                    bw.rest[b] += lrp.propagate(lstm, lstm.forwardDirection(), trace.forward(), bw.x[b], target, 0,
                            lane.outCoefficient, lane.outPerUnit, false, lane, bw.rows[b]);
                    if (lstm.isBidirectional()) {
                        bw.rest[b] += lrp.propagate(lstm, lstm.reverseDirection(), trace.reverse(), bw.x[b], target,
                                lstm.hiddenSize(), lane.outCoefficient, lane.outPerUnit, true, lane, bw.rows[b]);
                    }
                }
            }
            for (int b = 0; b < lanes; b++) {
                results[members[b]] = Relevance.perInput(length, dim, bw.rows[b]).withRest(bw.rest[b]);
            }
        }
        return List.of(results);
    }

    /**
     * {@link #propagate} for the lanes of {@code batch} side by side (H &gt; 1): lane b's input
     * relevance goes to {@code bw.rows[b]} and what it leaves to {@code bw.rest[b]} (both
     * modified). Per lane the same steps as {@link #propagate} in the same order; the gate layer
     * takes row j for every lane before row j + 1, so that the row is read from memory once.
     */
    private void propagateLanes(Lstm lstm, boolean reversed, LstmBatch batch, int[] members, int[] targets,
                                LrpBatchWorkspace bw) {
        LstmDirection w = reversed ? lstm.reverseDirection() : lstm.forwardDirection();
        int lanes = members.length;
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int fcOffset = reversed ? hidden : 0;
        DirectionTrace[] trs = bw.directionTraces;
        double[] absorbed = bw.absorbed;
        for (int b = 0; b < lanes; b++) {
            LstmTrace trace = batch.trace(b);
            trs[b] = reversed ? trace.reverse() : trace.forward();
            LrpWorkspace lane = bw.lane(b);
            absorbed[b] = 0;
            LrpExplainer.startAtOutput(lstm, trs[b], targets[members[b]], fcOffset, lane.outCoefficient,
                    lane.outPerUnit, lane);
        }
        int length = trs[0].steps();
        int gateLayerUnits = inputs + hidden;
        int firstRow = lrp.rule() == LrpRule.ALL ? LstmDirection.GATE_G * hidden : 0;
        int endRow = lrp.rule() == LrpRule.ALL ? firstRow + hidden : 4 * hidden;
        for (int s = length - 1; s >= 0; s--) {
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            for (int b = 0; b < lanes; b++) {
                LrpWorkspace lane = bw.lane(b);
                absorbed[b] = lrp.productLayers(trs[b], s, lane, absorbed[b]);
                LrpExplainer.loadUnits(trs[b], s, bw.x[b], bw.rows[b], xBase, lane);
            }
            int j = firstRow;
            for (; j + 3 < endRow; j += 4) {
                for (int b = 0; b < lanes; b++) {
                    LrpWorkspace lane = bw.lane(b);
                    double kept = absorbed[b];
                    for (int u = 0; u < 4; u++) {
                        kept = lrp.rowFactors(w, trs[b], s, j + u, gateLayerUnits, lane, kept, u);
                    }
                    absorbed[b] = kept;
                    boolean[] active = lane.rowActive;
                    if (active[0] && active[1] && active[2] && active[3]) {
                        w.addFourWeightedGateRows(j, lane.units, lane.rowFactor, lane.rowShift, lane.unitRelevance);
                    } else {
                        for (int u = 0; u < 4; u++) {
                            if (active[u]) {
                                w.addWeightedGateRow(j + u, lane.units, lane.rowFactor[u], lane.rowShift[u],
                                        lane.unitRelevance);
                            }
                        }
                    }
                }
            }
            for (; j < endRow; j++) {
                for (int b = 0; b < lanes; b++) {
                    LrpWorkspace lane = bw.lane(b);
                    absorbed[b] = lrp.rowFactors(w, trs[b], s, j, gateLayerUnits, lane, absorbed[b], 0);
                    if (lane.rowActive[0]) {
                        w.addWeightedGateRow(j, lane.units, lane.rowFactor[0], lane.rowShift[0], lane.unitRelevance);
                    }
                }
            }
            for (int b = 0; b < lanes; b++) {
                LrpExplainer.storeUnits(s, hidden, inputs, bw.rows[b], xBase, bw.lane(b));
            }
        }
        for (int b = 0; b < lanes; b++) {
            bw.rest[b] += LrpExplainer.leftOnInitialState(hidden, bw.lane(b), absorbed[b]);
        }
    }

    /** Per thread: the batch's passes and one {@link LrpWorkspace} per lane. */
    private static final class LrpBatchWorkspace extends BatchWorkspace {
        final LrpWorkspace[] lanes = new LrpWorkspace[LANES];
        final double[][] x = new double[LANES][];
        final double[][] rows = new double[LANES][];
        final double[] rest = new double[LANES];
        final double[] absorbed = new double[LANES];
        final DirectionTrace[] directionTraces = new DirectionTrace[LANES];

        LrpWorkspace lane(int b) {
            if (lanes[b] == null) {
                lanes[b] = new LrpWorkspace();
            }
            return lanes[b];
        }
    }
}
