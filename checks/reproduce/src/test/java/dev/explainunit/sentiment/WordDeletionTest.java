package dev.explainunit.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.deletion.DeletionCurve;
import dev.explainunit.deletion.DeletionOrder;
import dev.explainunit.deletion.RandomDeletion;
import dev.explainunit.checks.ModelPasses;
import dev.explainunit.deletion.SentencePasses;
import dev.explainunit.deletion.WordDeletion;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDeletionTest {

    private static final SentenceModel MODEL = TinySentenceModels.model(3, 2, 2, 3, true, 2.0);
    private static final List<SentenceRecord> CORPUS = TinySentenceModels.corpus(5, 80, 3);

    @Test
    void curves_match_a_brute_force_recomputation_with_occlusion_relevance() {
        WordDeletion deletion = WordDeletion.of(MODEL, CORPUS, (n, pass) -> ModelPasses.forEach(n, 2, pass));
        List<Relevance> relevances = new ArrayList<>();
        for (SentenceRecord s : deletion.sentences()) {
            relevances.add(BuiltInExplainers.create("occlusion-f-diff").explain(MODEL.lstm(), MODEL.embed(s.tokens()),
                    s.label()));
        }
        assertMatchesBruteForce(deletion.curve("occlusion-f-diff", relevances), relevances);
    }

    @Test
    void equal_relevances_are_removed_earliest_first_as_the_brute_force_does() {
        WordDeletion deletion = WordDeletion.of(MODEL, CORPUS, SentencePasses.sequential());
        List<Relevance> relevances = new ArrayList<>();
        for (SentenceRecord s : deletion.sentences()) {
            double[] r = new double[s.tokens().size()];
            for (int t = 0; t < r.length; t++) {
                r[t] = TinySentenceModels.WORDS.indexOf(s.tokens().get(t)) % 3; // many ties
            }
            relevances.add(Relevance.perStep(r));
        }
        assertMatchesBruteForce(deletion.curve("ties", relevances), relevances);
    }

    @Test
    void keeps_the_sentences_of_at_least_ten_words_and_splits_them_by_the_models_initial_verdict() {
        WordDeletion deletion = WordDeletion.of(MODEL, CORPUS, (n, pass) -> ModelPasses.forEach(n, 2, pass));
        long kept = CORPUS.stream().filter(s -> s.tokens().size() >= 10).count();
        assertThat(deletion.sentences()).hasSize((int) kept).allMatch(s -> s.tokens().size() >= 10);
        int correct = 0;
        for (SentenceRecord s : deletion.sentences()) {
            correct += classify(s.tokens()) == s.label() ? 1 : 0;
        }
        assertThat(deletion.correctCount()).isEqualTo(correct);
        assertThat(deletion.incorrectCount()).isEqualTo(kept - correct).isPositive();
        assertThat(correct).isPositive();
    }

    @Test
    void random_deletion_mean_and_standard_error_match_a_direct_computation_over_the_draws() {
        WordDeletion deletion = WordDeletion.of(MODEL, CORPUS, (n, pass) -> ModelPasses.forEach(n, 2, pass));
        int draws = 7;
        RandomDeletion random = deletion.random(draws, 42);
        double[][] decreasing = new double[draws][];
        double[][] increasing = new double[draws][];
        for (int d = 0; d < draws; d++) {
            List<int[]> orders = new ArrayList<>();
            for (int i = 0; i < deletion.sentences().size(); i++) {
                orders.add(WordDeletion.randomOrder(deletion.sentences().get(i).tokens().size(), 42, d, i));
            }
            double[][] curves = bruteForce(deletion.sentences(), orders);
            decreasing[d] = curves[0];
            increasing[d] = curves[1];
        }
        for (int k = 0; k <= 3; k++) {
            assertThat(random.curve().decreasing()[k]).isCloseTo(mean(column(decreasing, k)), within(1e-9));
            assertThat(random.curve().increasing()[k]).isCloseTo(mean(column(increasing, k)), within(1e-9));
            assertThat(random.standardError(DeletionOrder.DECREASING)[k])
                    .isCloseTo(standardErrorBySums(column(decreasing, k)), within(1e-9));
            assertThat(random.standardError(DeletionOrder.INCREASING)[k])
                    .isCloseTo(standardErrorBySums(column(increasing, k)), within(1e-9));
        }
        double[] changes = new double[draws];
        for (int d = 0; d < draws; d++) {
            changes[d] = (decreasing[d][1] + decreasing[d][2] + decreasing[d][3]) / 3 - decreasing[d][0];
        }
        assertThat(random.meanChangeError(DeletionOrder.DECREASING))
                .isCloseTo(standardErrorBySums(changes), within(1e-9)).isPositive();
    }

    @Test
    void random_orders_are_three_distinct_positions_and_depend_only_on_seed_draw_and_sentence() {
        for (int length = 3; length < 30; length++) {
            int[] order = WordDeletion.randomOrder(length, 9, 2, length);
            assertThat(order).hasSize(3).doesNotHaveDuplicates();
            assertThat(positions(length)).contains(order);
            assertThat(WordDeletion.randomOrder(length, 9, 2, length)).isEqualTo(order);
        }
        assertThat(WordDeletion.randomOrder(20, 9, 2, 5)).isNotEqualTo(WordDeletion.randomOrder(20, 9, 3, 5));
    }

    @Test
    void a_relevance_of_the_wrong_length_is_refused_naming_the_method_and_the_sentence_line() {
        WordDeletion deletion = WordDeletion.of(MODEL, CORPUS, SentencePasses.sequential());
        List<Relevance> relevances = new ArrayList<>();
        for (SentenceRecord s : deletion.sentences()) {
            relevances.add(Relevance.perStep(new double[s.tokens().size()]));
        }
        relevances.set(0, Relevance.perStep(1, 2));
        assertThatThrownBy(() -> deletion.curve("mine", relevances))
                .hasMessageContaining("mine").hasMessageContaining("line " + deletion.sentences().get(0).line())
                .hasMessageContaining("[2 values]");
    }

    @Test
    void an_unlabelled_test_sentence_is_refused_naming_its_line() {
        List<SentenceRecord> test = List.of(new SentenceRecord(List.of("good"), SentenceRecord.NO_LABEL, 17));
        assertThatThrownBy(() -> WordDeletion.of(MODEL, test, SentencePasses.sequential())).hasMessageContaining("line 17")
                .hasMessageContaining("no label");
    }

    private static void assertMatchesBruteForce(DeletionCurve curve, List<Relevance> relevances) {
        List<SentenceRecord> sentences = CORPUS.stream().filter(s -> s.tokens().size() >= 10).toList();
        List<int[]> orders = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            boolean correct = classify(sentences.get(i).tokens()) == sentences.get(i).label();
            orders.add(selectionOrder(relevances.get(i).toArray(), correct));
        }
        double[][] expected = bruteForce(sentences, orders);
        assertThat(curve.decreasing()).containsExactly(expected[0], within(1e-12));
        assertThat(curve.increasing()).containsExactly(expected[1], within(1e-12));
        assertThat(curve.decreasing()[0]).isEqualTo(100.0);
        assertThat(curve.increasing()[0]).isEqualTo(0.0);
    }

    /** Three positions by repeated selection: the largest (correct) or smallest (misclassified) remaining value, the first on ties. */
    private static int[] selectionOrder(double[] r, boolean largestFirst) {
        boolean[] taken = new boolean[r.length];
        int[] order = new int[3];
        for (int k = 0; k < 3; k++) {
            int best = -1;
            for (int t = 0; t < r.length; t++) {
                if (!taken[t] && (best < 0 || (largestFirst ? r[t] > r[best] : r[t] < r[best]))) {
                    best = t;
                }
            }
            taken[best] = true;
            order[k] = best;
        }
        return order;
    }

    /** {decreasing, increasing} accuracies in % by deleting order[0..k) and classifying each shortened sentence afresh. */
    private static double[][] bruteForce(List<SentenceRecord> sentences, List<int[]> orders) {
        int[] right = new int[4];
        int[] fixed = new int[4];
        int correct = 0;
        int incorrect = 0;
        for (int i = 0; i < sentences.size(); i++) {
            SentenceRecord s = sentences.get(i);
            boolean initiallyCorrect = classify(s.tokens()) == s.label();
            correct += initiallyCorrect ? 1 : 0;
            incorrect += initiallyCorrect ? 0 : 1;
            for (int k = 0; k <= 3; k++) {
                List<String> rest = new ArrayList<>();
                for (int t = 0; t < s.tokens().size(); t++) {
                    boolean removed = false;
                    for (int j = 0; j < k; j++) {
                        removed |= orders.get(i)[j] == t;
                    }
                    if (!removed) {
                        rest.add(s.tokens().get(t));
                    }
                }
                boolean nowCorrect = classify(rest) == s.label();
                if (initiallyCorrect && nowCorrect) {
                    right[k]++;
                } else if (!initiallyCorrect && nowCorrect) {
                    fixed[k]++;
                }
            }
        }
        double[][] curves = new double[2][4];
        for (int k = 0; k <= 3; k++) {
            curves[0][k] = 100.0 * right[k] / correct;
            curves[1][k] = 100.0 * fixed[k] / incorrect;
        }
        return curves;
    }

    /** The class of the largest output, embedding the words by reading the embedding matrix directly. */
    private static int classify(List<String> tokens) {
        double[][] x = new double[tokens.size()][MODEL.embeddingSize()];
        for (int t = 0; t < tokens.size(); t++) {
            int id = TinySentenceModels.WORDS.indexOf(tokens.get(t));
            for (int e = 0; e < x[t].length; e++) {
                x[t][e] = MODEL.embedding(id, e);
            }
        }
        double[] out = MODEL.lstm().predict(Sequence.of(x));
        int best = 0;
        for (int c = 1; c < out.length; c++) {
            best = out[c] > out[best] ? c : best;
        }
        return best;
    }

    private static int[] positions(int length) {
        return java.util.stream.IntStream.range(0, length).toArray();
    }

    private static double[] column(double[][] rows, int k) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][k];
        }
        return c;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** SE by the one-pass sums: sqrt((Σx² − n·x̄²) / (n − 1) / n). */
    private static double standardErrorBySums(double[] v) {
        int n = v.length;
        double sum = 0;
        double squares = 0;
        for (double x : v) {
            sum += x;
            squares += x * x;
        }
        double variance = (squares - sum * sum / n) / (n - 1);
        return Math.sqrt(Math.max(0, variance) / n);
    }
}
