package dev.explainunit.explainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.explainunit.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The groups against a brute force: a stable sort of the indices by length, cut into runs of equal length. */
class EqualLengthGroupsTest {

    @Test
    void lengths_in_a_narrow_range_are_grouped_as_by_a_stable_sort() {
        qt().forAll(lists().of(integers().between(1, 30)).ofSizeBetween(0, 200), integers().between(1, 9))
                .checkAssert((lengths, size) -> assertThat(EqualLengthGroups.of(sequences(lengths), size))
                        .containsExactlyElementsOf(bruteForce(lengths, size)));
    }

    @Test
    void lengths_spread_wider_than_the_batch_are_grouped_the_same_way() {
        qt().forAll(lists().of(integers().between(1, 3000)).ofSizeBetween(1, 12), integers().between(1, 4))
                .checkAssert((lengths, size) -> assertThat(EqualLengthGroups.of(sequences(lengths), size))
                        .containsExactlyElementsOf(bruteForce(lengths, size)));
    }

    private static List<Sequence> sequences(List<Integer> lengths) {
        return lengths.stream().map(t -> Sequence.of(new double[t][1])).toList();
    }

    private static List<int[]> bruteForce(List<Integer> lengths, int size) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, lengths.size()).boxed().toList());
        order.sort(Comparator.comparing(lengths::get)); // List.sort is stable
        List<int[]> groups = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        for (int k : order) {
            if (!group.isEmpty() && (group.size() == size || !lengths.get(group.get(0)).equals(lengths.get(k)))) {
                groups.add(group.stream().mapToInt(Integer::intValue).toArray());
                group.clear();
            }
            group.add(k);
        }
        if (!group.isEmpty()) {
            groups.add(group.stream().mapToInt(Integer::intValue).toArray());
        }
        return groups;
    }
}
