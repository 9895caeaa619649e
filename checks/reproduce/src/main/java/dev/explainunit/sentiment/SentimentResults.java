package dev.explainunit.sentiment;

import dev.explainunit.composition.Composition;
import dev.explainunit.composition.CompositionSamples;
import dev.explainunit.deletion.Table3;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Everything {@link SentimentExperiments#run} computes, keyed as DESIGN's JSON keys:
 * {@code table3.decreasing.<method>} = {@code table3.decreasing().get(method)},
 * {@code table3.accuracy.<order>.<method>} = {@code table3.accuracy().get(method).accuracy(order)},
 * {@code table4.<composition>.<method>} = {@code table4.get(composition).get(method)},
 * {@code figure1.<representation>.explained} = {@code figure1.get(representation).explained()}.
 *
 * @param table3           word deletion
 * @param compositions     the samples of the compositions, or null where they do not apply
 * @param table4           per composition, per method; empty where the compositions do not apply
 * @param table4Reason     why Table 4 is empty, or null
 * @param table5           the most confidently misclassified sentences with each method's relevance
 * @param figure1          per representation (method ids, {@code avg}, {@code lrp-ht})
 * @param skipped          methods left out because they do not support the model or failed on the test
 *                         sentences, with the reason
 * @param nanos            wall time per step ({@code classify}, {@code explain:<method>},
 *                         {@code table3:deletion} (every method's and random's), {@code table4:select}, {@code table4:<method>},
 *                         {@code figure1:<representation>}, {@code table5}, ...) in nanoseconds
 * @param sentences        how many test sentences were read
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentimentResults(Table3 table3, CompositionSamples compositions,
                               Map<Composition, Map<String, CompositionRelevance>> table4, String table4Reason,
                               List<MisclassifiedSentence> table5, Map<String, Projection> figure1,
                               Map<String, String> skipped, Map<String, Long> nanos, int sentences) {

    public SentimentResults {
        table4 = Collections.unmodifiableMap(new LinkedHashMap<>(table4));
        table5 = List.copyOf(table5);
        figure1 = Collections.unmodifiableMap(new LinkedHashMap<>(figure1));
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        nanos = Collections.unmodifiableMap(new LinkedHashMap<>(nanos));
    }
}
