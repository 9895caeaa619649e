package dev.explainunit.checks;

import dev.explainunit.Sequence;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.lstm.LstmTrace;
import dev.explainunit.toy.ToySample;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Perturbation selectivity in the style of the paper's Table 3 (section 4.2), on the toy task's
 * known ground truth. For k = 1, 2 and each test sequence, k steps are removed (deleted, so x' has
 * T − k steps) and the change of the prediction Δ = |f(x) − f(x')| is measured, for five choices:
 *
 * <pre>
 *   most   the k steps of largest |R_t|          least  the k steps of smallest |R_t|
 *   random k distinct random steps                truth  the k operands of largest |n| (k = 2: a and b)
 *   other  k random distractor steps (neither a nor b)
 *
 *   selectivity       = 100 · (ΣΔ_most − ΣΔ_random) / (ΣΔ_truth − ΣΔ_random)
 *   least-selectivity = 100 · (ΣΔ_random − ΣΔ_least) / (ΣΔ_random − ΣΔ_other)
 * </pre>
 *
 * sums over both k and the first {@code probeSamples} sequences of a model; 0 = as good as
 * random, 100 = as good as knowing the operands. The population statistic is the smaller of the two means over models.
 *
 * <p>Steps are deleted rather than set to zero: the models were trained on lengths 4..10 and read
 * 13–14 steps at test time, so a shorter sequence is in distribution, while a zero step is not
 * (the subtraction models' input gate reads the distractor dimension and opens on a zero step,
 * which is exactly why occlusion fails subtraction, paper 3.2).
 */
final class PerturbationSelectivity {

    private PerturbationSelectivity() {
    }

    static CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
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
        double meanMost = mean(most);
        double meanLeast = mean(least);
        int undefined = 0;
        for (int m = 0; m < models; m++) {
            undefined += Double.isNaN(most[m]) || Double.isNaN(least[m]) ? 1 : 0;
        }
        double statistic = undefined > 0 ? Double.NaN : Math.min(meanMost, meanLeast);
        double threshold = s.thresholds().selectivity();
        Verdict verdict = statistic >= threshold ? Verdict.PASS : Verdict.FAIL;
        Map<String, Double> statistics = new LinkedHashMap<>();
        statistics.put("selectivity_most", meanMost);
        statistics.put("selectivity_least", meanLeast);
        statistics.put("selectivity", statistic);
        if (undefined > 0) {
            statistics.put("undefined_models", (double) undefined);
        }
        String measured = "removing the most relevant steps scores " + CheckEvaluation.num(meanMost)
                + " and removing the least relevant scores " + CheckEvaluation.num(meanLeast)
                + " (random = 0, true operands = 100)";
        String message = CheckEvaluation.header(p) + (verdict == Verdict.PASS
                ? measured + ", at least " + CheckEvaluation.num(threshold) + ": "
                        + Check.PERTURBATION_SELECTIVITY.rule() + "."
                : undefined > 0
                ? Check.PERTURBATION_SELECTIVITY.sentence() + "; but the selectivity is "
                        + CheckEvaluation.undefined(undefined, models, "removing the true operands changes the"
                                + " prediction no more than removing random steps")
                        + (undefined < models ? " (on the others " + measured + ")." : ".")
                : Check.PERTURBATION_SELECTIVITY.sentence() + "; but " + measured + ", threshold "
                        + CheckEvaluation.num(threshold) + " (" + CheckEvaluation.population(p) + ").");
        return CheckEvaluation.result(Check.PERTURBATION_SELECTIVITY, p, s, statistics, "selectivity", threshold,
                ">=", verdict, List.of(), message);
    }

    /** Mean over the models where the score is defined; NaN when it is defined on none. */
    private static double mean(double[] v) {
        double sum = 0;
        int defined = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    /** {selectivity, least-selectivity} of model {@code m}. */
    static double[] scores(ExplainedPopulation p, int m, long seed, int probes) {
        Lstm model = p.models().get(m).model();
        List<ToySample> samples = p.samples();
        SplittableRandom random = new SplittableRandom(seed * 31 + m);
        double most = 0;
        double least = 0;
        double rand = 0;
        double truth = 0;
        double other = 0;
        int[] chosen = new int[2];
        Probe probe = new Probe(model);
        for (int i = 0; i < Math.min(probes, samples.size()); i++) {
            ToySample sample = samples.get(i);
            Sequence x = sample.sequence();
            double[] r = p.relevance(m, i);
            double fx = p.prediction(m, i);
            int length = x.length();
            for (int k = 1; k <= 2; k++) {
                byMagnitude(r, k, true, chosen);
                most += probe.change(x, fx, chosen, k);
                byMagnitude(r, k, false, chosen);
                least += probe.change(x, fx, chosen, k);
                randomSteps(random, length, k, -1, -1, chosen);
                rand += probe.change(x, fx, chosen, k);
                randomSteps(random, length, k, sample.a(), sample.b(), chosen);
                other += probe.change(x, fx, chosen, k);
                if (k == 1) {
                    chosen[0] = Math.abs(sample.na()) >= Math.abs(sample.nb()) ? sample.a() : sample.b();
                } else {
                    chosen[0] = sample.a();
                    chosen[1] = sample.b();
                }
                truth += probe.change(x, fx, chosen, k);
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
        private final Lstm model;
        private final LstmTrace trace;
        private double[][][] rowsByLength = new double[0][][];

        Probe(Lstm model) {
            this.model = model;
            this.trace = model.newTrace();
        }

        /** Δ = |f(x) − f(x without the first k of {@code steps})|, f's output 0; {@code fx} = f(x). */
        double change(Sequence x, double fx, int[] steps, int k) {
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
            return Math.abs(fx - model.forward(Sequence.of(kept), trace).output(0));
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

    /** k distinct random steps of [0, length) other than {@code skipA} and {@code skipB} into {@code out}. */
    private static void randomSteps(SplittableRandom random, int length, int k, int skipA, int skipB, int[] out) {
        for (int j = 0; j < k; j++) {
            int t;
            do {
                t = random.nextInt(length);
            } while (t == skipA || t == skipB || (j == 1 && t == out[0]));
            out[j] = t;
        }
    }
}
