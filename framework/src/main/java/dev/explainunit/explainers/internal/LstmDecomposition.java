package dev.explainunit.explainers.internal;

import dev.explainunit.model.Activations;
import dev.explainunit.model.DirectionTrace;
import dev.explainunit.model.DirectionWeights;

/**
 * Contextual decomposition of one LSTM direction (Murdoch et al. 2018; paper section 2.4 and
 * appendix A.3), following the authors' released {@code CD} function with the paper's fix: for the
 * relevant input row, the pass is split into a relevant part β and an irrelevant part γ. Per step,
 * with a, b the relevant and irrelevant pre-activation parts of a gate and bias c,
 *
 * <pre>
 *   a = W_hh β_h + (the relevant input part),   b = W_hh γ_h + (the irrelevant input part)
 *   rel(σ)   = ½ (σ(a + c) − σ(c) + σ(a + b + c) − σ(b + c))     (Shapley over a, b; bias part σ(c))
 *   irrel(σ) = ½ (σ(b + c) − σ(c) + σ(a + b + c) − σ(a + c))
 *   β_c = rel_i (rel_g + σ_g(c)) + σ_i(c) rel_g [+ σ_i(c) σ_g(c) if the step reads the relevant row]
 *         + (rel_f + σ_f(c)) β_c,prev
 *   γ_c = irrel_i g + (rel_i + σ_i(c)) irrel_g [+ σ_i(c) σ_g(c) if not] + f γ_c,prev + irrel_f β_c,prev
 *   β_h = o · ½ (tanh β_c + tanh c − tanh γ_c),    γ_h = o · ½ (tanh γ_c + tanh c − tanh β_c)
 * </pre>
 *
 * The input parts: layer 0 reads x_t, whose W_ih x_t is relevant at the relevant row and irrelevant
 * elsewhere ("relevant iff start ≤ t &lt; stop", also for the bias·bias term); a layer above splits
 * W_ih β_t and W_ih γ_t of the layer below's output (DESIGN, "CD on a stacked LSTM"). The full
 * activations σ(a + b + c), o and tanh c are the recorded pass's, so β + γ = h at every step. One
 * thread; grows, never shrinks.
 */
final class LstmDecomposition {

    /** (T + 1) x H each: β and γ of h and c, row s + 1 after step s. */
    double[] relevantH = new double[0];
    double[] irrelevantH = new double[0];
    double[] relevantC = new double[0];
    double[] irrelevantC = new double[0];
    private double[] relevantPre = new double[0];
    private double[] irrelevantPre = new double[0];
    private double[] biasActivation = new double[0];
    private double[] relevantSum = new double[0];
    private double[] irrelevantSum = new double[0];
    private double[] relevantInput = new double[0];
    private double[] irrelevantInput = new double[0];

    void ensure(int length, int hidden) {
        relevantH = RelevanceLane.grow(relevantH, (length + 1) * hidden);
        irrelevantH = RelevanceLane.grow(irrelevantH, (length + 1) * hidden);
        relevantC = RelevanceLane.grow(relevantC, (length + 1) * hidden);
        irrelevantC = RelevanceLane.grow(irrelevantC, (length + 1) * hidden);
        relevantPre = RelevanceLane.grow(relevantPre, 3 * hidden);
        irrelevantPre = RelevanceLane.grow(irrelevantPre, 3 * hidden);
        biasActivation = RelevanceLane.grow(biasActivation, 3 * hidden);
        relevantSum = RelevanceLane.grow(relevantSum, 3 * hidden);
        irrelevantSum = RelevanceLane.grow(irrelevantSum, 3 * hidden);
        relevantInput = RelevanceLane.grow(relevantInput, 3 * hidden);
        irrelevantInput = RelevanceLane.grow(irrelevantInput, 3 * hidden);
    }

    /**
     * Decomposes the pass of {@code w} recorded in {@code tr} for the relevant input row {@code row}.
     * Layer 0: {@code inputParts[t]} holds W_ih x_t (the i, f, g rows), relevant at row {@code row};
     * the steps before the one reading it have β = 0, γ = the recorded state (written, not recomputed).
     * A layer above ({@code inputParts} null): {@code relevant} and {@code irrelevant} hold the layer
     * below's β and γ outputs (T x D row-major), split by W_ih into a and b, from step 0. Writes β and
     * γ of h and c after every step (rows 1..T).
     */
    void decompose(DirectionWeights w, DirectionTrace tr, double[][] inputParts, double[] relevant,
                   double[] irrelevant, int row, boolean reversed) {
        int length = tr.steps();
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        ensure(length, hidden);
        double[] betaH = relevantH;
        double[] gammaH = irrelevantH;
        double[] betaC = relevantC;
        double[] gammaC = irrelevantC;
        double[] rel = relevantPre;
        double[] irrel = irrelevantPre;
        double[] biasAct = biasActivation;
        int gRows = DirectionWeights.GATE_G * hidden;
        int oRows = DirectionWeights.GATE_O * hidden;
        for (int j = 0; j < oRows; j++) {
            biasAct[j] = j >= gRows ? Activations.tanhOfLayer(w.bias(j)) : Activations.sigmoid(w.bias(j));
        }
        int relevantStep = reversed ? length - 1 - row : row;
        int start = inputParts != null ? relevantStep : 0;
        // the states before the relevant row are irrelevant: β = 0, γ = the recorded state (a layer
        // above reads every row of this layer's output)
        for (int s = 0; s <= start; s++) {
            int at = s * hidden;
            for (int k = 0; k < hidden; k++) {
                betaH[at + k] = 0;
                betaC[at + k] = 0;
                gammaH[at + k] = tr.h(s - 1, k);
                gammaC[at + k] = tr.c(s - 1, k);
            }
        }
        for (int s = start; s < length; s++) {
            int t = reversed ? length - 1 - s : s;
            boolean relevantRow = s == relevantStep;
            int prev = s * hidden;
            int next = prev + hidden;
            w.recurrentProduct(oRows, betaH, prev, relevantSum);
            w.recurrentProduct(oRows, gammaH, prev, irrelevantSum);
            if (inputParts == null) {
                w.inputProduct(oRows, relevant, t * inputs, relevantInput);
                w.inputProduct(oRows, irrelevant, t * inputs, irrelevantInput);
            }
            double[] input = inputParts == null ? null : inputParts[t];
            for (int j = 0; j < oRows; j++) {
                double a = relevantSum[j];
                double b = irrelevantSum[j];
                if (input == null) {
                    a += relevantInput[j];
                    b += irrelevantInput[j];
                } else if (relevantRow) {
                    a += input[j];
                } else {
                    b += input[j];
                }
                double c = w.bias(j);
                double full = tr.gate(s, j);
                boolean tanh = j >= gRows;
                double withA = tanh ? Activations.tanhOfLayer(a + c) : Activations.sigmoid(a + c);
                double withB = tanh ? Activations.tanhOfLayer(b + c) : Activations.sigmoid(b + c);
                rel[j] = 0.5 * (withA - biasAct[j] + full - withB);
                irrel[j] = 0.5 * (withB - biasAct[j] + full - withA);
            }
            for (int k = 0; k < hidden; k++) {
                double relI = rel[k];
                double irrelI = irrel[k];
                double biasI = biasAct[k];
                double relG = rel[gRows + k];
                double irrelG = irrel[gRows + k];
                double biasG = biasAct[gRows + k];
                double beta = relI * (relG + biasG) + biasI * relG;
                double gamma = irrelI * (relG + irrelG + biasG) + (relI + biasI) * irrelG;
                if (relevantRow) {
                    beta += biasI * biasG;
                } else {
                    gamma += biasI * biasG;
                }
                if (s > 0) {
                    double relF = rel[hidden + k];
                    double irrelF = irrel[hidden + k];
                    double biasF = biasAct[hidden + k];
                    beta += (relF + biasF) * betaC[prev + k];
                    gamma += (relF + irrelF + biasF) * gammaC[prev + k] + irrelF * betaC[prev + k];
                }
                betaC[next + k] = beta;
                gammaC[next + k] = gamma;
                double o = tr.gate(s, oRows + k);
                double tanhBeta = Activations.tanhOfLayer(beta);
                double tanhGamma = Activations.tanhOfLayer(gamma);
                double tanhCell = tr.tanhC(s, k);
                betaH[next + k] = o * 0.5 * (tanhBeta + (tanhCell - tanhGamma));
                gammaH[next + k] = o * 0.5 * (tanhGamma + (tanhCell - tanhBeta));
            }
        }
    }
}
