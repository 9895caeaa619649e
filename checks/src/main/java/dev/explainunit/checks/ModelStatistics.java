package dev.explainunit.checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One model's per-model statistics, by name, each over that model's test sequences; the checks
 * that have one contribute it. On the toy tasks these are the columns of Table 2 (Arras et al.
 * 2019): {@code rhoA} and {@code rhoB} (ρ(R_a, n_a) and ρ(R_b, n_b) in %, NaN if the relevance
 * is constant), {@code mass} (relevant mass in %) and {@code mse} (conservation, raw). The paper
 * reports the mean and std of these over the 50 models.
 *
 * @param modelId the model's id
 * @param values  the statistics by name, in the order the checks contributed them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ModelStatistics(String modelId, Map<String, Double> values) {

    /** Name of the relevant mass in %, as {@link Check#RELEVANT_MASS} gives it. */
    public static final String MASS = RelevantMassCheck.PER_MODEL;
    /** Name of the conservation MSE, as {@link Check#RELEVANCE_CONSERVATION} gives it. */
    public static final String MSE = RelevanceConservationCheck.PER_MODEL;

    public ModelStatistics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The name of ρ of a ground-truth role in %, as {@link Check#GROUND_TRUTH_CORRELATION} gives it:
     * "rhoA" for role "a", "rhoNegator" for "negator".
     */
    public static String rho(String role) {
        return GroundTruthCorrelationCheck.perModel(role);
    }

    /** The statistic {@code name}, NaN when this model has none of that name. */
    public double get(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }
}
