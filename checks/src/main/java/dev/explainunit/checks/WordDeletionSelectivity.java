package dev.explainunit.checks;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.sentiment.DeletionCurve;
import dev.explainunit.sentiment.DeletionOrder;
import dev.explainunit.sentiment.Table3;
import dev.explainunit.sentiment.WordDeletion;
import dev.explainunit.sentiment.internal.ParallelLoop;
import dev.explainunit.task.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Perturbation selectivity on a sentence classifier ({@link SentenceForm}): the paper's Table 3
 * (section 3.3, footnote 11), computed by {@link WordDeletion} and {@link Table3} on one model's
 * first {@code probeSamples} test sentences of at least {@value WordDeletion#MIN_LENGTH} words,
 * with the explainer's relevance for the sample's target (the true class):
 *
 * <pre>
 *   Δ̄_m = (1/3) Σ_{k=1..3} (acc_k,m − acc_0)    decreasing: most relevant words first, correctly classified sentences
 *                                              increasing: least relevant words first, misclassified sentences
 *   N_m = 100 · (Δ̄_m − Δ̄_random) / (Δ̄_occlusion-p-diff − Δ̄_random)     for each order
 * </pre>
 *
 * random deletion averaged over {@value #RANDOM_DRAWS} seeded draws, the reference occlusion-p-diff
 * explained on the same sentences with the task's setting ({@code task.builtIn}). Needs no ground
 * truth. A half without sentences, or where occlusion-p-diff changes the accuracy no more than
 * random deletion, is undefined (NaN).
 */
final class WordDeletionSelectivity {

    /** Random deletion draws per model, as {@code reproduce --task sentiment}. */
    static final int RANDOM_DRAWS = 10;

    /** The method name of the relevance under test inside Table 3 (its id may be the reference's own). */
    private static final String TESTED = "tested";

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

    private WordDeletionSelectivity() {
    }

    /** Table 3's row of the explainer of {@code p} on model {@code m}, with {@code threads} threads. */
    static Row of(ExplainedPopulation p, int m, long seed, int probes, int threads) {
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
        WordDeletion deletion = WordDeletion.ofEmbedded(model, kept, threads);
        Explainer reference = p.task().builtIn(Table3.REFERENCE);
        Relevance[] referenceRelevance = new Relevance[kept.size()];
        ParallelLoop.run(kept.size(), threads, i -> referenceRelevance[i] = reference.explain(model,
                kept.get(i).input(), kept.get(i).target()));
        DeletionCurve testedCurve = deletion.curve(TESTED, tested);
        DeletionCurve referenceCurve = deletion.curve(Table3.REFERENCE, List.of(referenceRelevance));
        Table3 table = Table3.of(List.of(testedCurve, referenceCurve), deletion.random(RANDOM_DRAWS, seed));
        return new Row(table.decreasing().get(TESTED), table.increasing().get(TESTED),
                table.zeroError(DeletionOrder.DECREASING), table.zeroError(DeletionOrder.INCREASING),
                deletion.correctCount(), deletion.incorrectCount());
    }
}
