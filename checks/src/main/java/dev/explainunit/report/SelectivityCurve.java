package dev.explainunit.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apiguardian.api.API;

/**
 * How fast the prediction moves when the steps a method ranks most relevant are removed first
 * (deleted, not set to zero, as the perturbation-selectivity check does): {@code change[k]} is the
 * mean of |f(x) − f(x without the k steps of largest |R_t|)| over sequences and models, k = 0, 1, ...
 * A selective method reaches the full change at k = 2 on the toy tasks, where only the two
 * operands matter.
 *
 * @param task   the task id
 * @param method the explainer id, or {@code random} and {@code operands first} for the baselines
 * @param change the mean absolute change of the output after removing k steps, k = 0..K
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"task", "method", "change"})
public record SelectivityCurve(String task, String method, double[] change) {
}
