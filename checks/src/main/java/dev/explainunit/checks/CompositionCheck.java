package dev.explainunit.checks;

import static dev.explainunit.checks.CheckMessages.num;
import static dev.explainunit.checks.CheckMessages.pct;

import dev.explainunit.Relevance;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceTaskModel;
import dev.explainunit.composition.ComposedSamples;
import dev.explainunit.composition.Composition;
import dev.explainunit.composition.CompositionSamples;
import dev.explainunit.composition.ModifierWords;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Semantic composition (the paper's Table 4, section 4, appendix A.5): on the n-grams that
 * {@link CompositionSamples} selects from the model itself (its top sentiment words, the
 * modifiers of {@link ModifierWords#english()} that it classifies neutral alone, the 40% rule),
 * each explained for its predicted class, the patterns the paper reads from its heatmaps:
 *
 * <pre>
 *   negated positive "not good" (−), negated amplified positive "not very good" (−):
 *       the negator carries the flipped prediction:             R_negator > max(0, R_word)
 *   amplified positive "very good" (++), amplified negative "very bad" (−−):
 *       the amplifier supports with the sign of its word:       sign(R_amplifier) = sign(R_word) ≠ 0
 *   share_c   = #{samples of composition c where the pattern holds} / #{samples of c}
 *   statistic = mean of share_c over the compositions with samples (and over models)   pass if ≥ threshold
 * </pre>
 *
 * with at most {@code probeSamples} samples per composition (the first, in the selection's order).
 * The negator must carry more of the prediction than the word it negates (the paper: +2.5 against
 * −1.4), not merely support it, so that a relevance of one sign everywhere does not pass by its sign
 * alone. Its threshold ({@link Thresholds#composition()}) defaults to the sign agreement's: like the sign
 * agreement of the polar words, it is the share of words whose relevance has the known right sign,
 * 0.5 for a coin. Needs no ground truth (the samples come from the model), but a five-class sentence
 * classifier with a vocabulary ({@link SentenceTaskModel}); on any other task it does not exist
 * ({@link CheckForms#composition}). A model on which no composition has a sample makes it not
 * applicable, with the reason.
 */
final class CompositionCheck implements SanityCheck {

    /** The selection depends on the model alone: computed once per model, shared by every explainer. */
    private static final Map<SentenceModel, CompositionSamples> SELECTED = new WeakHashMap<>();

    @Override
    public Check key() {
        return Check.COMPOSITION;
    }

    /** Population name of the mean share over the compositions; each composition's is prefixed {@value #PREFIX}. */
    static final String STATISTIC = "composition";
    static final String PREFIX = "composition_";

    @Override
    public String rule(ExplainedPopulation p) {
        return "a negator should carry the flipped prediction and an amplifier support with the sign of the word it"
                + " amplifies";
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "the model classifies \"not good\" negative and \"very good\" very positive only because of the"
                + " modifier (paper, Table 4)";
    }

    @Override
    public GroundTruthKind needs() {
        return GroundTruthKind.NONE;
    }

    static CompositionSamples selected(SentenceModel model) {
        synchronized (SELECTED) {
            return SELECTED.computeIfAbsent(model, m -> CompositionSamples.select(m::predict, m.vocabulary(),
                    ModifierWords.english()));
        }
    }

    @Override
    public CheckResult evaluate(ExplainedPopulation p, SanitySettings s) {
        double threshold = s.thresholds().composition();
        int models = p.models().size();
        Composition[] types = Composition.values();
        double[][] share = new double[models][types.length];
        int[][] count = new int[models][types.length];
        String failure = null;
        try {
            GuardedParallel.run(models, Runtime.getRuntime().availableProcessors(), s.timeLimit(), (m, clock) -> {
                SentenceModel model = ((SentenceTaskModel) p.models().get(m)).sentences();
                CompositionSamples selection = selected(model);
                for (int c = 0; c < types.length; c++) {
                    ComposedSamples composed = selection.samples(types[c]);
                    List<Sample> samples = new ArrayList<>();
                    for (List<String> words : composed.samples().subList(0,
                            Math.min(s.probeSamples(), composed.samples().size()))) {
                        samples.add(new Sample(model.embed(words), types[c].predicted(), types[c].predicted(), null,
                                words));
                    }
                    Relevance[] explained = new Relevance[samples.size()];
                    String modelId = p.models().get(m).id();
                    String type = types[c].key();
                    new GuardedExplanations(p.explainer(), p.explainerId(),
                            GuardedExplanations.Where.sequences(" of the " + type + " compositions of model " + modelId))
                            .explain(model.lstm(), samples, samples.size(), clock, explained);
                    int holds = 0;
                    for (Relevance r : explained) {
                        holds += holds(types[c], r.toArray()) ? 1 : 0;
                    }
                    count[m][c] = samples.size();
                    share[m][c] = samples.isEmpty() ? Double.NaN : (double) holds / samples.size();
                }
            });
        } catch (GuardedParallel.HangException | ExecutionException | InterruptedException e) {
            failure = OwnModelsFailure.of(e, p, key(), "a composition");
        }
        if (failure != null) {
            return CheckEvaluation.result(key(), p, s, Map.of(), STATISTIC, threshold, Comparison.AT_LEAST, Verdict.FAIL,
                    List.of(), CheckMessages.failed(p, this, failure + "."));
        }
        Map<String, Double> statistics = new LinkedHashMap<>();
        List<ModelStatistics> perModel = new ArrayList<>();
        double sum = 0;
        int defined = 0;
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < types.length; c++) {
            double typeSum = 0;
            int typeModels = 0;
            int samples = 0;
            for (int m = 0; m < models; m++) {
                samples += count[m][c];
                if (!Double.isNaN(share[m][c])) {
                    typeSum += share[m][c];
                    typeModels++;
                }
            }
            double mean = typeModels == 0 ? Double.NaN : typeSum / typeModels;
            statistics.put(PREFIX + types[c].key().replace('-', '_'), mean);
            if (typeModels > 0) {
                sum += mean;
                defined++;
                parts.add(types[c].key() + " " + pct(mean) + " of " + samples);
            } else {
                parts.add(types[c].key() + ": no sample");
            }
        }
        for (int m = 0; m < models; m++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int c = 0; c < types.length; c++) {
                row.put("composition" + Character.toUpperCase(types[c].key().charAt(0))
                        + types[c].key().substring(1).replace("-", ""), share[m][c]);
            }
            perModel.add(new ModelStatistics(p.models().get(m).id(), row));
        }
        if (defined == 0) {
            return CheckEvaluation.result(key(), p, s, statistics, STATISTIC, threshold, Comparison.AT_LEAST,
                    Verdict.NOT_APPLICABLE, perModel, "composition does not apply to the " + p.task().id()
                            + " task's models: no composition sample (no negator or amplifier of the English lists"
                            + " in the vocabulary that the model classifies neutral alone, or none passes the 40% rule"
                            + " of appendix A.5).");
        }
        double statistic = sum / defined;
        statistics.put(STATISTIC, statistic);
        Verdict verdict = statistic >= threshold ? Verdict.PASS : Verdict.FAIL;
        String measured = "the pattern holds on " + String.join(", ", parts) + " samples: mean " + num(statistic);
        String message = verdict == Verdict.PASS ? CheckMessages.passed(p, measured + " ≥ " + num(threshold), this)
                : CheckMessages.failed(p, this, measured + " < " + num(threshold) + " (a coin scores 0.5; at most "
                        + s.probeSamples() + " samples per composition, explainunit.probeSamples).");
        return CheckEvaluation.result(key(), p, s, statistics, STATISTIC, threshold, Comparison.AT_LEAST, verdict, perModel,
                message);
    }

    /** Whether the relevance {@code r} of one sample of {@code type} shows the composition's pattern. */
    static boolean holds(Composition type, double[] r) {
        return switch (type) {
            case NEGATED_POSITIVE, NEGATED_AMPLIFIED_POSITIVE -> r[0] > 0 && r[0] > r[r.length - 1];
            case AMPLIFIED_POSITIVE, AMPLIFIED_NEGATIVE -> r[0] != 0 && Math.signum(r[0]) == Math.signum(r[1]);
        };
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        return "the negator's R_t > max(0, the word's R_t) and the amplifier's R_t of its word's sign";
    }

    /** The test sentences are not compositions: none of them is judged. */
    @Override
    public SequenceProperty.Outcome judge(double[] r, Sample s, double fx, Thresholds thresholds) {
        return new SequenceProperty.Outcome(r, fx, Double.NaN, true, null);
    }
}
