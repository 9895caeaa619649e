package dev.explainunit.sentiment;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import org.apiguardian.api.API;

/**
 * The sentence vectors of the paper's Figure 1 (section 3.3, "Sentence-Level Representations"),
 * each computed with the true class as target (the paper's footnote 12).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentenceRepresentations {

    /** The name of simple averaging of the word embeddings. */
    public static final String AVERAGE = "avg";
    /** The name of LRP's relevance-reweighted last hidden layer, the paper's "LRP h_T". */
    public static final String LRP_LAST_HIDDEN = "lrp-ht";

    private SentenceRepresentations() {
    }

    /**
     * The relevance-weighted sum of the word embeddings x_t (the rows of {@code embedded}):
     * <pre>
     *   v_d = Σ_t R_{t,d} · x_{t,d}   where the method gives relevance per dimension ({@link Relevance#hasPerInput()})
     *   v_d = Σ_t R_t · x_{t,d}       otherwise
     * </pre>
     *
     * @throws IllegalArgumentException if the relevance's length or width does not fit the sentence
     */
    public static double[] weighted(Sequence embedded, Relevance relevance) {
        int length = embedded.length();
        int dim = embedded.dim();
        if (relevance.length() != length) {
            throw new IllegalArgumentException("a relevance of [" + relevance.length() + "] steps for a sentence of "
                    + length + " words");
        }
        boolean perInput = relevance.hasPerInput();
        double[] v = new double[dim];
        for (int t = 0; t < length; t++) {
            if (perInput && relevance.inputCount(t) != dim) {
                throw new IllegalArgumentException("a relevance of [" + relevance.inputCount(t) + "] values for word "
                        + t + " of embedding width " + dim);
            }
            double step = relevance.step(t);
            for (int d = 0; d < dim; d++) {
                v[d] += (perInput ? relevance.input(t, d) : step) * embedded.get(t, d);
            }
        }
        return v;
    }

    /** Avg: v_d = (1/T) Σ_t x_{t,d}. */
    public static double[] average(Sequence embedded) {
        double[] v = new double[embedded.dim()];
        for (int t = 0; t < embedded.length(); t++) {
            for (int d = 0; d < v.length; d++) {
                v[d] += embedded.get(t, d);
            }
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= embedded.length();
        }
        return v;
    }

    /**
     * LRP h_T: the hidden layer the output layer reads, reweighted element-wise by its LRP
     * relevance for class c. For a bidirectional model h is [h_T of the forward direction; the
     * reverse direction's last state, at word 1], 2H units. The relevance is the output layer's
     * ε-rule of {@link dev.explainunit.explainers.LrpExplainer} (paper 2.3, A.2), the same for every
     * product rule:
     * <pre>
     *   R_k = (h_k · w_ck + β·ε·sign(f_c) / N) · f_c / (f_c + ε·sign(f_c)),   sign(0) = +1, N = #units
     *   v_k = R_k · h_k
     * </pre>
     * and v = 0 where f_c + ε·sign(f_c) = 0.
     *
     * @param eps        the stabiliser ε ≥ 0
     * @param biasFactor the bias factor β
     */
    public static double[] lrpLastHidden(RecurrentNetwork lstm, Sequence embedded, int target, double eps, double biasFactor) {
        return lrpLastHidden(lstm, lstm.forward(embedded, lstm.newTrace()), target, eps, biasFactor);
    }

    /** {@link #lrpLastHidden(RecurrentNetwork, Sequence, int, double, double)} on a recorded forward pass (not modified). */
    static double[] lrpLastHidden(RecurrentNetwork lstm, NetworkTrace trace, int target, double eps, double biasFactor) {
        int hidden = lstm.hiddenSize();
        int units = lstm.isBidirectional() ? 2 * hidden : hidden;
        double[] h = new double[units];
        int last = trace.length() - 1;
        for (int k = 0; k < hidden; k++) {
            h[k] = trace.forward().h(last, k);
            if (lstm.isBidirectional()) {
                h[hidden + k] = trace.reverse().h(last, k);
            }
        }
        double out = trace.output(target);
        double sign = out >= 0 ? 1 : -1;
        double den = out + eps * sign;
        double[] v = new double[units];
        if (den == 0) {
            return v;
        }
        double coefficient = out / den;
        for (int k = 0; k < units; k++) {
            double relevance = (h[k] * lstm.fcWeight(target, k) + biasFactor * eps * sign / units) * coefficient;
            v[k] = relevance * h[k];
        }
        return v;
    }
}
