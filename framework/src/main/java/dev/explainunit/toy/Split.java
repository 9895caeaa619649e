package dev.explainunit.toy;

import org.apiguardian.api.API;

/**
 * The data splits of paper section 3.2. Validation and test sequences are longer than any training
 * sequence, so a model that counts steps instead of reading the marks does not pass validation.
 *
 * <pre>
 *   train       10000 sequences, T uniform in {4, ..., 10}
 *   validation   2500 sequences, T uniform in {11, 12}
 *   test         2500 sequences, T uniform in {13, 14}
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Split {

    TRAIN("train", 10_000, 4, 10),
    VALIDATION("validation", 2_500, 11, 12),
    TEST("test", 2_500, 13, 14);

    private final String id;
    private final int size;
    private final int minLength;
    private final int maxLength;

    Split(String id, int size, int minLength, int maxLength) {
        this.id = id;
        this.size = size;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** The lower-case name, e.g. {@code "validation"}. */
    public String id() {
        return id;
    }

    /** Number of sequences of the paper's split. */
    public int size() {
        return size;
    }

    /** Shortest sequence length (inclusive). */
    public int minLength() {
        return minLength;
    }

    /** Longest sequence length (inclusive). */
    public int maxLength() {
        return maxLength;
    }

    @Override
    public String toString() {
        return id;
    }
}
