package dev.explainunit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The sentiment task's section of a report (the paper's section 3.3 and 4), in {@code report.json} as
 * top-level keys under DESIGN's names: {@code sentiment} (what was run), {@code table3},
 * {@code table4}, {@code table5} and {@code figure1}. Undefined numbers (NaN) are {@code null}.
 *
 * @param sentiment the run: model and data, sentence counts, methods left out, time per step
 * @param table3    word deletion beside the paper's row
 * @param table4    composition → method → the average heatmap; empty where it does not apply
 * @param table5    the most confidently misclassified test sentences, each method's relevance for the predicted class
 * @param figure1   representation → the whitened PCA projection
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"sentiment", "table3", "table4", "table5", "figure1"})
public record SentimentSection(Run sentiment, Table3 table3, Map<String, Map<String, Composition>> table4,
                               List<Misclassified> table5, Map<String, Projection> figure1)
        implements ReportSection {

    /** The id a task declares to contribute this section. */
    public static final String ID = "sentiment";

    public SentimentSection {
        table4 = table4 == null ? Map.of() : table4;
        table5 = table5 == null ? List.of() : List.copyOf(table5);
        figure1 = figure1 == null ? Map.of() : figure1;
    }

    @Override
    public List<String> keys() {
        return List.of("sentiment", "table3", "table4", "table5", "figure1");
    }

    /** One sentiment run per report: the newer replaces the older. */
    @Override
    public SentimentSection mergedWith(ReportSection newer) {
        return (SentimentSection) newer;
    }

    /**
     * What was run.
     *
     * @param data            the model and the sentences, in words
     * @param sentences       test sentences read
     * @param figureSentences of which Figure 1 projects the first this many
     * @param table4Reason    why Table 4 is empty, or null
     * @param skipped         method → why it was left out
     * @param seconds         step → wall seconds
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @JsonPropertyOrder({"data", "sentences", "figure_sentences", "table4_reason", "skipped", "seconds"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(String data, int sentences, int figureSentences, String table4Reason, Map<String, String> skipped,
                      Map<String, Double> seconds) {
    }

    /**
     * Table 3, normalised (random = 0, occlusion-p-diff = 100) per order and method, with the raw
     * accuracies at 0..3 deleted words and the paper's row (measured on SST, not on this data).
     *
     * @param decreasing   method → normalised score, most relevant words deleted from correct sentences
     * @param increasing   method → normalised score, least relevant words deleted from misclassified sentences
     * @param accuracy     order ({@code decreasing}, {@code increasing}) → method → accuracy in % at k = 0..3
     * @param paper        order → method → the paper's number
     * @param zeroError    order → standard error of random's 0 on the normalised scale
     * @param randomDraws  draws of random deletion
     * @param correct      kept sentences (≥ 10 words) classified correctly: the decreasing half
     * @param incorrect    kept sentences misclassified: the increasing half
     * @param note         how our data differ from the paper's
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @JsonPropertyOrder({"decreasing", "increasing", "accuracy", "paper", "zero_error", "random_draws", "correct",
            "incorrect", "note"})
    public record Table3(Map<String, Double> decreasing, Map<String, Double> increasing,
                         Map<String, Map<String, List<Double>>> accuracy, Map<String, Map<String, Double>> paper,
                         Map<String, Double> zeroError, int randomDraws, int correct, int incorrect, String note) {
    }

    /**
     * One method's average heatmap of one composition (Table 4).
     *
     * @param words   the placeholders, e.g. {@code <not>}, {@code <positive>}
     * @param mean    mean relevance per word
     * @param std     standard deviation per word
     * @param samples how many samples
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @JsonPropertyOrder({"words", "mean", "std", "samples"})
    public record Composition(List<String> words, List<Double> mean, List<Double> std, int samples) {
    }

    /**
     * A misclassified test sentence (Table 5).
     *
     * @param index       its position in the test set
     * @param tokens      the words
     * @param label       the true class
     * @param predicted   the model's class, the target of every relevance
     * @param probability the softmax probability of the predicted class
     * @param relevance   method → one value per word
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @JsonPropertyOrder({"index", "tokens", "label", "predicted", "probability", "relevance"})
    public record Misclassified(int index, List<String> tokens, int label, int predicted, double probability,
                               Map<String, double[]> relevance) {
    }

    /**
     * A Figure 1 panel.
     *
     * @param explained {% of variance by PC1 + PC2, % by PC3}
     * @param x         each sentence's whitened PC1 coordinate
     * @param y         its PC2 coordinate
     * @param classes   its true class, the colour of its point
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @JsonPropertyOrder({"explained", "x", "y", "classes"})
    public record Projection(List<Double> explained, double[] x, double[] y, int[] classes) {
    }
}
