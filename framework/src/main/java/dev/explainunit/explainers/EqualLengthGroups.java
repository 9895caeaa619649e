package dev.explainunit.explainers;

import dev.explainunit.Sequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How a batch explainer splits its inputs into groups that run side by side. */
final class EqualLengthGroups {

    private EqualLengthGroups() {
    }

    /**
     * The indices of {@code inputs} in groups of equal length and at most {@code size} members:
     * shorter lengths first, and within a length the inputs in their order, cut into groups of
     * {@code size} and a last smaller one.
     */
    static List<int[]> of(List<Sequence> inputs, int size) {
        // sort keys length · 2^32 + index: by length, and within a length by index, with a
        // primitive sort (no boxing, no comparator: this runs once per batch of up to 1000 inputs)
        long[] keys = new long[inputs.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = (long) inputs.get(k).length() << 32 | k;
        }
        Arrays.sort(keys);
        List<int[]> groups = new ArrayList<>();
        int from = 0;
        while (from < keys.length) {
            long length = keys[from] >>> 32;
            int to = from + 1;
            while (to < keys.length && to - from < size && keys[to] >>> 32 == length) {
                to++;
            }
            int[] group = new int[to - from];
            for (int k = 0; k < group.length; k++) {
                group[k] = (int) keys[from + k];
            }
            groups.add(group);
            from = to;
        }
        return groups;
    }
}
