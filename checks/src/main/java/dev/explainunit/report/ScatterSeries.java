package dev.explainunit.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apiguardian.api.API;

/**
 * Points for the scatter plots of R_a against n_a and R_b against n_b of one method on one task
 * (paper 3.2: a faithful method puts the operands on a line). Subsampled to keep reports small.
 *
 * @param task   the task id
 * @param method the explainer id
 * @param na     n_a per point
 * @param ra     R_a per point
 * @param nb     n_b per point
 * @param rb     R_b per point
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"task", "method", "na", "ra", "nb", "rb"})
public record ScatterSeries(String task, String method, double[] na, double[] ra, double[] nb, double[] rb) {

    public ScatterSeries {
        if (na.length != ra.length || nb.length != rb.length || na.length != nb.length) {
            throw new IllegalArgumentException("scatter series " + method + "/" + task + " has columns of different lengths");
        }
    }
}
