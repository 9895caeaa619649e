package dev.explainunit.toy;

import dev.explainunit.Sequence;
import org.apiguardian.api.API;

/**
 * One toy-task sequence with its ground truth: x_a = (n_a, 0), x_b = (n_b, 0), every other step
 * x_t = (0, n_t), and the target y (paper 3.2).
 *
 * @param sequence the T x 2 input
 * @param a        the first marked position, 0-based
 * @param b        the second marked position, 0-based, {@code a < b}
 * @param na       the number at position a
 * @param nb       the number at position b
 * @param y        the target: n_a + n_b (addition) or n_a − n_b (subtraction)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToySample(Sequence sequence, int a, int b, double na, double nb, double y) {

    /** @throws IllegalArgumentException if the positions are not {@code 0 <= a < b < T} */
    public ToySample {
        if (sequence == null) {
            throw new IllegalArgumentException("a toy sample needs a sequence");
        }
        if (a < 0 || a >= b || b >= sequence.length()) {
            throw new IllegalArgumentException("marked positions must satisfy 0 <= a < b < T, got a=" + a
                    + ", b=" + b + ", T=" + sequence.length());
        }
    }

    /** T, the number of steps. */
    public int length() {
        return sequence.length();
    }
}
