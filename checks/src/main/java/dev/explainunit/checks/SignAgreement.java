package dev.explainunit.checks;

import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.Sample;
import java.util.List;

/**
 * The sentence form of ground-truth correlation: whether each polar word's relevance has the sign
 * of its true contribution towards the explained class ({@code src/docs/checks.md}, "Sentences").
 * Over the samples with ground truth and their positions of role {@value #ROLE} (every relevant
 * position when no sample has that role), split by the sign of the contribution c_t:
 *
 * <pre>
 *   S = {t : c_t > 0} (supports the class),   O = {t : c_t &lt; 0} (speaks against it)
 *   agreement = ½ · ( #{t ∈ S : R_t > 0} / |S|  +  #{t ∈ O : R_t &lt; 0} / |O| )
 * </pre>
 *
 * per model; the statistic is its mean over the models. Balanced over the two signs, so that a
 * relevance of one sign everywhere (e.g. gradient, R_t = ‖∂f/∂x_t‖² ≥ 0) scores 0.5 however many
 * polar words support the class; R_t = 0 agrees with neither. Undefined (NaN) when S or O is empty.
 */
final class SignAgreement {

    /** The role whose positions are judged: the corpus's polar words. */
    static final String ROLE = "polar";

    /** Per-model statistic names: the agreement and the two shares, as fractions. */
    static final String AGREEMENT = "signAgreement";
    static final String SUPPORTING = "signAgreementSupporting";
    static final String OPPOSING = "signAgreementOpposing";

    private SignAgreement() {
    }

    /**
     * {agreement, share of S with R &gt; 0, share of O with R &lt; 0, |S|, |O|} of model {@code m}.
     */
    static double[] of(ExplainedPopulation p, int m) {
        List<Sample> samples = p.samples();
        boolean polar = hasRole(samples);
        int support = 0;
        int oppose = 0;
        int supportAgrees = 0;
        int opposeAgrees = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (!s.hasTruth()) {
                continue;
            }
            double[] r = p.relevance(m, i);
            for (GroundTruth.Relevant t : s.truth().relevant()) {
                if (polar && !t.role().equals(ROLE) || t.contribution() == 0 || Double.isNaN(t.contribution())) {
                    continue;
                }
                if (t.contribution() > 0) {
                    support++;
                    supportAgrees += r[t.position()] > 0 ? 1 : 0;
                } else {
                    oppose++;
                    opposeAgrees += r[t.position()] < 0 ? 1 : 0;
                }
            }
        }
        double supporting = support == 0 ? Double.NaN : (double) supportAgrees / support;
        double opposing = oppose == 0 ? Double.NaN : (double) opposeAgrees / oppose;
        return new double[] {(supporting + opposing) / 2, supporting, opposing, support, oppose};
    }

    /** Whether any sample has a position of role {@value #ROLE}. */
    static boolean hasRole(List<Sample> samples) {
        for (Sample s : samples) {
            if (s.hasTruth() && s.truth().role(ROLE).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The positions judged in one sample: those of role {@value #ROLE} if it has any, else all relevant ones. */
    static List<GroundTruth.Relevant> judged(GroundTruth truth) {
        List<GroundTruth.Relevant> polar = truth.relevant().stream().filter(t -> t.role().equals(ROLE)).toList();
        return polar.isEmpty() ? truth.relevant() : polar;
    }
}
