package dev.explainunit.deletion;

import org.apiguardian.api.API;

/**
 * The two halves of the paper's Table 3 (section 3.3): which sentences word deletion starts from
 * and which words it removes first.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum DeletionOrder {
    /** Most relevant words first, from the initially correctly classified sentences: accuracy should fall. */
    DECREASING("decreasing"),
    /** Least relevant words first, from the initially misclassified sentences: accuracy should rise. */
    INCREASING("increasing");

    private final String key;

    DeletionOrder(String key) {
        this.key = key;
    }

    /** The JSON key, {@code table3.<key>.<method>}. */
    public String key() {
        return key;
    }
}
