package dev.explainunit.task;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What is known of one sample's true relevance: the positions that determine the target, each
 * with a role (the same role names the same kind of position in every sample, e.g. "a" and "b"),
 * its value and the sign it enters the target with. The toy tasks (paper 3.2) have
 *
 * <pre>
 *   addition:     [(a, "a", n_a, +1), (b, "b", n_b, +1)]    y = n_a + n_b
 *   subtraction:  [(a, "a", n_a, +1), (b, "b", n_b, −1)]    y = n_a − n_b
 * </pre>
 *
 * @param relevant the relevant positions in increasing order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GroundTruth(List<Relevant> relevant) {

    /**
     * One relevant position.
     *
     * @param position the 0-based step
     * @param role     what the position is, the same name across samples (e.g. "a", "negator")
     * @param value    the value it carries (e.g. n_a), NaN when only the position is known
     * @param sign     +1 or −1: the sign it enters the target with (y grows or falls with value)
     */
    public record Relevant(int position, String role, double value, double sign) {

        public Relevant {
            if (position < 0) {
                throw new IllegalArgumentException("a relevant position must be >= 0, got " + position);
            }
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("a relevant position needs a role");
            }
            if (sign != 1 && sign != -1) {
                throw new IllegalArgumentException("the sign of a relevant position is +1 or -1, got " + sign);
            }
        }

        /** The signed contribution sign · value: the position's true share of the target. */
        public double contribution() {
            return sign * value;
        }
    }

    /** @throws IllegalArgumentException if there is no relevant position or positions repeat or are unsorted */
    public GroundTruth {
        if (relevant == null || relevant.isEmpty()) {
            throw new IllegalArgumentException("a ground truth names at least one relevant position");
        }
        relevant = List.copyOf(relevant);
        for (int k = 1; k < relevant.size(); k++) {
            if (relevant.get(k).position() <= relevant.get(k - 1).position()) {
                throw new IllegalArgumentException("relevant positions must increase, got " + relevant);
            }
        }
    }

    /** Shorthand for a ground truth of the given relevant positions. */
    public static GroundTruth of(Relevant... relevant) {
        return new GroundTruth(List.of(relevant));
    }

    /** Whether step {@code t} is relevant. */
    public boolean isRelevant(int t) {
        for (Relevant r : relevant) {
            if (r.position() == t) {
                return true;
            }
        }
        return false;
    }

    /** The relevant position with {@code role}, if the sample has one. */
    public Optional<Relevant> role(String role) {
        return relevant.stream().filter(r -> r.role().equals(role)).findFirst();
    }

    /** The last position any relevant step has; a sample must be longer than this. */
    int lastPosition() {
        return relevant.get(relevant.size() - 1).position();
    }
}
