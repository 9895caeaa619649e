package dev.explainunit.toy;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The two toy arithmetic tasks of paper section 3.2 and appendix A.4. Every step carries a number
 * n_t; the target depends only on the numbers n_a, n_b at the two marked positions a &lt; b.
 *
 * <pre>
 *   addition:     n ~ U([−1, −0.5] ∪ [0.5, 1]),   y = n_a + n_b
 *   subtraction:  n ~ U[0.5, 1],                  y = n_a − n_b
 * </pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ToyTask {

    ADDITION("addition"),
    SUBTRACTION("subtraction");

    private final String id;

    ToyTask(String id) {
        this.id = id;
    }

    /** The lower-case name used on the command line, in files and in model ids. */
    public String id() {
        return id;
    }

    /** The target y for the numbers at the two marked positions. */
    public double target(double na, double nb) {
        return this == ADDITION ? na + nb : na - nb;
    }

    /**
     * The task with the given {@link #id()} (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static ToyTask fromId(String id) {
        if (id != null) {
            for (ToyTask task : values()) {
                if (task.id.equalsIgnoreCase(id.strip())) {
                    return task;
                }
            }
        }
        throw new IllegalArgumentException("unknown task [" + id + "]; known tasks: "
                + Arrays.stream(values()).map(ToyTask::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
