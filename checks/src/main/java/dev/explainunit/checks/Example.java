package dev.explainunit.checks;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One explained sequence: its steps with their relevances, the operand positions and the model's
 * prediction, as shown in failure messages and report heatmaps.
 *
 * @param steps      one row per step
 * @param a          position of the first operand (0-based)
 * @param b          position of the second operand (0-based)
 * @param y          the true target y
 * @param prediction the model's output f(x)
 * @param statistic  the check's per-sequence statistic on this sequence (e.g. its relevant mass)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Example(List<StepValue> steps, int a, int b, double y, double prediction, double statistic) {
}
