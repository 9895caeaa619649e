package dev.explainunit.explainers.internal;

import org.apiguardian.api.API;

/**
 * The rules of an LRP pass (paper section 2.3, appendix A.2; Arras et al. 2017): how a product
 * gate · signal splits its relevance R, and the ε-rule of a linear layer,
 *
 * <pre>
 *   ALL    R_gate = 0                    R_signal = R
 *   PROP   R_x = x / (gate + signal + ε·sign(gate + signal)) · R     for x = gate, signal
 *   ABS    R_x = |x| / (|gate| + |signal| + ε) · R
 *   HALF   R_gate = R_signal = R / 2
 *   ε-rule R_i = Σ_j (z_i·w_ij + β·(b_j + ε·sign(z_j)) / N) / (z_j + ε·sign(z_j)) · R_j,  sign(0) = +1
 * </pre>
 *
 * with β the bias factor and N the lower units feeding the layer. What the stabilisers and biases
 * keep, and all of R_j where a denominator is exactly 0, is absorbed (LRP's rest).
 *
 * @param split      the product rule
 * @param eps        the stabiliser ε ≥ 0
 * @param biasFactor the bias factor β
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RelevanceRules(Split split, double eps, double biasFactor) {

    /** The product rules. */
    public enum Split { ALL, PROP, ABS, HALF }

    /** Whether gates receive relevance (every rule but ALL). */
    boolean gatesReceive() {
        return split != Split.ALL;
    }

    /**
     * Splits relevance {@code r} of gate · signal: the gate's share to {@code shares[0]}, the
     * signal's to {@code shares[1]} (modified); returns the stabiliser's share (all of r where the
     * denominator is 0).
     */
    double split(double gate, double signal, double r, double[] shares) {
        switch (split) {
            case ALL -> {
                shares[0] = 0;
                shares[1] = r;
                return 0;
            }
            case HALF -> {
                shares[0] = 0.5 * r;
                shares[1] = 0.5 * r;
                return 0;
            }
            case PROP -> {
                double sum = gate + signal;
                double stabiliser = eps * (sum >= 0 ? 1 : -1);
                return share(gate, signal, stabiliser, sum + stabiliser, r, shares);
            }
            default -> {
                double gateAbs = Math.abs(gate);
                double signalAbs = Math.abs(signal);
                return share(gateAbs, signalAbs, eps, gateAbs + signalAbs + eps, r, shares);
            }
        }
    }

    private static double share(double gate, double signal, double stabiliser, double den, double r,
                                double[] shares) {
        if (den == 0) {
            shares[0] = 0;
            shares[1] = 0;
            return r;
        }
        double coefficient = r / den;
        shares[0] = gate * coefficient;
        shares[1] = signal * coefficient;
        return stabiliser * coefficient;
    }

    /**
     * The product rule for n units at once, in vector loops: gate shares to {@code gateShare},
     * signal shares to {@code signalShare}, the stabiliser's (or, at a zero denominator, all of r)
     * to {@code kept} (all modified, from index 0). Per unit the operations of {@link #split}.
     * {@code den} and {@code coefficient} are scratch.
     */
    void split(double[] gate, double[] signal, double[] r, int n, double[] gateShare, double[] signalShare,
               double[] kept, double[] den, double[] coefficient) {
        switch (split) {
            case ALL -> {
                for (int k = 0; k < n; k++) {
                    gateShare[k] = 0;
                    signalShare[k] = r[k];
                    kept[k] = 0;
                }
            }
            case HALF -> {
                for (int k = 0; k < n; k++) {
                    gateShare[k] = 0.5 * r[k];
                    signalShare[k] = 0.5 * r[k];
                    kept[k] = 0;
                }
            }
            case PROP -> {
                for (int k = 0; k < n; k++) {
                    double sum = gate[k] + signal[k];
                    kept[k] = eps * sign(sum);
                    den[k] = sum + kept[k];
                }
                shares(gate, signal, r, n, gateShare, signalShare, kept, den, coefficient);
            }
            default -> {
                for (int k = 0; k < n; k++) {
                    double gateAbs = Math.abs(gate[k]);
                    double signalAbs = Math.abs(signal[k]);
                    kept[k] = eps;
                    den[k] = gateAbs + signalAbs + eps;
                    gateShare[k] = gateAbs;
                    signalShare[k] = signalAbs;
                }
                shares(gateShare, signalShare, r, n, gateShare, signalShare, kept, den, coefficient);
            }
        }
    }

    /** The shares given the denominators and, in {@code kept}, the stabilisers. */
    private static void shares(double[] gate, double[] signal, double[] r, int n, double[] gateShare,
                               double[] signalShare, double[] kept, double[] den, double[] coefficient) {
        for (int k = 0; k < n; k++) {
            coefficient[k] = r[k] / den[k];
        }
        for (int k = 0; k < n; k++) {
            if (den[k] == 0) {
                gateShare[k] = 0;
                signalShare[k] = 0;
                kept[k] = r[k];
            } else {
                gateShare[k] = gate[k] * coefficient[k];
                signalShare[k] = signal[k] * coefficient[k];
                kept[k] = kept[k] * coefficient[k];
            }
        }
    }

    /** sign(z) with sign(0) = +1, as 1 + 2·max(−1, min(0, ⌊z⌋)): ±1 for every z but NaN, without a branch. */
    static double sign(double z) {
        return 1 + 2 * Math.max(-1.0, Math.min(0.0, Math.floor(z)));
    }
}
