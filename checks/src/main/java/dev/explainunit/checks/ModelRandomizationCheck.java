package dev.explainunit.checks;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentLayer;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import org.ejml.data.DMatrixRMaj;

/**
 * Model randomization (Adebayo et al. 2018, "Sanity Checks for Saliency Maps"; beyond the paper).
 * Each trained model is paired with {@value #RANDOM_MODELS} models of the same architecture whose
 * weights are drawn afresh from PyTorch's LSTM initialisation U(−1/√H, 1/√H) (seeded). On the
 * first {@code probeSamples} test sequences, for trained model m and random model r:
 *
 * <pre>
 *   ρ_mri     = |Spearman ρ(|R(trained)|, |R(randomised r)|)| on sequence i
 *   statistic = mean of ρ_mri over the M models, R random models and N sequences
 *   SE        = √(SE_draws² + SE_sequences²)
 *   SE_draws     = sd over the M·R draws of their means over sequences / √(M·R)
 *   SE_sequences = sd over the N sequences of their means over draws / √N
 * </pre>
 *
 * (sd with divisor count − 1). Every draw sees the same sequences, so neither term alone is the
 * noise of a run with another seed (which changes both); their root sum of squares approximates
 * it for this crossed design.
 *
 * The randomised models are explained as the trained ones ({@link GuardedExplanations}: in batches
 * for a {@link dev.explainunit.BatchExplainer}, under the contract and the time limit).
 *
 * An explanation that keeps its rank order when the model is replaced by noise does not depend on
 * the model; the check passes when the statistic is at most the threshold. Several random models
 * per trained model reduce the sampling noise of the draw (with one, the statistic of occlusion on
 * subtraction moved by ±0.02 with the seed); the message reports the standard error.
 */
final class ModelRandomizationCheck implements SanityCheck {

    /** Random models drawn per trained model. */
    static final int RANDOM_MODELS = 5;

    @Override
    public Check key() {
        return Check.MODEL_RANDOMIZATION;
    }

    /** Population names: the mean |rank correlation| and its standard error. */
    static final String STATISTIC = "rank_correlation";
    static final String STANDARD_ERROR = "standard_error";

    @Override
    public String rule(ExplainedPopulation p) {
        return "relevance on a model with random weights should differ from relevance on the trained model";
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "an explanation that survives randomising the model describes the input, not the model";
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.NONE;
    }

    /**
     * Seed of random model {@code r} of trained model {@code m}; r = 0 is the one the counterexample
     * search uses.
     */
    static long seed(long seed, int m, int r) {
        long base = seed * 1_000_003L + m;
        return r == 0 ? base : base ^ (r * 0x9E3779B97F4A7C15L);
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        int models = p.models().size();
        int n = Math.min(s.probeSamples(), p.samples().size());
        double[] perDraw = new double[models * RANDOM_MODELS];
        double[] perPair = new double[perDraw.length * n];
        Explainer explainer = p.explainer();
        String failure = null;
        try {
            GuardedParallel.run(perDraw.length, Runtime.getRuntime().availableProcessors(), s.timeLimit(),
                    (job, clock) -> {
                int m = job / RANDOM_MODELS;
                RecurrentNetwork randomised = randomised(p.models().get(m).model(), seed(s.seed(), m, job % RANDOM_MODELS));
                String trainedId = p.models().get(m).id();
                Relevance[] explained = new Relevance[n];
                new GuardedExplanations(explainer, p.explainerId(),
                        GuardedExplanations.Where.sequences(" of the randomised model of " + trainedId))
                        .explain(randomised, p.samples(), n, clock, explained);
                double[] ranksX = new double[64];
                double[] ranksY = new double[64];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double[] trained = p.relevance(m, i);
                    if (ranksX.length < trained.length) {
                        ranksX = new double[trained.length];
                        ranksY = new double[trained.length];
                    }
                    double rho = Math.abs(rankCorrelation(trained, explained[i].toArray(), ranksX, ranksY));
                    perPair[job * n + i] = rho;
                    sum += rho;
                }
                perDraw[job] = sum / n;
            });
        } catch (GuardedParallel.HangException | ExecutionException | InterruptedException e) {
            failure = OwnModelsFailure.of(e, p, key(), "a randomised model");
        }
        double threshold = s.thresholds().randomization();
        if (failure != null) {
            return CheckEvaluation.result(key(), p, s, Map.of(), STATISTIC, threshold, Comparison.AT_MOST, Verdict.FAIL,
                    List.of(), CheckMessages.failed(p, this, failure + "."));
        }
        double sum = 0;
        for (double v : perDraw) {
            sum += v;
        }
        double statistic = sum / perDraw.length;
        double[] perSequence = new double[n];
        for (int job = 0; job < perDraw.length; job++) {
            for (int i = 0; i < n; i++) {
                perSequence[i] += perPair[job * n + i] / perDraw.length;
            }
        }
        double standardError = Math.sqrt(squaredStandardError(perDraw, statistic)
                + squaredStandardError(perSequence, statistic));
        Verdict verdict = statistic <= threshold ? Verdict.PASS : Verdict.FAIL;
        String measured = "the mean |rank correlation| between relevances on the trained and on randomised models is "
                + CheckMessages.num(statistic) + " ± " + CheckMessages.num(standardError) + " (standard error; "
                + models + " models × " + RANDOM_MODELS + " random models × " + n + " sequences)";
        String message = verdict == Verdict.PASS
                ? CheckMessages.passed(p, measured + " ≤ " + CheckMessages.num(threshold), this)
                : CheckMessages.failed(p, this, measured + " > " + CheckMessages.num(threshold) + ".");
        Map<String, Double> statistics = new java.util.LinkedHashMap<>();
        statistics.put(STATISTIC, statistic);
        statistics.put(STANDARD_ERROR, standardError);
        List<ModelStatistics> perModel = new java.util.ArrayList<>();
        for (int m = 0; m < models; m++) {
            double modelMean = 0;
            for (int d = 0; d < RANDOM_MODELS; d++) {
                modelMean += perDraw[m * RANDOM_MODELS + d] / RANDOM_MODELS;
            }
            perModel.add(new ModelStatistics(p.models().get(m).id(), Map.of(RANK_CORRELATION, modelMean)));
        }
        return CheckEvaluation.result(key(), p, s, statistics, STATISTIC, threshold, Comparison.AT_MOST, verdict,
                perModel, message);
    }

    /** Per-model name of the mean |rank correlation| over that model's randomised copies. */
    static final String RANK_CORRELATION = "rankCorrelation";

    /**
     * A model's score for the counterexample search: minus its mean |rank correlation| (a higher
     * correlation is worse), so the counterexample comes from the model least sensitive to
     * randomisation, as the other checks name their worst model.
     */
    @Override
    public double modelScore(ModelStatistics statistics, ExplainedPopulation p) {
        return -statistics.get(RANK_CORRELATION);
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        return "|rank correlation| with the relevance on a randomised model ≤ "
                + CheckMessages.num(thresholds.randomization());
    }

    /** From the shared relevances alone nothing can be said: the property needs the randomised model. */
    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
    }

    @Override
    public boolean judgesFreshOnly() {
        return true;
    }

    @Override
    public SequenceProperty.Outcome judgeFresh(double[] r, Sample s, double fx, SequenceProperty context) {
        Relevance other;
        context.beforeCall();
        try {
            other = context.explainer().explain(context.randomised(), s.input(), s.target());
        } catch (Throwable e) {
            return new SequenceProperty.Outcome(r, fx, Double.NaN, false, "threw " + e + " on the randomised model");
        } finally {
            context.afterCall();
        }
        if (RelevanceContract.violation(other, s.length()) != null) {
            return new SequenceProperty.Outcome(r, fx, Double.NaN, false, "broke the contract on the randomised model");
        }
        double[] randomised = other.toArray();
        double rho = Math.abs(rankCorrelation(r, randomised, new double[r.length], new double[r.length]));
        return new SequenceProperty.Outcome(r, fx, rho, rho <= context.thresholds().randomization(), null, null,
                randomised);
    }

    /** (sd / √count)² of {@code values} around their mean {@code mean}, sd with divisor count − 1; 0 for one value. */
    private static double squaredStandardError(double[] values, double mean) {
        if (values.length < 2) {
            return 0;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (values.length - 1) / values.length;
    }

    /**
     * Spearman ρ of the absolute values of two relevance vectors; when one is constant the rank correlation is undefined:
     * identical vectors count as 1 (nothing changed), otherwise 0.
     */
    static double rankCorrelation(double[] trained, double[] randomised, double[] ranksX, double[] ranksY) {
        double[] absTrained = abs(trained);
        double[] absRandomised = abs(randomised);
        double rho = Metrics.spearman(absTrained, absRandomised, trained.length, ranksX, ranksY);
        if (Double.isNaN(rho)) {
            return java.util.Arrays.equals(absTrained, absRandomised) ? 1 : 0;
        }
        return rho;
    }

    private static double[] abs(double[] values) {
        double[] out = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            out[t] = Math.abs(values[t]);
        }
        return out;
    }

    /** A model shaped like {@code trained} with weights drawn from U(−1/√H, 1/√H), as PyTorch initialises. */
    static RecurrentNetwork randomised(RecurrentNetwork trained, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double bound = 1 / Math.sqrt(trained.hiddenSize());
        List<RecurrentLayer> layers = new ArrayList<>();
        for (RecurrentLayer layer : trained.layers()) {
            DirectionWeights forward = direction(layer.forward(), random, bound);
            DirectionWeights reverse = layer.isBidirectional() ? direction(layer.reverse(), random, bound) : null;
            layers.add(new RecurrentLayer(forward, reverse));
        }
        DMatrixRMaj fc = uniform(trained.outputSize(), trained.features(), random, bound);
        DMatrixRMaj fcBias = trained.hasFcBias() ? uniform(trained.outputSize(), 1, random, bound) : null;
        return new RecurrentNetwork(layers, fc, fcBias);
    }

    private static DirectionWeights direction(DirectionWeights shape, SplittableRandom random, double bound) {
        int rows = shape.kind().gates() * shape.hiddenSize();
        return new DirectionWeights(shape.kind(), uniform(rows, shape.inputSize(), random, bound),
                uniform(rows, shape.hiddenSize(), random, bound), uniform(rows, 1, random, bound),
                uniform(rows, 1, random, bound));
    }

    private static DMatrixRMaj uniform(int rows, int cols, SplittableRandom random, double bound) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (2 * random.nextDouble() - 1) * bound;
        }
        return m;
    }
}
