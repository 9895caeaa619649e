package dev.explainunit.explainers;

import dev.explainunit.Sequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        Integer[] order = new Integer[inputs.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingInt(k -> inputs.get(k).length())); // stable
        List<int[]> groups = new ArrayList<>();
        int from = 0;
        while (from < order.length) {
            int length = inputs.get(order[from]).length();
            int to = from + 1;
            while (to < order.length && to - from < size && inputs.get(order[to]).length() == length) {
                to++;
            }
            int[] group = new int[to - from];
            for (int k = 0; k < group.length; k++) {
                group[k] = order[from + k];
            }
            groups.add(group);
            from = to;
        }
        return groups;
    }
}
