package dev.explainunit.explainers;

/**
 * One thread's buffers of an LRP pass ({@link LrpExplainer}): the relevances of h, c and the gate
 * pre-activations per step, the current step's inputs and their relevances, and the shares the
 * layer methods hand back. Grows, never shrinks.
 */
final class LrpWorkspace extends Workspace {
    double[] rh = new double[0];
    double[] rc = new double[0];
    double[] rz = new double[0];
    double[] cellCoefficient = new double[0];
    /** x_t, h_{s−1} and their relevances during one step's gate layer, from index 0 (D or H values). */
    double[] stepInput = new double[0];
    double[] stepInputRelevance = new double[0];
    double[] previousState = new double[0];
    double[] previousStateRelevance = new double[0];
    double gateShare;
    double signalShare;
    /** What {@code gateLayer} left in bias and stabiliser. */
    double absorbed;
    /** The output layer's f_c / (f_c + ε·sign f_c) and stabiliser share per unit. */
    double outCoefficient;
    double outPerUnit;
    /** D of the inputs being explained. */
    int inputs;
    /** A gate row's factors a, b and whether it passes relevance down ({@code rowFactors}). */
    double rowFactor;
    double rowShift;
    boolean rowActive;
    /** Batch path of LRP-all: the factors of the g rows of a step, row 2H + k at index k. */
    double[] gateRowFactor = new double[0];
    double[] gateRowShift = new double[0];
    boolean[] gateRowActive = new boolean[0];
    /** Batch path: [x_t | h_{s−1}] and their relevances, D + H values from index 0. */
    double[] units = new double[0];
    double[] unitRelevance = new double[0];

    void ensure(int length, int hidden) {
        rh = grow(rh, (length + 1) * hidden);
        rc = grow(rc, (length + 1) * hidden);
        rz = grow(rz, 4 * hidden);
        cellCoefficient = grow(cellCoefficient, hidden);
        previousState = grow(previousState, hidden);
        previousStateRelevance = grow(previousStateRelevance, hidden);
        gateRowFactor = grow(gateRowFactor, hidden);
        gateRowShift = grow(gateRowShift, hidden);
        if (gateRowActive.length < hidden) {
            gateRowActive = new boolean[hidden];
        }
        hiddenUnits = hidden;
    }

    private int hiddenUnits;

    void ensureInputs(int inputs) {
        this.inputs = inputs;
        stepInput = grow(stepInput, inputs);
        stepInputRelevance = grow(stepInputRelevance, inputs);
        units = grow(units, inputs + hiddenUnits);
        unitRelevance = grow(unitRelevance, inputs + hiddenUnits);
    }
}
