package dev.explainunit.explainers;

import dev.explainunit.explainers.internal.RelevanceRules;
import org.apiguardian.api.API;

/**
 * How LRP splits the relevance R of a product z = z_g · z_s between the gate z_g (the sigmoid
 * factor) and the signal z_s (paper section 2.3). The LSTM has three such products:
 * o ⊙ tanh(c_t), f ⊙ c_{t−1} and i ⊙ g; the GRU three: (1 − z) ⊙ n, z ⊙ h_{t−1} and r ⊙ (W_hn h + b_hn).
 *
 * <pre>
 *   ALL    R_g = 0                                   R_s = R                     (Arras et al. 2017)
 *   PROP   R_g = z_g / (z_g + z_s + ε·sign(z_g + z_s)) · R,  R_s likewise with z_s  (Ding et al. 2017)
 *   ABS    R_g = |z_g| / (|z_g| + |z_s| + ε) · R,        R_s likewise with |z_s|
 *   HALF   R_g = R_s = R / 2                                                      (Arjona-Medina et al. 2018)
 * </pre>
 *
 * The share the stabiliser ε takes in PROP and ABS is not passed on; LRP reports it in the rest.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum LrpRule {
    /** Signal takes all: {@code lrp-all}. */
    ALL("lrp-all", RelevanceRules.Split.ALL),
    /** Proportional to the factors: {@code lrp-prop}. */
    PROP("lrp-prop", RelevanceRules.Split.PROP),
    /** Proportional to the factors' absolute values: {@code lrp-abs}. */
    ABS("lrp-abs", RelevanceRules.Split.ABS),
    /** Equal halves: {@code lrp-half}. */
    HALF("lrp-half", RelevanceRules.Split.HALF);

    private final String id;
    private final RelevanceRules.Split split;

    LrpRule(String id, RelevanceRules.Split split) {
        this.id = id;
        this.split = split;
    }

    RelevanceRules.Split split() {
        return split;
    }

    /** The method id, e.g. {@code lrp-all}. */
    public String id() {
        return id;
    }
}
