package dev.explainunit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.explainunit.checks.Verdict;
import org.apiguardian.api.API;

/**
 * One row of Table 2: a method on one task, each metric as mean and std over the models.
 *
 * @param rhoA    Pearson correlation of R_a with n_a, in %
 * @param rhoB    Pearson correlation of R_b with n_b, in %
 * @param mass    relevant mass E[(|R_a| + |R_b|) / Σ_t |R_t|], in %
 * @param mse     conservation error E[((R_a + R_b) − y_pred)²]
 * @param verdict {@code "pass"} or {@code "fail"}
 * @param note    why a method was skipped or anything else worth a footnote, or {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"rho_a", "rho_b", "mass", "mse", "verdict", "note"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MethodResult(Stat rhoA, Stat rhoB, Stat mass, Stat mse, String verdict, String note) {

    /** Whether the verdict is a pass. */
    public boolean passed() {
        return Verdict.PASS.word().equals(verdict);
    }
}
