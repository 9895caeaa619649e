package dev.explainunit.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apiguardian.api.API;

/**
 * One input sequence with the relevance an explainer gave each step.
 *
 * @param inputs     x_t, {@code [t][d]}
 * @param relevance  R_t, one per step
 * @param a          position of the first operand (0-based), or −1 if unknown
 * @param b          position of the second operand (0-based), or −1 if unknown
 * @param target     the true output y (NaN if unknown)
 * @param prediction the model's output f(x) (NaN if unknown)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"inputs", "relevance", "a", "b", "target", "prediction"})
public record Sample(double[][] inputs, double[] relevance, int a, int b, double target, double prediction) {

    public Sample {
        if (inputs == null || relevance == null) {
            throw new IllegalArgumentException("a sample needs inputs and relevance");
        }
    }

    /** Number of steps T. */
    public int length() {
        return inputs.length;
    }
}
