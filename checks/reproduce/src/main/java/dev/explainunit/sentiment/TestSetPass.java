package dev.explainunit.sentiment;

import dev.explainunit.composition.SentenceClassifier;
import dev.explainunit.deletion.DeletionCurve;
import dev.explainunit.deletion.RandomDeletion;
import dev.explainunit.deletion.Table3;
import dev.explainunit.deletion.WordDeletion;
import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.task.Sample;
import dev.explainunit.checks.GuardedExplainer;
import dev.explainunit.checks.ModelPasses;
import dev.explainunit.explainers.LrpExplainer;
import dev.explainunit.deletion.RelevanceOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntFunction;

/**
 * One pass over the test sentences, batch by batch, for everything that reads them: Table 3's
 * word deletion (methods and random), Figure 1's sentence vectors and Table 5's ranking. Memory is
 * bounded by one batch and what the tables keep: counts of correct classifications per method,
 * draw and number of deleted words; the vectors of the first {@link SentimentSettings#figureSentences()}
 * sentences; the {@link SentimentSettings#misclassified()} most confident misclassifications.
 *
 * <p>Each batch: every sentence is classified once (its forward pass also gives LRP h_T), every
 * method explains the batch for the true classes (sentences in parallel), then each kept sentence
 * computes its deletions for every method and every random draw at once (sentences in parallel),
 * so that a shortened sentence several of them ask for is classified once, by resuming the whole
 * sentence's pass where the deletion first changes it ({@link ShortenedPasses}). Results land in
 * per-sentence slots and are added up in sentence order, so they do not depend on the threads.
 *
 * <p>A method that fails (throws, hangs, returns relevance of the wrong length or not finite) is
 * dropped with the reason from then on and its partial results discarded; {@value
 * Table3#REFERENCE}'s failure ends the run, since Table 3 is normalised to it. Not thread-safe.
 */
final class TestSetPass {

    private final SentenceModel model;
    private final SentimentSettings settings;
    private final List<Explainer> methods;
    private final Map<String, String> skipped;
    private final Map<String, Long> nanos;
    private final ThreadLocal<NetworkTrace> traces;
    private final ThreadLocal<ShortenedPasses> passes;

    private int sentences;
    private int kept;
    private int correct;
    private final Map<String, long[][]> methodHits = new LinkedHashMap<>();
    private final long[][][] randomHits;
    private final Map<String, List<double[]>> figure = new LinkedHashMap<>();
    private final List<Integer> figureClasses = new ArrayList<>();
    private final PriorityQueue<MisclassifiedSentence> worst;

    /**
     * @param methods the applicable methods (modified: a failing one is removed)
     * @param skipped where a failing method's reason goes (modified)
     * @param nanos   wall time per step (modified)
     */
    TestSetPass(SentenceModel model, SentimentSettings settings, List<Explainer> methods, Map<String, String> skipped,
                Map<String, Long> nanos) {
        this.model = model;
        this.settings = settings;
        this.methods = methods;
        this.skipped = skipped;
        this.nanos = nanos;
        this.traces = ThreadLocal.withInitial(model.lstm()::newTrace);
        this.passes = ThreadLocal.withInitial(() -> new ShortenedPasses(model.lstm()));
        this.randomHits = new long[settings.randomDraws()][2][WordDeletion.MAX_DELETED + 1];
        // the least confident of the kept ones on top, so that it leaves first
        this.worst = new PriorityQueue<>(MOST_CONFIDENT_FIRST.reversed());
        figure.put(SentenceRepresentations.AVERAGE, new ArrayList<>());
        figure.put(SentenceRepresentations.LRP_LAST_HIDDEN, new ArrayList<>());
        for (Explainer e : methods) {
            methodHits.put(e.id(), new long[2][WordDeletion.MAX_DELETED + 1]);
            figure.put(e.id(), new ArrayList<>());
        }
    }

    /** Table 5's order: the highest probability of the predicted class first, equal ones by position. */
    static final Comparator<MisclassifiedSentence> MOST_CONFIDENT_FIRST = Comparator
            .comparingDouble((MisclassifiedSentence m) -> -m.probability())
            .thenComparingInt(MisclassifiedSentence::index);

    /**
     * Adds the next sentences of the test set.
     *
     * @throws IllegalArgumentException naming the sentence (its line) if one has no label or a
     *                                  label outside the model's classes
     */
    void add(List<SentenceRecord> batch) {
        int first = sentences;
        int n = batch.size();
        for (int b = 0; b < n; b++) {
            SentenceRecord s = batch.get(b);
            if (!s.hasLabel() || s.label() >= model.classes()) {
                throw new IllegalArgumentException("test sentence " + where(s, first + b) + " has "
                        + (s.hasLabel() ? "label [" + s.label() + "] outside the model's " + model.classes()
                        + " classes" : "no label") + "; word deletion needs the true class");
            }
        }
        List<List<String>> tokens = batch.stream().map(SentenceRecord::tokens).toList();
        int[] labels = batch.stream().mapToInt(SentenceRecord::label).toArray();
        int inFigure = Math.max(0, Math.min(n, settings.figureSentences() - first));

        double[][] outputs = new double[n][];
        double[][] lastHidden = new double[inFigure][];
        double[][] average = new double[inFigure][];
        Sequence[] inputs = new Sequence[n];
        timed("classify", () -> ModelPasses.forEach(n, settings.threads(), b -> {
            Sequence x = model.embed(tokens.get(b));
            inputs[b] = x;
            NetworkTrace trace = model.lstm().forward(x, traces.get());
            outputs[b] = trace.outputs();
            if (b < inFigure) {
                average[b] = SentenceRepresentations.average(x);
                lastHidden[b] = SentenceRepresentations.lrpLastHidden(model.lstm(), trace, labels[b],
                        LrpExplainer.DEFAULT_EPS, LrpExplainer.DEFAULT_BIAS_FACTOR);
            }
        }));
        int[] predicted = new int[n];
        int[] keptIndex = new int[n];
        for (int b = 0; b < n; b++) {
            predicted[b] = SentenceClassifier.argmax(outputs[b]);
            keptIndex[b] = tokens.get(b).size() >= WordDeletion.MIN_LENGTH ? kept++ : -1;
        }

        List<Sample> samples = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            samples.add(new Sample(inputs[b], labels[b], labels[b], null, tokens.get(b)));
        }
        IntFunction<String> named = b -> SentimentExperiments.named(first + b, tokens.get(b));
        Map<String, double[][]> wordRelevance = new LinkedHashMap<>();
        for (Explainer e : List.copyOf(methods)) {
            String id = e.id();
            try {
                List<Relevance> relevances = timed("explain:" + id, () -> new GuardedExplainer(e, settings.threads(),
                        settings.timeLimit()).explain(model.lstm(), samples, named));
                double[][] words = new double[n][];
                for (int b = 0; b < n; b++) {
                    words[b] = keptIndex[b] >= 0 ? WordDeletion.wordRelevance(id, batch.get(b), keptIndex[b],
                            relevances.get(b)) : null;
                }
                List<double[]> vectors = figure.get(id);
                for (int b = 0; b < inFigure; b++) {
                    vectors.add(SentenceRepresentations.weighted(inputs[b], relevances.get(b)));
                }
                wordRelevance.put(id, words);
            } catch (RuntimeException failure) {
                drop(id, failure);
            }
        }

        int draws = settings.randomDraws();
        int[][][] hits = new int[n][][]; // [sentence][method..., draw...][k]
        List<String> ids = List.copyOf(wordRelevance.keySet());
        timed("table3:deletion", () -> ModelPasses.forEach(n, settings.threads(), b -> {
            if (keptIndex[b] < 0) {
                return;
            }
            Shortened shortened = new Shortened(tokens.get(b), labels[b]);
            boolean right = predicted[b] == labels[b];
            int[][] row = new int[ids.size() + draws][];
            for (int m = 0; m < ids.size(); m++) {
                double[] r = wordRelevance.get(ids.get(m))[b];
                row[m] = shortened.hits(right, right ? RelevanceOrder.decreasing(r) : RelevanceOrder.increasing(r));
            }
            for (int d = 0; d < draws; d++) {
                row[ids.size() + d] = shortened.hits(right, WordDeletion.randomOrder(tokens.get(b).size(),
                        settings.seed(), d, keptIndex[b]));
            }
            hits[b] = row;
        }));

        for (int b = 0; b < n; b++) {
            int index = first + b;
            if (keptIndex[b] >= 0) {
                int half = predicted[b] == labels[b] ? 0 : 1;
                correct += 1 - half;
                for (int m = 0; m < ids.size(); m++) {
                    add(methodHits.get(ids.get(m))[half], hits[b][m]);
                }
                for (int d = 0; d < draws; d++) {
                    add(randomHits[d][half], hits[b][ids.size() + d]);
                }
            }
            if (b < inFigure) {
                figure.get(SentenceRepresentations.AVERAGE).add(average[b]);
                figure.get(SentenceRepresentations.LRP_LAST_HIDDEN).add(lastHidden[b]);
                figureClasses.add(labels[b]);
            }
            if (predicted[b] != labels[b]) {
                offer(new MisclassifiedSentence(index, tokens.get(b), labels[b], predicted[b],
                        Misclassifications.softmax(outputs[b], predicted[b]), Map.of()));
            }
        }
        sentences += n;
    }

    private static void add(long[] counts, int[] hits) {
        for (int k = 0; k < counts.length; k++) {
            counts[k] += hits[k];
        }
    }

    private void offer(MisclassifiedSentence candidate) {
        if (settings.misclassified() == 0) {
            return;
        }
        worst.add(candidate);
        if (worst.size() > settings.misclassified()) {
            worst.poll();
        }
    }

    /** Drops a failing method; the reference's failure ends the run. */
    void drop(String id, RuntimeException failure) {
        if (id.equals(Table3.REFERENCE)) {
            throw failure; // Table 3 cannot be normalised without it
        }
        // one faulty explainer costs its own results only, not the other methods'
        methods.removeIf(e -> e.id().equals(id));
        methodHits.remove(id);
        figure.remove(id);
        skipped.put(id, failure.getMessage());
    }

    /** Number of sentences added. */
    int sentences() {
        return sentences;
    }

    /** Each remaining method's deletion curve, in the methods' order. */
    List<DeletionCurve> curves() {
        List<DeletionCurve> curves = new ArrayList<>();
        methodHits.forEach((id, h) -> curves.add(WordDeletion.curve(id, h[0], h[1], correct, kept - correct)));
        return curves;
    }

    /** Random deletion over the draws. */
    RandomDeletion random() {
        double[][][] perDraw = new double[randomHits.length][][];
        for (int d = 0; d < perDraw.length; d++) {
            DeletionCurve c = WordDeletion.curve(RandomDeletion.METHOD, randomHits[d][0], randomHits[d][1], correct,
                    kept - correct);
            perDraw[d] = new double[][] {c.decreasing(), c.increasing()};
        }
        return WordDeletion.random(perDraw, correct, kept - correct, settings.seed());
    }

    /** Figure 1's sentence vectors per representation ({@code avg}, {@code lrp-ht}, then the methods). */
    Map<String, List<double[]>> figureVectors() {
        return figure;
    }

    /** The true class of each sentence in {@link #figureVectors()}. */
    int[] figureClasses() {
        return figureClasses.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Table 5's sentences, most confident first, without relevance yet. */
    List<MisclassifiedSentence> mostConfidentlyMisclassified() {
        List<MisclassifiedSentence> rows = new ArrayList<>(worst);
        rows.sort(MOST_CONFIDENT_FIRST);
        return rows;
    }

    private void timed(String step, Runnable work) {
        long start = System.nanoTime();
        work.run();
        nanos.merge(step, System.nanoTime() - start, Long::sum);
    }

    private <T> T timed(String step, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        nanos.merge(step, System.nanoTime() - start, Long::sum);
        return result;
    }

    private static String where(SentenceRecord s, int index) {
        return s.line() > 0 ? "on line " + s.line() : "[" + index + "]";
    }

    /**
     * One kept sentence's shortened forms, each classified once however many orders ask for it
     * (footnote 11: the words dropped, the rest joined), by resuming the sentence's own pass
     * ({@link ShortenedPasses}). For the thread that made it.
     */
    private final class Shortened {
        private final int label;
        private final ShortenedPasses resumed;
        private final Map<Long, Integer> classes = new HashMap<>();

        Shortened(List<String> tokens, int label) {
            this.label = label;
            this.resumed = passes.get();
            resumed.start(model.embed(tokens));
        }

        /** hits[k] = 1 if the sentence is classified correctly without the first k positions of {@code order}. */
        int[] hits(boolean right, int[] order) {
            int[] hits = new int[WordDeletion.MAX_DELETED + 1];
            hits[0] = right ? 1 : 0;
            for (int k = 1; k <= WordDeletion.MAX_DELETED; k++) {
                int[] positions = Arrays.copyOf(order, k);
                Arrays.sort(positions);
                int predicted = classes.computeIfAbsent(WordDeletion.key(positions),
                        unused -> resumed.classify(positions));
                hits[k] = predicted == label ? 1 : 0;
            }
            return hits;
        }
    }
}
