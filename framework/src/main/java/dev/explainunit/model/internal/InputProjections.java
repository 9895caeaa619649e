package dev.explainunit.model.internal;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The input projections b + W_ih x of one direction for the input steps it has recently seen,
 * found by the bits of x: inputs of a batch repeat their steps (a sentence model sees the same
 * word's embedding many times), and an input step with the same bits has the same projection, bit
 * for bit, since {@link DirectionPasses} sums it in one fixed order. A hit costs a hash of D values and
 * one comparison instead of 4H·D multiply-adds.
 *
 * <p>Keeps up to {@value #MAX_CAPACITY} steps and at most {@value #MAX_VALUES} values of steps
 * and projections (4 MB; every thread that explains keeps its own), then forgets them all and
 * starts anew, reusing its arrays, so that a steady stream allocates nothing once grown. One thread.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class InputProjections {

    /** Most steps kept before the table starts anew. */
    static final int MAX_CAPACITY = 4096;
    /** Most values (steps' D and projections' GH) kept. */
    static final int MAX_VALUES = 1 << 19;

    private final int inputs;
    private final int rows;
    private final int capacity;
    /** Slot → entry + 1, 0 for an empty slot; linear probing; a power of 2, at most half full. */
    private final int[] slots;
    private final int[] hashes;
    private final double[][] steps;
    private final double[][] projections;
    private int size;

    /**
     * For {@code direction}: null for a single-unit LSTM (whose passes record no projections), else
     * keeping {@code keptRows} rows, or as many as {@value #MAX_CAPACITY} and {@value #MAX_VALUES}
     * allow when {@code keptRows} is 0.
     */
    public static InputProjections forDirection(CellWeights direction, int keptRows) {
        if (direction.kind() == dev.explainunit.model.CellKind.LSTM && direction.hidden() == 1) {
            return null;
        }
        return keptRows > 0 ? new InputProjections(direction, keptRows) : new InputProjections(direction);
    }

    /** For {@code direction}, keeping as many steps as {@value #MAX_CAPACITY} and {@value #MAX_VALUES} allow. */
    InputProjections(CellWeights direction) {
        this(direction, Math.max(1, Math.min(MAX_CAPACITY,
                MAX_VALUES / (direction.inputs() + direction.rows()))));
    }

    /** For {@code direction}, keeping up to {@code capacity} steps. */
    InputProjections(CellWeights direction, int capacity) {
        this.inputs = direction.inputs();
        this.rows = direction.rows();
        this.capacity = capacity;
        this.slots = new int[Integer.highestOneBit(capacity) * 4];
        this.hashes = new int[capacity];
        this.steps = new double[capacity][];
        this.projections = new double[capacity][];
    }

    /** The projection of the step {@code x[at .. at + D)}, or {@code null} if it is not kept. */
    double[] find(double[] x, int at) {
        int hash = hash(x, at);
        for (int slot = hash & (slots.length - 1); ; slot = (slot + 1) & (slots.length - 1)) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return null;
            }
            if (hashes[entry] == hash && sameBits(steps[entry], x, at)) {
                return projections[entry];
            }
        }
    }

    /**
     * Keeps {@code projection} (4H values, copied) as the projection of the step
     * {@code x[at .. at + D)} (copied), unless that step is kept already.
     */
    void put(double[] x, int at, double[] projection) {
        if (find(x, at) != null) {
            return;
        }
        if (size == capacity) {
            Arrays.fill(slots, 0);
            size = 0;
        }
        int hash = hash(x, at);
        int slot = hash & (slots.length - 1);
        while (slots[slot] != 0) {
            slot = (slot + 1) & (slots.length - 1);
        }
        int entry = size++;
        if (steps[entry] == null) {
            steps[entry] = new double[inputs];
            projections[entry] = new double[rows];
        }
        System.arraycopy(x, at, steps[entry], 0, inputs);
        System.arraycopy(projection, 0, projections[entry], 0, rows);
        hashes[entry] = hash;
        slots[slot] = entry + 1;
    }

    /** Four interleaved chains of 31·h + bits, so that a step's hash does not wait on D multiplications in a row. */
    private int hash(double[] x, int at) {
        long h0 = 1;
        long h1 = 2;
        long h2 = 3;
        long h3 = 4;
        int d = 0;
        for (; d + 3 < inputs; d += 4) {
            h0 = 31 * h0 + Double.doubleToRawLongBits(x[at + d]);
            h1 = 31 * h1 + Double.doubleToRawLongBits(x[at + d + 1]);
            h2 = 31 * h2 + Double.doubleToRawLongBits(x[at + d + 2]);
            h3 = 31 * h3 + Double.doubleToRawLongBits(x[at + d + 3]);
        }
        for (; d < inputs; d++) {
            h0 = 31 * h0 + Double.doubleToRawLongBits(x[at + d]);
        }
        long h = h0 ^ Long.rotateLeft(h1, 16) ^ Long.rotateLeft(h2, 32) ^ Long.rotateLeft(h3, 48);
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        return (int) (h ^ (h >>> 32));
    }

    private boolean sameBits(double[] step, double[] x, int at) {
        for (int d = 0; d < inputs; d++) {
            if (Double.doubleToRawLongBits(step[d]) != Double.doubleToRawLongBits(x[at + d])) {
                return false;
            }
        }
        return true;
    }
}
