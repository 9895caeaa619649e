package dev.explainunit.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One test sequence explained by every method, shown as rows of a heatmap (like the paper's
 * figures): the same input, one relevance row per method.
 *
 * @param task      the task id
 * @param modelId   the model explained
 * @param inputs    x_t, {@code [t][d]}
 * @param a         position of the first operand (0-based)
 * @param b         position of the second operand (0-based)
 * @param target    the true output y
 * @param prediction the model's output
 * @param relevance R_t per method id, in method order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"task", "model_id", "inputs", "a", "b", "target", "prediction", "relevance"})
public record RelevanceExample(String task, String modelId, double[][] inputs, int a, int b, double target,
                               double prediction, Map<String, double[]> relevance) {

    public RelevanceExample {
        relevance = new LinkedHashMap<>(relevance);
    }
}
