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
 * ({@link LstmBatch}); with {@link LrpRule#ALL} so do the relevance passes: the per-unit layers in
 * vector loops ({@link LrpAllSteps}) and the gate layer four rows of [W_ih | W_hh] at a time, each
 * row read once per step for the group. Every value is computed as by the one-input path and in
 * its order, so the results are equal bit for bit. Buffers are kept per thread.
 */
final class LrpBatches {

    private final LrpExplainer lrp;
    private final ThreadLocal<LrpBatchWorkspace> workspaces;

    LrpBatches(LrpExplainer lrp) {
        this.lrp = lrp;
        this.workspaces = ThreadLocal.withInitial(() -> new LrpBatchWorkspace(lrp));
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
     * {@link LrpExplainer#propagate} under {@link LrpRule#ALL} for the lanes of {@code batch} side by
     * side (H &gt; 1): lane b's input relevance goes to {@code bw.rows[b]} and what it leaves to
     * {@code bw.rest[b]} (both modified). Per lane the same values in the same order: the per-unit
     * layers of every lane ({@link LrpAllSteps}), then the g rows of the gate layer, four at a time
     * for every lane before the next four, so that the rows are read from memory once per step.
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
        LrpAllSteps steps = bw.steps;
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
        int firstRow = LstmDirection.GATE_G * hidden;
        for (int s = length - 1; s >= 0; s--) {
            int xBase = (reversed ? length - 1 - s : s) * inputs;
            for (int b = 0; b < lanes; b++) {
                LrpWorkspace lane = bw.lane(b);
                absorbed[b] = steps.productLayers(trs[b], s, lane, absorbed[b]);
                absorbed[b] = steps.gateRowFactors(w, trs[b], s, gateLayerUnits, lane, absorbed[b]);
                LrpExplainer.loadUnits(trs[b], s, bw.x[b], bw.rows[b], xBase, lane);
            }
            int k = 0;
            for (; k + 3 < hidden; k += 4) {
                for (int b = 0; b < lanes; b++) {
                    LrpWorkspace lane = bw.lane(b);
                    boolean[] active = lane.gateRowActive;
                    if (active[k] && active[k + 1] && active[k + 2] && active[k + 3]) {
                        w.addFourWeightedGateRows(firstRow + k, lane.units, lane.gateRowFactor, lane.gateRowShift, k,
                                lane.unitRelevance);
                    } else {
                        for (int u = k; u < k + 4; u++) {
                            addGateRow(w, firstRow, u, lane);
                        }
                    }
                }
            }
            for (; k < hidden; k++) {
                for (int b = 0; b < lanes; b++) {
                    addGateRow(w, firstRow, k, bw.lane(b));
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

    /** Gate row {@code firstRow + k}'s shares to the lane's units, if it passes any down. */
    private static void addGateRow(LstmDirection w, int firstRow, int k, LrpWorkspace lane) {
        if (lane.gateRowActive[k]) {
            w.addWeightedGateRow(firstRow + k, lane.units, lane.gateRowFactor[k], lane.gateRowShift[k],
                    lane.unitRelevance);
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
        /** The per-unit layers of LRP-all's steps with the explainer's settings. */
        final LrpAllSteps steps;

        LrpBatchWorkspace(LrpExplainer lrp) {
            this.steps = new LrpAllSteps(lrp.eps(), lrp.biasFactor());
        }

        LrpWorkspace lane(int b) {
            if (lanes[b] == null) {
                lanes[b] = new LrpWorkspace();
            }
            return lanes[b];
        }
    }
}
