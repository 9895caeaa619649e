package dev.explainunit.sentiment;

import dev.explainunit.composition.Composition;
import dev.explainunit.composition.CompositionSamples;
import dev.explainunit.composition.ModifierWords;
import dev.explainunit.deletion.Table3;
import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.checks.ContractViolationException;
import dev.explainunit.checks.GuardedExplainer;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.task.Sample;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apiguardian.api.API;

/**
 * Runs the paper's sentiment experiments (Tables 3, 4, 5 and Figure 1) for a list of explainers on
 * a sentence model and its labelled test sentences.
 *
 * <p>The test sentences are read once, a batch at a time ({@link TestSetPass}): each explainer
 * explains every test sentence once for its true class; those relevances feed both Table 3 (the
 * sentences of length ≥ 10) and Figure 1 (the first {@link SentimentSettings#figureSentences()}). Table 3 is normalised to
 * {@value Table3#REFERENCE}, which is added from the built-ins when the list lacks it. Table 4 needs
 * a five-class model; otherwise it is empty and {@link SentimentResults#table4Reason()} says why.
 * An explainer that does not support the model, or fails on the test sentences (throws, hangs,
 * returns relevance of the wrong length or not finite), is left out of every table with the
 * reason in {@link SentimentResults#skipped()}; the other methods' results stand.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentimentExperiments {

    /** The paper's LRP stabiliser for the sentiment model. */
    public static final double SENTIMENT_EPS = 0.001;
    /** The paper's LRP stabiliser for LRP-prop on the sentiment model. */
    public static final double PROP_EPS = 0.2;

    private SentimentExperiments() {
    }

    /**
     * {@link #run(SentenceModel, Iterable, long, ModifierWords, List, SentimentSettings, SentimentProgress)}
     * on sentences in memory, without progress.
     */
    public static SentimentResults run(SentenceModel model, List<SentenceRecord> test, ModifierWords modifiers,
                                       List<Explainer> explainers, SentimentSettings settings) {
        return run(model, test, test.size(), modifiers, explainers, settings, SentimentProgress.NONE);
    }

    /**
     * @param model      the sentence model
     * @param test       labelled test sentences, read once, {@link SentimentSettings#batch()} at a time (a
     *                   file can be streamed: memory does not grow with it)
     * @param expected   how many sentences {@code test} holds, for {@code progress}; −1 if unknown
     * @param modifiers  candidate negators and amplifiers for Table 4
     * @param explainers the methods, each id once
     * @param progress   hears how far the run has got
     * @throws IllegalArgumentException naming the sentence for an unlabelled one or a label outside the classes
     * @throws ContractViolationException naming the explainer and sentence when
     *         {@value Table3#REFERENCE} fails, or another explainer fails on Table 4's or 5's samples
     */
    public static SentimentResults run(SentenceModel model, Iterable<SentenceRecord> test, long expected,
                                       ModifierWords modifiers, List<Explainer> explainers,
                                       SentimentSettings settings, SentimentProgress progress) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        long start = System.nanoTime();
        List<Explainer> applicable = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Explainer e : withReference(explainers)) {
            if (e.supports(model.lstm())) {
                applicable.add(e);
            } else {
                skipped.put(e.id(), e.id() + " does not support this model (" + model.lstm().inputSize() + " inputs, "
                        + model.classes() + " classes)");
            }
        }

        progress.stage("test sentences", expected);
        TestSetPass pass = new TestSetPass(model, settings, applicable, skipped, nanos);
        List<SentenceRecord> batch = new ArrayList<>(settings.batch());
        for (SentenceRecord s : test) {
            batch.add(s);
            if (batch.size() == settings.batch()) {
                pass.add(batch);
                progress.advance(batch.size());
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            pass.add(batch);
            progress.advance(batch.size());
        }
        Map<String, Projection> figure1 = new LinkedHashMap<>();
        int[] classes = pass.figureClasses();
        for (String representation : List.copyOf(pass.figureVectors().keySet())) {
            List<double[]> vectors = pass.figureVectors().get(representation);
            try {
                figure1.put(representation, timed(nanos, "figure1:" + representation,
                        () -> Projection.of(representation, vectors, classes)));
            } catch (RuntimeException failure) {
                if (representation.equals(SentenceRepresentations.AVERAGE)
                        || representation.equals(SentenceRepresentations.LRP_LAST_HIDDEN)) {
                    throw failure; // the model's own, not a method's
                }
                pass.drop(representation, failure); // and from Table 3 with it
            }
        }
        Table3 table3 = Table3.of(pass.curves(), pass.random());

        CompositionSamples compositions = null;
        String table4Reason = null;
        Map<Composition, Map<String, CompositionRelevance>> table4 = new EnumMap<>(Composition.class);
        if (model.classes() != Composition.CLASSES) {
            table4Reason = "the compositions of appendix A.5 need a five-class sentiment model (0 = very negative .. "
                    + "4 = very positive); this one has [" + model.classes() + "] classes";
        } else {
            compositions = timed(nanos, "table4:select",
                    () -> CompositionSamples.select(model::predict, model.vocabulary(), modifiers));
            table4Reason = withoutSamples(compositions);
            for (Composition c : Composition.values()) {
                table4.put(c, new LinkedHashMap<>());
            }
            progress.stage("compositions", (long) applicable.size() * Composition.values().length);
            for (Explainer e : applicable) {
                CompositionSamples selected = compositions;
                timed(nanos, "table4:" + e.id(), () -> {
                    for (Composition c : Composition.values()) {
                        List<Relevance> r = explain(e, model, selected.samples(c).samples(),
                                ignored -> c.predicted(), settings);
                        table4.get(c).put(e.id(), CompositionRelevance.of(c, r));
                        progress.advance(1);
                    }
                    return null;
                });
            }
        }

        List<MisclassifiedSentence> table5 = timed(nanos, "table5", () -> explainMisclassified(model,
                pass.mostConfidentlyMisclassified(), applicable, settings));
        nanos.put("total", System.nanoTime() - start);
        return new SentimentResults(table3, compositions, table4, table4Reason, table5, figure1, skipped, nanos,
                pass.sentences());
    }

    /**
     * Why no composition has a sample (n = 0 for all), naming what appendix A.5's rules found on the
     * model; null when one has samples.
     */
    private static String withoutSamples(CompositionSamples selected) {
        for (Composition c : Composition.values()) {
            if (!selected.samples(c).samples().isEmpty()) {
                return null;
            }
        }
        int negators = selected.neutralNegators().size();
        int amplifiers = selected.neutralAmplifiers().size();
        return "no composition of appendix A.5 has a sample on this model (n = 0 for all): "
                + (negators + amplifiers == 0
                ? "it predicts none of the candidate negators and amplifiers neutral when it reads the word alone, "
                        + "which the appendix requires of a modifier"
                : "of the candidate modifiers it predicts " + negators + (negators == 1 ? " negator" : " negators")
                        + " and " + amplifiers + (amplifiers == 1 ? " amplifier" : " amplifiers")
                        + " neutral alone, but none changes the prediction of at least "
                        + CompositionSamples.MIN_SHARE_PERCENT + "% of its n-grams as a composition needs");
    }

    private static List<MisclassifiedSentence> explainMisclassified(SentenceModel model,
                                                                    List<MisclassifiedSentence> rows,
                                                                    List<Explainer> explainers,
                                                                    SentimentSettings settings) {
        List<List<String>> tokens = rows.stream().map(MisclassifiedSentence::tokens).toList();
        List<MisclassifiedSentence> explained = new ArrayList<>(rows);
        for (Explainer e : explainers) {
            List<Relevance> r = explain(e, model, tokens, i -> rows.get(i).predicted(), settings);
            for (int i = 0; i < explained.size(); i++) {
                explained.set(i, explained.get(i).with(e.id(), r.get(i).toArray()));
            }
        }
        return explained;
    }

    /**
     * The relevance of each sentence for its target, explained as the checks explain
     * ({@link GuardedExplainer}) on the embedded sentence.
     *
     * @throws ContractViolationException naming the explainer and the sentence when a call breaks the contract
     */
    private static List<Relevance> explain(Explainer explainer, SentenceModel model, List<List<String>> sentences,
                                           IntUnaryOperator target, SentimentSettings settings) {
        List<Sample> samples = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            int c = target.applyAsInt(i);
            samples.add(new Sample(model.embed(sentences.get(i)), c, c, null, sentences.get(i)));
        }
        return new GuardedExplainer(explainer, settings.threads(), settings.timeLimit()).explain(model.lstm(), samples,
                i -> named(i, sentences.get(i)));
    }

    /** "sentence 3 [not very good ...]": a sentence as messages name it, by its index and first words. */
    static String named(int index, List<String> tokens) {
        String text = String.join(" ", tokens.subList(0, Math.min(8, tokens.size())));
        return "sentence " + index + " [" + text + (tokens.size() > 8 ? " ..." : "") + "]";
    }

    /** The explainers, with the built-in {@value Table3#REFERENCE} appended if none has its id. */
    private static List<Explainer> withReference(List<Explainer> explainers) {
        List<Explainer> all = new ArrayList<>(explainers);
        if (explainers.stream().noneMatch(e -> e.id().equals(Table3.REFERENCE))) {
            all.add(BuiltInExplainers.create(Table3.REFERENCE));
        }
        return all;
    }

    private static <T> T timed(Map<String, Long> nanos, String step, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        nanos.merge(step, System.nanoTime() - start, Long::sum);
        return result;
    }

    /**
     * The ten built-in explainers with the paper's sentiment setting for LRP (section 3.3, A.2):
     * ε = 0.001, and ε = 0.2 for LRP-prop; bias factor 0.
     */
    public static List<Explainer> builtIns() {
        List<Explainer> all = new ArrayList<>();
        for (String id : BuiltInExplainers.ids()) {
            all.add(BuiltInExplainers.create(id, id.equals("lrp-prop") ? PROP_EPS : SENTIMENT_EPS, 0));
        }
        return all;
    }
}
