package dev.explainunit.composition;

import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The samples of one composition (appendix A.5) and how they were found.
 *
 * @param composition the composition
 * @param modifiers   the negators (type 1) or amplifiers (types 2 and 3) that passed the 40% rule;
 *                    for type 4 the neutral negators (every one is tried)
 * @param constructed number of n-grams built from the neutral modifiers and the sentiment words
 * @param classShare  the share of the constructed n-grams predicted as each class, in % (the
 *                    paper's "60% are classified as negative, 26% as neutral, ...")
 * @param samples     the kept n-grams, each predicted as {@link Composition#predicted()}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ComposedSamples(Composition composition, List<String> modifiers, int constructed, double[] classShare,
                              List<List<String>> samples) {

    public ComposedSamples {
        modifiers = List.copyOf(modifiers);
        classShare = classShare.clone();
        samples = samples.stream().map(List::copyOf).toList();
    }

    @Override
    public double[] classShare() {
        return classShare.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ComposedSamples s && s.composition == composition && s.modifiers.equals(modifiers)
                && s.constructed == constructed && Arrays.equals(s.classShare, classShare)
                && s.samples.equals(samples);
    }

    @Override
    public int hashCode() {
        return composition.hashCode() * 31 + samples.hashCode();
    }
}
