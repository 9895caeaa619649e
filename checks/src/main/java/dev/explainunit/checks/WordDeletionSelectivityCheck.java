package dev.explainunit.checks;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.deletion.DeletionCurve;
import dev.explainunit.deletion.DeletionOrder;
import dev.explainunit.deletion.Table3;
import dev.explainunit.deletion.WordDeletion;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.TaskWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Perturbation selectivity on a sentence classifier: the paper's Table 3 (section 3.3, footnote
 * 11), computed by {@link WordDeletion} and {@link Table3} on each model's first
 * {@code probeSamples} test sentences of at least {@value WordDeletion#MIN_LENGTH} words, with the
 * explainer's relevance for the sample's target (the true class):
 *
 * <pre>
 *   Δ̄_m = (1/3) Σ_{k=1..3} (acc_k,m − acc_0)    decreasing: most relevant words first, correctly classified sentences
 *                                              increasing: least relevant words first, misclassified sentences
 *   N_m = 100 · (Δ̄_m − Δ̄_random) / (Δ̄_occlusion-p-diff − Δ̄_random)     for each order
 *   statistic = the lower of the two orders' means over models          pass if ≥ the word-deletion threshold
 * </pre>
 *
 * random deletion averaged over {@value #RANDOM_DRAWS} seeded draws, the reference occlusion-p-diff
 * explained on the same sentences with the task's setting ({@code task.builtIn}). Needs no ground
 * truth, so it runs on a user's own model and data. A half without sentences, or where
 * occlusion-p-diff changes the accuracy no more than random deletion, is undefined (NaN). Single
 * sentence: deleting its word of largest R_t lowers the explained class's score (judged on
 * correctly classified sentences).
 */
final class WordDeletionSelectivityCheck implements SanityCheck {

    /** Random deletion draws per model, as {@code reproduce --task sentiment}. */
    static final int RANDOM_DRAWS = 10;

    /** The model's own passes and the reference are not the explainer under test: not timed as a whole. */
    private static final Duration UNTIMED = Duration.ofDays(1);

    /** The method name of the relevance under test inside Table 3 (its id may be the reference's own). */
    private static final String TESTED = "tested";

    /** Population names of random deletion's standard error in each order. */
    static final String RANDOM_ERROR_MOST = "random_error_most";
    static final String RANDOM_ERROR_LEAST = "random_error_least";

    private final TaskWords words;

    WordDeletionSelectivityCheck(TaskWords words) {
        this.words = words;
    }

    @Override
    public Check key() {
        return Check.PERTURBATION_SELECTIVITY;
    }

    @Override
    public String rule(ExplainedPopulation p) {
        return "deleting the most relevant " + words.steps() + " should lower the accuracy, and deleting the least"
                + " relevant raise it, at least halfway from random deletion towards deletion by occlusion-p-diff";
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "relevance that does not point at the " + words.steps() + " the classifier decides by cannot guide any"
                + " decision";
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.NONE;
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        int models = p.models().size();
        Row[] rows = new Row[models];
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = Math.max(1, cores / models);
        try {
            // the model and the built-in reference are called here, never the explainer under test: no time limit
            GuardedParallel.run(models, Math.min(models, cores), UNTIMED,
                    (m, clock) -> rows[m] = row(p, m, s, threads));
        } catch (Exception e) {
            throw new IllegalStateException("word deletion on the " + p.task().id() + " models failed", e);
        }
        double[] decreasing = new double[models];
        double[] increasing = new double[models];
        int correct = 0;
        int incorrect = 0;
        double zeroDecreasing = 0;
        double zeroIncreasing = 0;
        for (int m = 0; m < models; m++) {
            decreasing[m] = rows[m].decreasing();
            increasing[m] = rows[m].increasing();
            correct += rows[m].correct();
            incorrect += rows[m].incorrect();
            zeroDecreasing += rows[m].decreasingError() / models;
            zeroIncreasing += rows[m].increasingError() / models;
        }
        SelectivityHalves halves = SelectivityHalves.of(p, decreasing, increasing);
        double meanDecreasing = halves.most();
        double meanIncreasing = halves.least();
        int undefined = halves.undefined();
        double threshold = s.thresholds().wordDeletion();
        Verdict verdict = halves.statistic() >= threshold ? Verdict.PASS : Verdict.FAIL;
        Map<String, Double> randomErrors = new LinkedHashMap<>();
        randomErrors.put(RANDOM_ERROR_MOST, zeroDecreasing);
        randomErrors.put(RANDOM_ERROR_LEAST, zeroIncreasing);
        Map<String, Double> statistics = halves.statistics(randomErrors);
        String steps = words.steps();
        String measured = "deleting the most relevant " + steps + " scores " + CheckMessages.num(meanDecreasing)
                + " and deleting the least relevant " + CheckMessages.num(meanIncreasing) + " (Table 3: random = 0 ± "
                + String.format(Locale.ROOT, "%.1f", zeroDecreasing) + " / ± "
                + String.format(Locale.ROOT, "%.1f", zeroIncreasing) + ", occlusion-p-diff = 100; "
                + correct + " correctly classified and " + incorrect + " misclassified sentences of at least "
                + WordDeletion.MIN_LENGTH + " " + steps + " among the first "
                + Math.min(s.probeSamples(), p.samples().size()) + (models == 1 ? "" : " of " + models + " models")
                + ", explainunit.probeSamples)";
        UndefinedStatistic undefinedOn = UndefinedStatistic.onSome(undefined, models, "no correctly classified or no"
                + " misclassified sentence of at least " + WordDeletion.MIN_LENGTH + " " + steps + ", or"
                + " occlusion-p-diff changes the accuracy no more than random deletion");
        String failedHalf = meanDecreasing < threshold && meanIncreasing < threshold ? "both orders fail: "
                : meanDecreasing < threshold ? "the decreasing order fails, the increasing passes: "
                : "the increasing order fails, the decreasing passes: ";
        String message = verdict == Verdict.PASS
                ? CheckMessages.passed(p, measured + ", at least " + CheckMessages.num(threshold), this)
                : undefined > 0
                ? CheckMessages.failed(p, this, "the selectivity is " + undefinedOn.phrase() + "; " + measured + ".")
                : CheckMessages.failed(p, this, failedHalf + measured + ", threshold " + CheckMessages.num(threshold)
                        + ".");
        return CheckEvaluation.result(key(), p, s, statistics, SelectivityHalves.STATISTIC, threshold, Comparison.AT_LEAST, verdict,
                halves.perModel(), message, undefinedOn);
    }

    /** The lower of the model's two orders ({@link SelectivityHalves#modelScore}). */
    @Override
    public double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        return SelectivityHalves.modelScore(statistics);
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        return "deleting the " + words.step() + " of largest R_t lowers the explained class's score";
    }

    /** A sentence is judged by classifying it without a word: it needs the model. */
    @Override
    public boolean judgesFreshOnly() {
        return true;
    }

    /**
     * A correctly classified sample holds when deleting its step of largest R_t lowers f_c, c the
     * target; any other sample holds (is not judged).
     */
    @Override
    public SequenceProperty.Outcome judgeFresh(double[] r, Sample s, double fx, SequenceProperty context) {
        RecurrentNetwork model = context.model();
        double[] scores = model.predict(s.input());
        int predicted = 0;
        for (int c = 1; c < scores.length; c++) {
            predicted = scores[c] > scores[predicted] ? c : predicted;
        }
        if (predicted != s.target() || s.length() < 2) {
            return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
        }
        int top = 0;
        for (int t = 1; t < r.length; t++) {
            top = r[t] > r[top] ? t : top;
        }
        double drop = fx - model.predict(PerturbationSelectivityCheck.withoutSteps(s.input(), new int[] {top}, 1))
                [s.target()];
        return new SequenceProperty.Outcome(r, fx, drop, drop > 0, null);
    }

    /**
     * A test sentence beyond those the search explains afresh is judged on the shared relevances as
     * on sequences ({@link PerturbationSelectivityCheck#judgeTopSteps}).
     */
    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        return PerturbationSelectivityCheck.judgeTopSteps(r, s, fx);
    }

    /**
     * One model's Table 3 row for the explainer.
     *
     * @param decreasing      N of the decreasing half
     * @param increasing      N of the increasing half
     * @param decreasingError SE of the normalised 0 in the decreasing half (random's draws)
     * @param increasingError the same, increasing half
     * @param correct         kept sentences classified correctly
     * @param incorrect       kept sentences misclassified
     */
    record Row(double decreasing, double increasing, double decreasingError, double increasingError, int correct,
               int incorrect) {
    }

    /**
     * Table 3's row of the explainer of {@code p} on model {@code m}, with {@code threads} threads; the
     * reference is explained as every explainer is ({@link GuardedExplainer}).
     */
    static Row row(ExplainedPopulation p, int m, SanitySettings s, int threads) {
        int probes = s.probeSamples();
        RecurrentNetwork model = p.models().get(m).model();
        List<Sample> probed = p.samples().subList(0, Math.min(probes, p.samples().size()));
        List<Relevance> tested = new ArrayList<>();
        List<Sample> kept = new ArrayList<>();
        for (int i = 0; i < probed.size(); i++) {
            if (probed.get(i).length() >= WordDeletion.MIN_LENGTH) {
                kept.add(probed.get(i));
                tested.add(Relevance.perStep(p.relevance(m, i)));
            }
        }
        WordDeletion deletion = WordDeletion.ofEmbedded(model, kept, (n, pass) -> ModelPasses.forEach(n, threads, pass));
        Explainer reference = p.task().builtIn(Table3.REFERENCE);
        List<Relevance> referenceRelevance = new GuardedExplainer(reference, threads, s.timeLimit()).explain(model,
                kept, i -> "sentence " + i + " of model " + p.models().get(m).id());
        DeletionCurve testedCurve = deletion.curve(TESTED, tested);
        DeletionCurve referenceCurve = deletion.curve(Table3.REFERENCE, referenceRelevance);
        Table3 table = Table3.of(List.of(testedCurve, referenceCurve), deletion.random(RANDOM_DRAWS, s.seed()));
        return new Row(table.decreasing().get(TESTED), table.increasing().get(TESTED),
                table.zeroError(DeletionOrder.DECREASING), table.zeroError(DeletionOrder.INCREASING),
                deletion.correctCount(), deletion.incorrectCount());
    }
}
