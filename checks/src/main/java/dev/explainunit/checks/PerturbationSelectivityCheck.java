package dev.explainunit.checks;

import dev.explainunit.Sequence;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Perturbation selectivity in the style of the paper's Table 3 (section 4.2), on the task's
 * known relevant positions. For k = 1, 2 (at most the number of relevant positions) and each test
 * sequence, k steps are removed (deleted, so x' has T − k steps) and the change of the prediction
 * Δ = |f(x) − f(x')| (the sample's target output) is measured, for five choices:
 *
 * <pre>
 *   most   the k steps of largest |R_t|          least  the k steps of smallest |R_t|
 *   random k distinct random steps                truth  the k relevant positions of largest |value|
 *                                                        (toy: the operand of larger |n|; a and b)
 *   other  k random distractor steps (not relevant)
 *
 *   selectivity       = 100 · (ΣΔ_most − ΣΔ_random) / (ΣΔ_truth − ΣΔ_random)
 *   least-selectivity = 100 · (ΣΔ_random − ΣΔ_least) / (ΣΔ_random − ΣΔ_other)
 * </pre>
 *
 * sums over both k and the first {@code probeSamples} sequences of a model; 0 = as good as
 * random, 100 = as good as knowing the relevant steps (the operands; on sentences the
 * label-deciding words, and deleting a step is the paper's word deletion, footnote 11). The population statistic is the smaller of the two means over models.
 * Single sequence: the steps of largest |R_t|, as many as there are relevant positions, are the
 * relevant positions.
 *
 * <p>Steps are deleted rather than set to zero: the models were trained on lengths 4..10 and read
 * 13–14 steps at test time, so a shorter sequence is in distribution, while a zero step is not
 * (the subtraction models' input gate reads the distractor dimension and opens on a zero step,
 * which is exactly why occlusion fails subtraction, paper 3.2).
 *
 * <p>On a sentence classifier the check takes the form of the paper's own Table 3
 * ({@link WordDeletionSelectivityCheck}).
 */
final class PerturbationSelectivityCheck implements SanityCheck {

    @Override
    public Check key() {
        return Check.PERTURBATION_SELECTIVITY;
    }

    @Override
    public String rule(ExplainedPopulation p) {
        return "removing the most relevant steps should change the prediction about as much as removing the known"
                + " relevant ones (the operands; on sentences the label-deciding words)";
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "relevance that does not point at what the model uses cannot guide any decision";
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.POSITIONS;
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        int models = p.models().size();
        double[] most = new double[models];
        double[] least = new double[models];
        try {
            // only the model is called here, never the explainer: no time limit applies
            GuardedParallel.run(models, Runtime.getRuntime().availableProcessors(), Duration.ofDays(1),
                    (m, clock) -> {
                        double[] scores = scores(p, m, s.seed(), s.probeSamples());
                        most[m] = scores[0];
                        least[m] = scores[1];
                    });
        } catch (Exception e) {
            throw new IllegalStateException("perturbation of the zoo models failed", e);
        }
        SelectivityHalves halves = SelectivityHalves.of(p, most, least);
        double meanMost = halves.most();
        double meanLeast = halves.least();
        int undefined = halves.undefined();
        double threshold = s.thresholds().selectivity();
        Verdict verdict = halves.statistic() >= threshold ? Verdict.PASS : Verdict.FAIL;
        Map<String, Double> statistics = halves.statistics(Map.of());
        String measured = "removing the most relevant steps scores " + CheckMessages.num(meanMost)
                + " and removing the least relevant scores " + CheckMessages.num(meanLeast)
                + " (random = 0, the known relevant steps = 100)";
        String failedHalf = meanMost < threshold && meanLeast < threshold ? "both halves fail: "
                : meanMost < threshold ? "the most-relevant removal fails, the least-relevant removal passes: "
                : "the least-relevant removal fails, the most-relevant removal passes: ";
        int probes = Math.min(s.probeSamples(), p.samples().size());
        UndefinedStatistic undefinedOn = UndefinedStatistic.onSome(undefined, models, "removing the known relevant"
                + " steps changes the prediction no more than removing random steps");
        String message = verdict == Verdict.PASS
                ? CheckMessages.passed(p, measured + ", at least " + CheckMessages.num(threshold), this)
                : undefined > 0
                ? CheckMessages.failed(p, this, "the selectivity is " + undefinedOn.phrase()
                        + (undefined < models ? " (on the others " + measured + ")." : "."))
                : CheckMessages.failed(p, this, failedHalf + measured + ", threshold " + CheckMessages.num(threshold)
                        + " (mean over " + models + " models × " + probes + " test sequences each, "
                        + "explainunit.probeSamples).");
        return CheckEvaluation.result(key(), p, s, statistics, SelectivityHalves.STATISTIC, threshold, Comparison.AT_LEAST, verdict,
                halves.perModel(), message, undefinedOn);
    }

    /** The lower of the model's two selectivities ({@link SelectivityHalves#modelScore}). */
    @Override
    public double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        return SelectivityHalves.modelScore(statistics);
    }

    /** {selectivity, least-selectivity} of model {@code m}. */
    static double[] scores(ExplainedPopulation p, int m, long seed, int probes) {
        RecurrentNetwork model = p.models().get(m).model();
        List<Sample> samples = p.samples();
        SplittableRandom random = new SplittableRandom(seed * 31 + m);
        double most = 0;
        double least = 0;
        double rand = 0;
        double truth = 0;
        double other = 0;
        int[] chosen = new int[2];
        Probe probe = new Probe(model);
        for (int i = 0; i < Math.min(probes, samples.size()); i++) {
            Sample sample = samples.get(i);
            if (!sample.hasTruth()) {
                continue;
            }
            GroundTruth truthOf = sample.truth();
            List<GroundTruth.Relevant> byValue = byDecreasingValue(truthOf);
            Sequence x = sample.input();
            double[] r = p.relevance(m, i);
            double fx = p.prediction(m, i);
            int length = x.length();
            int kMax = Math.min(2, Math.min(byValue.size(), length - byValue.size()));
            for (int k = 1; k <= kMax; k++) {
                byMagnitude(r, k, true, chosen);
                most += probe.change(x, fx, sample.target(), chosen, k);
                byMagnitude(r, k, false, chosen);
                least += probe.change(x, fx, sample.target(), chosen, k);
                randomSteps(random, length, k, null, chosen);
                rand += probe.change(x, fx, sample.target(), chosen, k);
                randomSteps(random, length, k, truthOf, chosen);
                other += probe.change(x, fx, sample.target(), chosen, k);
                for (int j = 0; j < k; j++) {
                    chosen[j] = byValue.get(j).position();
                }
                truth += probe.change(x, fx, sample.target(), chosen, k);
            }
        }
        double selectivity = truth - rand > 0 ? 100 * (most - rand) / (truth - rand) : Double.NaN;
        double leastSelectivity = rand - other > 0 ? 100 * (rand - least) / (rand - other) : Double.NaN;
        return new double[] {selectivity, leastSelectivity};
    }

    /**
     * Reusable buffers for the probes of one model on one thread: the rows of the shortened
     * sequence (one set per length) and the forward trace. A probe then allocates only the
     * shortened {@link Sequence} itself (which copies the rows, being immutable).
     */
    static final class Probe {
        private final RecurrentNetwork model;
        private final NetworkTrace trace;
        private double[][][] rowsByLength = new double[0][][];

        Probe(RecurrentNetwork model) {
            this.model = model;
            this.trace = model.newTrace();
        }

        /** Δ = |f_c(x) − f_c(x without the first k of {@code steps})|, c = {@code target}; {@code fx} = f_c(x). */
        double change(Sequence x, double fx, int target, int[] steps, int k) {
            int length = x.length() - k;
            if (rowsByLength.length <= length) {
                rowsByLength = java.util.Arrays.copyOf(rowsByLength, length + 1);
            }
            double[][] kept = rowsByLength[length];
            if (kept == null || kept.length == 0 || kept[0].length != x.dim()) {
                kept = new double[length][x.dim()];
                rowsByLength[length] = kept;
            }
            int j = 0;
            for (int t = 0; t < x.length(); t++) {
                if (t != steps[0] && (k < 2 || t != steps[1])) {
                    for (int d = 0; d < x.dim(); d++) {
                        kept[j][d] = x.get(t, d);
                    }
                    j++;
                }
            }
            return Math.abs(fx - model.forward(Sequence.of(kept), trace).output(target));
        }
    }

    /** {@code x} without the first {@code k} steps listed in {@code steps} (T − k steps remain). */
    static Sequence withoutSteps(Sequence x, int[] steps, int k) {
        double[][] kept = new double[x.length() - k][];
        int j = 0;
        for (int t = 0; t < x.length(); t++) {
            if (t != steps[0] && (k < 2 || t != steps[1])) {
                kept[j] = new double[x.dim()];
                for (int d = 0; d < x.dim(); d++) {
                    kept[j][d] = x.get(t, d);
                }
                j++;
            }
        }
        return Sequence.of(kept);
    }

    /** The k (1 or 2) steps of largest ({@code largest}) or smallest |r_t| into {@code out}; ties: earlier step. */
    static void byMagnitude(double[] r, int k, boolean largest, int[] out) {
        int first = -1;
        int second = -1;
        for (int t = 0; t < r.length; t++) {
            if (first < 0 || better(r[t], r[first], largest)) {
                second = first;
                first = t;
            } else if (second < 0 || better(r[t], r[second], largest)) {
                second = t;
            }
        }
        out[0] = first;
        if (k == 2) {
            out[1] = second;
        }
    }

    private static boolean better(double candidate, double incumbent, boolean largest) {
        return largest ? Math.abs(candidate) > Math.abs(incumbent) : Math.abs(candidate) < Math.abs(incumbent);
    }

    /** k distinct random steps of [0, length), none relevant in {@code skip} (null: any), into {@code out}. */
    private static void randomSteps(SplittableRandom random, int length, int k, GroundTruth skip, int[] out) {
        for (int j = 0; j < k; j++) {
            int t;
            do {
                t = random.nextInt(length);
            } while ((skip != null && skip.isRelevant(t)) || (j == 1 && t == out[0]));
            out[j] = t;
        }
    }

    /**
     * The relevant positions by decreasing |value|, ties (and values unknown, NaN) in position
     * order: on the toy tasks the operand of larger |n| first, a before b on a tie.
     */
    static List<GroundTruth.Relevant> byDecreasingValue(GroundTruth truth) {
        List<GroundTruth.Relevant> sorted = new ArrayList<>(truth.relevant());
        sorted.sort(Comparator.comparingDouble((GroundTruth.Relevant r) -> Double.isNaN(r.value()) ? 0
                : -Math.abs(r.value())));
        return sorted;
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        Roles roles = Roles.of(p.samples());
        int k = roles.roles().size();
        return "the " + (k == 1 ? "step" : (k == 2 ? "two" : String.valueOf(k)) + " steps") + " of largest |R_t| "
                + (k == 1 ? "is " : "are ") + roles.names();
    }

    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        return judgeTopSteps(r, s, fx);
    }

    /**
     * Whether the steps of largest |R_t| of {@code s}, as many as it has relevant positions, are its
     * relevant positions (statistic 1 or 0); a sample without ground truth holds.
     */
    static SequenceProperty.Outcome judgeTopSteps(double[] r, Sample s, double fx) {
        if (!s.hasTruth()) {
            return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
        }
        List<GroundTruth.Relevant> relevant = s.truth().relevant();
        Integer[] order = new Integer[r.length];
        for (int t = 0; t < r.length; t++) {
            order[t] = t;
        }
        // stable: of equal |R_t| the earlier step ranks first
        java.util.Arrays.sort(order, (u, v) -> Double.compare(Math.abs(r[v]), Math.abs(r[u])));
        boolean onRelevant = true;
        for (int j = 0; j < relevant.size(); j++) {
            onRelevant &= s.truth().isRelevant(order[j]);
        }
        return new SequenceProperty.Outcome(r, fx, onRelevant ? 1 : 0, onRelevant, null);
    }
}
