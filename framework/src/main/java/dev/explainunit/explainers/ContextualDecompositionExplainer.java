package dev.explainunit.explainers;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.lstm.DirectionTrace;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmCell;
import dev.explainunit.lstm.LstmDirection;
import dev.explainunit.lstm.LstmTrace;
import org.apiguardian.api.API;

/**
 * Contextual decomposition (Murdoch et al. 2018; paper section 2.4 and appendix A.3), following
 * the authors' released {@code CD} function with the paper's fix. For word k the forward pass is
 * split into a relevant part β (from x_k) and an irrelevant part γ (from everything else), with
 * start = k, stop = k + 1 and "x_t is relevant iff start ≤ t &lt; stop" for the input term and
 * for the bias·bias term. Per step, with a, b the relevant and irrelevant pre-activation parts of a
 * gate (W_hh β_h / W_hh γ_h plus W_ih x_t on the side x_t belongs to) and bias c,
 *
 * <pre>
 *   rel(σ)   = ½ (σ(a + c) − σ(c) + σ(a + b + c) − σ(b + c))     (Shapley over a, b; bias part σ(c))
 *   irrel(σ) = ½ (σ(b + c) − σ(c) + σ(a + b + c) − σ(a + c))
 *   β_c = rel_i (rel_g + σ_g(c)) + σ_i(c) rel_g [+ σ_i(c) σ_g(c) if relevant] + (rel_f + σ_f(c)) β_c,prev
 *   γ_c = irrel_i g + (rel_i + σ_i(c)) irrel_g [+ σ_i(c) σ_g(c) if not] + f γ_c,prev + irrel_f β_c,prev
 *   β_h = o · ½ (tanh β_c + tanh c − tanh γ_c),    γ_h = o · ½ (tanh γ_c + tanh c − tanh β_c)
 * </pre>
 *
 * R_k = w_c · β_T; the output bias is excluded. A bidirectional model adds the reverse
 * direction's score for the same word (which it reads at step T − 1 − k). The full activations
 * σ(a + b + c), o and tanh c are taken from the recorded forward pass, so β + γ = h at every step
 * and Σ over parts w_c·(β_T + γ_T) = f_c(x) − fc.bias_c; tanh is {@link LstmCell#tanh} throughout,
 * as in the forward pass. Steps before x_k have β = 0, γ = h and are
 * not recomputed. White-box: needs an {@link Lstm}. Thread-safe; buffers are kept per thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ContextualDecompositionExplainer implements Explainer {

    /** The method id. */
    public static final String ID = "cd";

    private final ThreadLocal<CdWorkspace> workspaces = ThreadLocal.withInitial(CdWorkspace::new);
    private final boolean singleUnitPath;

    /** Contextual decomposition. */
    public ContextualDecompositionExplainer() {
        this(true);
    }

    /** With {@code singleUnitPath} false every model takes the general path (to test the H = 1 one against it). */
    ContextualDecompositionExplainer(boolean singleUnitPath) {
        this.singleUnitPath = singleUnitPath;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        Lstm lstm = Arguments.requireLstm(ID, model, input, target);
        CdWorkspace ws = workspaces.get();
        LstmTrace trace = lstm.forward(input, ws.trace(lstm));
        int length = input.length();
        int hidden = lstm.hiddenSize();
        double[] x = ws.input(input);
        ws.ensure(length, hidden);
        double[] relevance = ws.steps(length);
        if (hidden == 1 && singleUnitPath) {
            double[] reverseScores = ws.reverseScores = Workspace.grow(ws.reverseScores, length);
            scoresSingleUnit(lstm.forwardDirection(), trace.forward(), x, false, lstm.fcWeight(target, 0), relevance,
                    ws);
            if (lstm.isBidirectional()) {
                scoresSingleUnit(lstm.reverseDirection(), trace.reverse(), x, true, lstm.fcWeight(target, 1),
                        reverseScores, ws);
                for (int k = 0; k < length; k++) {
                    relevance[k] += reverseScores[length - 1 - k];
                }
            }
            return Relevance.perStep(relevance);
        }
        ws.forwardInput = inputParts(lstm.forwardDirection(), x, length, ws.forwardInput);
        if (lstm.isBidirectional()) {
            ws.reverseInput = inputParts(lstm.reverseDirection(), x, length, ws.reverseInput);
        }
        for (int k = 0; k < length; k++) {
            double score = relevantScore(lstm, lstm.forwardDirection(), trace.forward(), ws.forwardInput, k, false,
                    target, 0, ws);
            if (lstm.isBidirectional()) {
                score += relevantScore(lstm, lstm.reverseDirection(), trace.reverse(), ws.reverseInput,
                        length - 1 - k, true, target, hidden, ws);
            }
            relevance[k] = score;
        }
        return Relevance.perStep(relevance);
    }

    /**
     * W_ih x_t of every step t (the i, f, g rows; the o gate is taken from the recorded pass), the
     * same whichever word is relevant, so summed once per sentence: row t of the returned array
     * ({@code buffer} if large enough).
     */
    private static double[][] inputParts(LstmDirection w, double[] x, int length, double[][] buffer) {
        int rows = LstmDirection.GATE_O * w.hiddenSize();
        double[][] parts = buffer.length >= length && (length == 0 || buffer[0].length >= rows)
                ? buffer : new double[Math.max(length, 2 * buffer.length)][rows];
        for (int t = 0; t < length; t++) {
            LstmCell.inputProduct(w, rows, x, t * w.inputSize(), parts[t]);
        }
        return parts;
    }

    private static double relevantScore(Lstm lstm, LstmDirection w, DirectionTrace tr, double[][] inputParts,
                                        int start, boolean reversed, int target, int fcOffset,
                                        CdWorkspace ws) {
        decompose(w, tr, inputParts, start, reversed, ws);
        int last = tr.steps() * w.hiddenSize();
        double score = 0;
        for (int k = 0; k < w.hiddenSize(); k++) {
            score += lstm.fcWeight(target, fcOffset + k) * ws.relevantH[last + k];
        }
        return score;
    }

    /**
     * For a single-unit direction, the score w_c·β_T of every processing step as the relevant one,
     * written to {@code scores[start]} (modified): the T decompositions of {@link #decompose} run
     * side by side (variant v is relevant at step v and joins at step v with β = 0, γ = the recorded
     * state), so the processor can overlap their exponentials. Per variant the same sums in the same
     * order as {@link #decompose}; W_ih x_t and the bias activations are computed once for all.
     */
    private static void scoresSingleUnit(LstmDirection w, DirectionTrace tr, double[] x, boolean reversed,
                                         double fcWeight, double[] scores, CdWorkspace ws) {
        int length = tr.steps();
        int inputs = w.inputSize();
        double[] betaH = ws.relevantH;
        double[] gammaH = ws.irrelevantH;
        double[] betaC = ws.relevantC;
        double[] gammaC = ws.irrelevantC;
        double whI = w.weightHh(LstmDirection.GATE_I, 0);
        double whF = w.weightHh(LstmDirection.GATE_F, 0);
        double whG = w.weightHh(LstmDirection.GATE_G, 0);
        double cI = w.bias(LstmDirection.GATE_I);
        double cF = w.bias(LstmDirection.GATE_F);
        double cG = w.bias(LstmDirection.GATE_G);
        double biasI = LstmCell.sigmoid(cI);
        double biasF = LstmCell.sigmoid(cF);
        double biasG = LstmCell.tanh(cG);
        for (int s = 0; s < length; s++) {
            int t = reversed ? length - 1 - s : s;
            double inI = 0;
            double inF = 0;
            double inG = 0;
            for (int d = 0; d < inputs; d++) {
                double xd = x[t * inputs + d];
                inI += w.weightIh(LstmDirection.GATE_I, d) * xd;
                inF += w.weightIh(LstmDirection.GATE_F, d) * xd;
                inG += w.weightIh(LstmDirection.GATE_G, d) * xd;
            }
            double fullI = tr.gate(s, LstmDirection.GATE_I);
            double fullF = tr.gate(s, LstmDirection.GATE_F);
            double fullG = tr.gate(s, LstmDirection.GATE_G);
            double o = tr.gate(s, LstmDirection.GATE_O);
            double tanhCell = tr.tanhC(s, 0);
            betaH[s] = 0;
            betaC[s] = 0;
            gammaH[s] = tr.h(s - 1, 0);
            gammaC[s] = tr.c(s - 1, 0);
            for (int v = 0; v <= s; v++) {
                boolean relevantStep = v == s;
                double bh = betaH[v];
                double gh = gammaH[v];
                double aI = 0;
                double bI = 0;
                aI += whI * bh;
                bI += whI * gh;
                double aF = 0;
                double bF = 0;
                aF += whF * bh;
                bF += whF * gh;
                double aG = 0;
                double bG = 0;
                aG += whG * bh;
                bG += whG * gh;
                if (relevantStep) {
                    aI += inI;
                    aF += inF;
                    aG += inG;
                } else {
                    bI += inI;
                    bF += inF;
                    bG += inG;
                }
                double withAI = LstmCell.sigmoid(aI + cI);
                double withBI = LstmCell.sigmoid(bI + cI);
                double withAF = LstmCell.sigmoid(aF + cF);
                double withBF = LstmCell.sigmoid(bF + cF);
                double withAG = LstmCell.tanh(aG + cG);
                double withBG = LstmCell.tanh(bG + cG);
                double relI = 0.5 * (withAI - biasI + fullI - withBI);
                double irrelI = 0.5 * (withBI - biasI + fullI - withAI);
                double relF = 0.5 * (withAF - biasF + fullF - withBF);
                double irrelF = 0.5 * (withBF - biasF + fullF - withAF);
                double relG = 0.5 * (withAG - biasG + fullG - withBG);
                double irrelG = 0.5 * (withBG - biasG + fullG - withAG);
                double beta = relI * (relG + biasG) + biasI * relG;
                double gamma = irrelI * (relG + irrelG + biasG) + (relI + biasI) * irrelG;
                if (relevantStep) {
                    beta += biasI * biasG;
                } else {
                    gamma += biasI * biasG;
                }
                if (s > 0) {
                    double bc = betaC[v];
                    beta += (relF + biasF) * bc;
                    gamma += (relF + irrelF + biasF) * gammaC[v] + irrelF * bc;
                }
                betaC[v] = beta;
                gammaC[v] = gamma;
                double tanhBeta = LstmCell.tanh(beta);
                double tanhGamma = LstmCell.tanh(gamma);
                betaH[v] = o * 0.5 * (tanhBeta + (tanhCell - tanhGamma));
                gammaH[v] = o * 0.5 * (tanhGamma + (tanhCell - tanhBeta));
            }
        }
        for (int v = 0; v < length; v++) {
            double score = 0;
            score += fcWeight * betaH[v];
            scores[v] = score;
        }
    }

    /**
     * Decomposes direction {@code w}'s recorded pass for the relevant processing step {@code start}:
     * writes β and γ of h and c after steps start..T-1 into rows start+1..T of the workspace arrays
     * (modified). {@code inputParts[t]} holds W_ih x_t ({@link #inputParts}); the products with W_hh
     * are {@link LstmCell#recurrentProduct}'s, summed as the row sums Σ_k W_hh[j][k]·β_k.
     */
    private static void decompose(LstmDirection w, DirectionTrace tr, double[][] inputParts, int start,
                                  boolean reversed, CdWorkspace ws) {
        int length = tr.steps();
        int hidden = w.hiddenSize();
        double[] betaH = ws.relevantH;
        double[] gammaH = ws.irrelevantH;
        double[] betaC = ws.relevantC;
        double[] gammaC = ws.irrelevantC;
        double[] rel = ws.relevantPre;
        double[] irrel = ws.irrelevantPre;
        double[] biasAct = ws.biasActivation;
        int gRows = LstmDirection.GATE_G * hidden;
        int oRows = LstmDirection.GATE_O * hidden;
        for (int j = 0; j < oRows; j++) {
            biasAct[j] = j >= gRows ? LstmCell.tanhOfLayer(w.bias(j)) : LstmCell.sigmoid(w.bias(j));
        }
        int before = start * hidden;
        for (int k = 0; k < hidden; k++) {
            betaH[before + k] = 0;
            betaC[before + k] = 0;
            gammaH[before + k] = tr.h(start - 1, k);
            gammaC[before + k] = tr.c(start - 1, k);
        }
        for (int s = start; s < length; s++) {
            int t = reversed ? length - 1 - s : s;
            boolean relevantStep = s == start;
            int prev = s * hidden;
            int next = prev + hidden;
            double[] relevantSum = ws.relevantSum;
            double[] irrelevantSum = ws.irrelevantSum;
            LstmCell.recurrentProduct(w, oRows, betaH, prev, relevantSum);
            LstmCell.recurrentProduct(w, oRows, gammaH, prev, irrelevantSum);
            double[] input = inputParts[t];
            for (int j = 0; j < oRows; j++) {
                double a = relevantSum[j];
                double b = irrelevantSum[j];
                double in = input[j];
                if (relevantStep) {
                    a += in;
                } else {
                    b += in;
                }
                double c = w.bias(j);
                double full = tr.gate(s, j);
                boolean tanh = j >= gRows;
                double withA = tanh ? LstmCell.tanhOfLayer(a + c) : LstmCell.sigmoid(a + c);
                double withB = tanh ? LstmCell.tanhOfLayer(b + c) : LstmCell.sigmoid(b + c);
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
                if (relevantStep) {
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
                double tanhBeta = LstmCell.tanhOfLayer(beta);
                double tanhGamma = LstmCell.tanhOfLayer(gamma);
                double tanhCell = tr.tanhC(s, k);
                betaH[next + k] = o * 0.5 * (tanhBeta + (tanhCell - tanhGamma));
                gammaH[next + k] = o * 0.5 * (tanhGamma + (tanhCell - tanhBeta));
            }
        }
    }

    /**
     * The decomposition of word {@code word} in one direction, for tests: β_h and γ_h after every
     * processing step s ≥ the step that reads the word ([s][k]; earlier rows are β = 0, γ = h).
     */
    double[][][] decomposition(Lstm lstm, Sequence input, int word, boolean reverseDirection) {
        CdWorkspace ws = workspaces.get();
        LstmTrace trace = lstm.forward(input, ws.trace(lstm));
        int length = input.length();
        int hidden = lstm.hiddenSize();
        ws.ensure(length, hidden);
        double[] x = ws.input(input);
        int start = reverseDirection ? length - 1 - word : word;
        LstmDirection w = reverseDirection ? lstm.reverseDirection() : lstm.forwardDirection();
        decompose(w, reverseDirection ? trace.reverse() : trace.forward(), inputParts(w, x, length, new double[0][]),
                start, reverseDirection, ws);
        double[][][] parts = new double[2][length][hidden];
        for (int s = 0; s < length; s++) {
            for (int k = 0; k < hidden; k++) {
                boolean computed = s >= start;
                DirectionTrace tr = reverseDirection ? trace.reverse() : trace.forward();
                parts[0][s][k] = computed ? ws.relevantH[(s + 1) * hidden + k] : 0;
                parts[1][s][k] = computed ? ws.irrelevantH[(s + 1) * hidden + k] : tr.h(s, k);
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return ID;
    }

    private static final class CdWorkspace extends Workspace {
        double[] relevantH = new double[0];
        double[] irrelevantH = new double[0];
        double[] relevantC = new double[0];
        double[] irrelevantC = new double[0];
        double[] relevantPre = new double[0];
        double[] irrelevantPre = new double[0];
        double[] biasActivation = new double[0];
        double[] reverseScores = new double[0];
        /** W_hh β_h and W_hh γ_h of one step, from index 0. */
        double[] relevantSum = new double[0];
        double[] irrelevantSum = new double[0];
        /** Per direction, W_ih x_t of every step ({@link #inputParts}). */
        double[][] forwardInput = new double[0][];
        double[][] reverseInput = new double[0][];

        void ensure(int length, int hidden) {
            relevantH = grow(relevantH, (length + 1) * hidden);
            irrelevantH = grow(irrelevantH, (length + 1) * hidden);
            relevantC = grow(relevantC, (length + 1) * hidden);
            irrelevantC = grow(irrelevantC, (length + 1) * hidden);
            relevantPre = grow(relevantPre, 3 * hidden);
            irrelevantPre = grow(irrelevantPre, 3 * hidden);
            biasActivation = grow(biasActivation, 3 * hidden);
            relevantSum = grow(relevantSum, 3 * hidden);
            irrelevantSum = grow(irrelevantSum, 3 * hidden);
        }
    }
}
