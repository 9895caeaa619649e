package dev.explainunit.sentiment;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.sentence.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Runs the paper's sentiment experiments (Tables 3, 4, 5 and Figure 1) for a list of explainers on
 * a sentence model and its labelled test sentences.
 *
 * <p>Each explainer explains every test sentence once for its true class; those relevances feed
 * both Table 3 (the sentences of length ≥ 10) and Figure 1 (all of them). Table 3 is normalised to
 * {@value Table3#REFERENCE}, which is added from the built-ins when the list lacks it. Table 4 needs
 * a five-class model; otherwise it is empty and {@link SentimentResults#table4Reason()} says why.
 * An explainer that does not support the model, or fails on the test sentences (throws, hangs,
 * returns relevance of the wrong length or not finite), is left out of every table with the
 * reason in {@link SentimentResults#skipped()}; the other methods' results stand.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SentimentExperiments {

    /** The paper's LRP stabiliser for the sentiment model. */
    public static final double SENTIMENT_EPS = 0.001;
    /** The paper's LRP stabiliser for LRP-prop on the sentiment model. */
    public static final double PROP_EPS = 0.2;

    private SentimentExperiments() {
    }

    /**
     * @param model      the sentence model
     * @param test       labelled test sentences
     * @param modifiers  candidate negators and amplifiers for Table 4
     * @param explainers the methods, each id once
     * @throws IllegalArgumentException naming the sentence for an unlabelled one or a label outside the classes
     * @throws SentenceExplanations.ExplanationException naming the explainer and sentence when
     *         {@value Table3#REFERENCE} fails, or another explainer fails on Table 4's or 5's samples
     */
    public static SentimentResults run(SentenceModel model, List<SentenceRecord> test, ModifierWords modifiers,
                                       List<Explainer> explainers, SentimentSettings settings) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        long start = System.nanoTime();
        WordDeletion deletion = WordDeletion.of(model, test, settings.threads());
        nanos.put("table3:classify", System.nanoTime() - start);

        List<Explainer> methods = withReference(explainers);
        List<Explainer> applicable = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Explainer e : methods) {
            if (e.supports(model.lstm())) {
                applicable.add(e);
            } else {
                skipped.put(e.id(), e.id() + " does not support this model (" + model.lstm().inputSize() + " inputs, "
                        + model.classes() + " classes)");
            }
        }

        List<List<String>> tokens = test.stream().map(SentenceRecord::tokens).toList();
        int[] labels = test.stream().mapToInt(SentenceRecord::label).toArray();
        List<Sequence> embedded = tokens.stream().map(model::embed).toList();
        int[] kept = keptIndices(test);

        List<DeletionCurve> curves = new ArrayList<>();
        Map<String, Projection> figure1 = new LinkedHashMap<>();
        figure1.put(SentenceRepresentations.AVERAGE, timed(nanos, "figure1:" + SentenceRepresentations.AVERAGE,
                () -> Projection.of(SentenceRepresentations.AVERAGE,
                        embedded.stream().map(SentenceRepresentations::average).toList(), labels)));
        figure1.put(SentenceRepresentations.LRP_LAST_HIDDEN, timed(nanos,
                "figure1:" + SentenceRepresentations.LRP_LAST_HIDDEN, () -> {
                    List<double[]> vectors = new ArrayList<>();
                    for (int i = 0; i < embedded.size(); i++) {
                        vectors.add(SentenceRepresentations.lrpLastHidden(model.lstm(), embedded.get(i), labels[i],
                                settings.lrpEps(), settings.lrpBiasFactor()));
                    }
                    return Projection.of(SentenceRepresentations.LRP_LAST_HIDDEN, vectors, labels);
                }));
        for (Explainer e : List.copyOf(applicable)) {
            String id = e.id();
            try {
                List<Relevance> relevances = timed(nanos, "explain:" + id, () -> SentenceExplanations.explain(e,
                        model, tokens, labels, settings.threads(), settings.callLimit()));
                List<Relevance> ofKept = new ArrayList<>();
                for (int i : kept) {
                    ofKept.add(relevances.get(i));
                }
                DeletionCurve curve = timed(nanos, "table3:" + id, () -> deletion.curve(id, ofKept));
                Projection projection = timed(nanos, "figure1:" + id, () -> {
                    List<double[]> vectors = new ArrayList<>();
                    for (int i = 0; i < embedded.size(); i++) {
                        vectors.add(SentenceRepresentations.weighted(embedded.get(i), relevances.get(i)));
                    }
                    return Projection.of(id, vectors, labels);
                });
                curves.add(curve);
                figure1.put(id, projection);
            } catch (RuntimeException failure) {
                if (id.equals(Table3.REFERENCE)) {
                    throw failure; // Table 3 cannot be normalised without it
                }
                // one faulty explainer costs its own results only, not the other methods'
                applicable.remove(e);
                skipped.put(id, failure.getMessage());
            }
        }
        RandomDeletion random = timed(nanos, "table3:random",
                () -> deletion.random(settings.randomDraws(), settings.seed()));
        Table3 table3 = Table3.of(curves, random);

        CompositionSamples compositions = null;
        String table4Reason = null;
        Map<Composition, Map<String, CompositionRelevance>> table4 = new EnumMap<>(Composition.class);
        if (model.classes() != Composition.CLASSES) {
            table4Reason = "the compositions of appendix A.5 need a five-class sentiment model (0 = very negative .. "
                    + "4 = very positive); this one has [" + model.classes() + "] classes";
        } else {
            compositions = timed(nanos, "table4:select",
                    () -> CompositionSamples.select(model::predict, model.vocabulary(), modifiers));
            for (Composition c : Composition.values()) {
                table4.put(c, new LinkedHashMap<>());
            }
            for (Explainer e : applicable) {
                CompositionSamples selected = compositions;
                timed(nanos, "table4:" + e.id(), () -> {
                    for (Composition c : Composition.values()) {
                        List<List<String>> samples = selected.samples(c).samples();
                        int[] targets = new int[samples.size()];
                        java.util.Arrays.fill(targets, c.predicted());
                        List<Relevance> r = SentenceExplanations.explain(e, model, samples, targets,
                                settings.threads(), settings.callLimit());
                        table4.get(c).put(e.id(), CompositionRelevance.of(c, r));
                    }
                    return null;
                });
            }
        }

        List<MisclassifiedSentence> table5 = timed(nanos, "table5", () -> explainMisclassified(model, test,
                applicable, settings));
        nanos.put("total", System.nanoTime() - start);
        return new SentimentResults(table3, compositions, table4, table4Reason, table5, figure1, skipped, nanos);
    }

    private static List<MisclassifiedSentence> explainMisclassified(SentenceModel model, List<SentenceRecord> test,
                                                                    List<Explainer> explainers,
                                                                    SentimentSettings settings) {
        List<MisclassifiedSentence> rows = Misclassifications.mostConfident(model, test, settings.misclassified(),
                settings.threads());
        List<List<String>> tokens = rows.stream().map(MisclassifiedSentence::tokens).toList();
        int[] targets = rows.stream().mapToInt(MisclassifiedSentence::predicted).toArray();
        List<MisclassifiedSentence> explained = new ArrayList<>(rows);
        for (Explainer e : explainers) {
            List<Relevance> r = SentenceExplanations.explain(e, model, tokens, targets, settings.threads(),
                    settings.callLimit());
            for (int i = 0; i < explained.size(); i++) {
                explained.set(i, explained.get(i).with(e.id(), r.get(i).toArray()));
            }
        }
        return explained;
    }

    /** The explainers, with the built-in {@value Table3#REFERENCE} appended if none has its id. */
    private static List<Explainer> withReference(List<Explainer> explainers) {
        List<Explainer> all = new ArrayList<>(explainers);
        if (explainers.stream().noneMatch(e -> e.id().equals(Table3.REFERENCE))) {
            all.add(BuiltInExplainers.create(Table3.REFERENCE));
        }
        return all;
    }

    /** Positions in {@code test} of the sentences word deletion keeps, in order. */
    private static int[] keptIndices(List<SentenceRecord> test) {
        return java.util.stream.IntStream.range(0, test.size())
                .filter(i -> test.get(i).tokens().size() >= WordDeletion.MIN_LENGTH).toArray();
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
