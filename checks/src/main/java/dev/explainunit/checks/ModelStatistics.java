package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * One model's row of Table 2 (Arras et al. 2019): ρ(R_a, n_a) and ρ(R_b, n_b) in %, the relevant
 * mass E[(|R_a| + |R_b|) / Σ_t |R_t|] in %, and the conservation "MSE"
 * E[((R_a + R_b) − y_pred)²] (raw), each over that model's test sequences. The paper reports the
 * mean and std of these over the 50 models.
 *
 * @param modelId the zoo model's id
 * @param rhoA    ρ(R_a, n_a) in % (NaN if R_a is constant)
 * @param rhoB    ρ(R_b, n_b) in % (NaN if R_b is constant)
 * @param mass    relevant mass in %
 * @param mse     conservation MSE, raw
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ModelStatistics(String modelId, double rhoA, double rhoB, double mass, double mse) {
}
