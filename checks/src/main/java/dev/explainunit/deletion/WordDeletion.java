package dev.explainunit.deletion;

import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.task.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The paper's word-deletion experiment (section 3.3, Table 3, footnote 11) on a sentence model and
 * labelled test sentences.
 *
 * <p>The test sentences of length ≥ {@value #MIN_LENGTH} are kept and classified once. A method's
 * relevance, computed on the original sentence with the true class as target, orders the words;
 * the first k = 1, 2, 3 of that order are removed together (the token is dropped, the rest joined
 * and embedded again) and the shortened sentence classified:
 * <pre>
 *   decreasing:  on the sentences the model classifies correctly, remove the k most relevant words,
 *                acc_k = 100 · #{still correct} / #{initially correct}
 *   increasing:  on the misclassified sentences, remove the k least relevant words,
 *                acc_k = 100 · #{now correct} / #{initially misclassified}
 * </pre>
 * Equal relevances are ordered by position (earlier first). Shortened sentences are classified
 * once each, whichever method asks first ({@link #curve} shares a cache across methods: methods
 * that agree on a word do not pay twice).
 *
 * <p>{@link #of} works on a sentence model and its words; {@link #ofEmbedded} on sentences already
 * embedded (the samples of a task, whose input row t is word t's embedding): dropping row t and
 * joining the rest is then the same as dropping word t and embedding the rest again, since a
 * word's embedding does not depend on its neighbours.
 *
 * <p>Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WordDeletion {

    /** Shortest sentence kept: the paper keeps the test sentences of at least 10 words. */
    public static final int MIN_LENGTH = 10;
    /** Most words removed from a sentence. */
    public static final int MAX_DELETED = 3;

    private final ShortenedClassifier classifier;
    private final List<SentenceRecord> sentences;
    private final int[] predicted;
    private final SentencePasses passes;
    private final List<Map<Long, Integer>> shortened;
    private final int correct;

    private WordDeletion(ShortenedClassifier classifier, List<SentenceRecord> sentences, SentencePasses passes) {
        this.classifier = classifier;
        this.sentences = sentences;
        this.passes = passes;
        this.predicted = new int[sentences.size()];
        passes.forEach(sentences.size(), i -> predicted[i] = classifier.classify(i, new int[0]));
        List<Map<Long, Integer>> caches = new ArrayList<>();
        int right = 0;
        for (int i = 0; i < sentences.size(); i++) {
            caches.add(new ConcurrentHashMap<>());
            right += predicted[i] == sentences.get(i).label() ? 1 : 0;
        }
        this.shortened = caches;
        this.correct = right;
    }

    /**
     * Keeps the sentences of {@code test} with at least {@value #MIN_LENGTH} words and classifies
     * them.
     *
     * @param passes  how the sentences are classified: one after another or in parallel
     * @throws IllegalArgumentException naming the sentence (its line) if one has no label or a
     *                                  label outside the model's classes
     */
    public static WordDeletion of(SentenceModel model, List<SentenceRecord> test, SentencePasses passes) {
        List<SentenceRecord> kept = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            SentenceRecord s = test.get(i);
            if (!s.hasLabel() || s.label() >= model.classes()) {
                throw new IllegalArgumentException("test sentence " + where(s, i) + " has "
                        + (s.hasLabel() ? "label [" + s.label() + "] outside the model's " + model.classes()
                        + " classes" : "no label") + "; word deletion needs the true class");
            }
            if (s.tokens().size() >= MIN_LENGTH) {
                kept.add(s);
            }
        }
        List<SentenceRecord> sentences = List.copyOf(kept);
        return new WordDeletion((i, removed) -> model.predictClass(without(sentences.get(i).tokens(), removed)),
                sentences, passes);
    }

    /**
     * Keeps the samples with at least {@value #MIN_LENGTH} steps and classifies them; each sample's
     * {@link Sample#target() target} is its true class, and its input rows are its words'
     * embeddings, so that deleting a word is deleting its row (footnote 11). The kept sentences
     * ({@link #sentences()}) carry the samples' tokens, or "x_t" where a sample has none, and as
     * line the sample's position in {@code samples} from 1.
     *
     * @param model   a classifier of the samples' inputs (more than one output)
     * @param passes  how the sentences are classified: one after another or in parallel
     * @throws IllegalArgumentException if a target is not one of the model's classes
     */
    public static WordDeletion ofEmbedded(RecurrentModel model, List<Sample> samples, SentencePasses passes) {
        List<Sequence> inputs = new ArrayList<>();
        List<SentenceRecord> kept = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (s.target() >= model.outputSize()) {
                throw new IllegalArgumentException("sample [" + i + "] targets class [" + s.target() + "] outside the"
                        + " model's " + model.outputSize() + " classes; word deletion needs the true class");
            }
            if (s.length() >= MIN_LENGTH) {
                List<String> tokens = new ArrayList<>(s.tokens());
                for (int t = tokens.size(); t < s.length(); t++) {
                    tokens.add("x_" + t);
                }
                kept.add(new SentenceRecord(tokens, s.target(), i + 1));
                inputs.add(s.input());
            }
        }
        return new WordDeletion((i, removed) -> argmax(model.predict(withoutRows(inputs.get(i), removed))),
                List.copyOf(kept), passes);
    }

    /** Classifies kept sentence i without the words at the sorted positions {@code removed} (none: the sentence). */
    private interface ShortenedClassifier {
        int classify(int sentence, int[] removed);
    }

    /** {@code tokens} without the sorted positions {@code removed}, the rest joined. */
    public static List<String> without(List<String> tokens, int[] removed) {
        List<String> rest = new ArrayList<>(tokens.size());
        for (int t = 0, next = 0; t < tokens.size(); t++) {
            if (next < removed.length && removed[next] == t) {
                next++;
            } else {
                rest.add(tokens.get(t));
            }
        }
        return rest;
    }

    /** {@code x} without the sorted rows {@code removed}, the rest joined. */
    private static Sequence withoutRows(Sequence x, int[] removed) {
        double[][] rest = new double[x.length() - removed.length][];
        for (int t = 0, next = 0, j = 0; t < x.length(); t++) {
            if (next < removed.length && removed[next] == t) {
                next++;
            } else {
                double[] row = new double[x.dim()];
                for (int d = 0; d < row.length; d++) {
                    row[d] = x.get(t, d);
                }
                rest[j++] = row;
            }
        }
        return Sequence.of(rest);
    }

    private static int argmax(double[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    private static String where(SentenceRecord s, int index) {
        return s.line() > 0 ? "on line " + s.line() : "[" + index + "]";
    }

    /** The kept sentences (length ≥ {@value #MIN_LENGTH}), in the order of the test set. */
    public List<SentenceRecord> sentences() {
        return sentences;
    }

    /** The model's class for kept sentence {@code i}. */
    public int predicted(int i) {
        return predicted[i];
    }

    /** Number of kept sentences the model classifies correctly: the decreasing half. */
    public int correctCount() {
        return correct;
    }

    /** Number of kept sentences the model misclassifies: the increasing half. */
    public int incorrectCount() {
        return sentences.size() - correct;
    }

    /**
     * The deletion curve of one method.
     *
     * @param method     the method id, for the result and for messages
     * @param relevances the relevance of kept sentence i at index i, for its true class
     * @throws IllegalArgumentException naming the method and sentence if the relevances are not one
     *                                  per kept sentence, one value per word, all finite
     */
    public DeletionCurve curve(String method, List<Relevance> relevances) {
        if (relevances.size() != sentences.size()) {
            throw new IllegalArgumentException(method + ": " + relevances.size() + " relevances for ["
                    + sentences.size() + "] kept sentences");
        }
        int[][] removed = new int[sentences.size()][];
        for (int i = 0; i < sentences.size(); i++) {
            double[] r = wordRelevance(method, i, relevances.get(i));
            removed[i] = predicted[i] == sentences.get(i).label() ? RelevanceOrder.decreasing(r)
                    : RelevanceOrder.increasing(r);
        }
        int[][] hits = hits(removed);
        return curve(method, hits);
    }

    private double[] wordRelevance(String method, int i, Relevance relevance) {
        return wordRelevance(method, sentences.get(i), i, relevance);
    }

    /**
     * The word relevance of kept sentence {@code s} at {@code index}.
     *
     * @throws IllegalArgumentException naming the method and sentence unless there is one finite value per word
     */
    public static double[] wordRelevance(String method, SentenceRecord s, int i, Relevance relevance) {
        if (relevance == null || relevance.length() != s.tokens().size()) {
            throw new IllegalArgumentException(method + ": relevance of sentence " + where(s, i) + " has ["
                    + (relevance == null ? "none" : relevance.length() + " values") + "] for "
                    + s.tokens().size() + " words");
        }
        double[] r = relevance.toArray();
        for (int t = 0; t < r.length; t++) {
            if (!Double.isFinite(r[t])) {
                throw new IllegalArgumentException(method + ": relevance of word " + t + " ('" + s.tokens().get(t)
                        + "') of sentence " + where(s, i) + " is [" + r[t] + "]");
            }
        }
        return r;
    }

    /**
     * Random deletion averaged over {@code draws} draws; draw d of sentence i uses its own
     * generator seeded from ({@code seed}, d, i), so the result does not depend on the passes' order.
     *
     * @throws IllegalArgumentException if draws &lt; 1
     */
    public RandomDeletion random(int draws, long seed) {
        if (draws < 1) {
            throw new IllegalArgumentException("random deletion needs at least 1 draw, got [" + draws + "]");
        }
        double[][][] perDraw = new double[draws][][];
        for (int d = 0; d < draws; d++) {
            int[][] removed = new int[sentences.size()][];
            for (int i = 0; i < sentences.size(); i++) {
                removed[i] = randomOrder(sentences.get(i).tokens().size(), seed, d, i);
            }
            DeletionCurve c = curve(RandomDeletion.METHOD, hits(removed));
            perDraw[d] = new double[][] {c.decreasing(), c.increasing()};
        }
        return random(perDraw, correct, incorrectCount(), seed);
    }

    /**
     * Random deletion from its draws' accuracies, {@code perDraw[d] = {decreasing, increasing}}:
     * the mean over the draws with its standard errors ({@link RandomDeletion#meanAndStandardError}).
     */
    public static RandomDeletion random(double[][][] perDraw, int correct, int incorrect, long seed) {
        int draws = perDraw.length;
        double[][] mean = new double[2][MAX_DELETED + 1];
        double[][] error = new double[2][MAX_DELETED + 1];
        double[] meanChangeError = new double[2];
        for (int half = 0; half < 2; half++) {
            for (int k = 0; k <= MAX_DELETED; k++) {
                double[] values = new double[draws];
                for (int d = 0; d < draws; d++) {
                    values[d] = perDraw[d][half][k];
                }
                double[] m = RandomDeletion.meanAndStandardError(values);
                mean[half][k] = m[0];
                error[half][k] = m[1];
            }
            double[] changes = new double[draws];
            for (int d = 0; d < draws; d++) {
                changes[d] = DeletionCurve.meanChange(perDraw[d][half]);
            }
            meanChangeError[half] = RandomDeletion.meanAndStandardError(changes)[1];
        }
        DeletionCurve curve = new DeletionCurve(RandomDeletion.METHOD, mean[0], mean[1], correct, incorrect);
        return new RandomDeletion(curve, error[0], error[1], meanChangeError[0], meanChangeError[1], draws, seed);
    }

    /** The first {@value #MAX_DELETED} positions of a uniformly random permutation of 0..length−1 (Fisher–Yates). */
    public static int[] randomOrder(int length, long seed, int draw, int sentence) {
        SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (((long) draw << 32) + sentence + 1));
        int[] positions = new int[length];
        for (int t = 0; t < length; t++) {
            positions[t] = t;
        }
        for (int k = 0; k < MAX_DELETED; k++) {
            int pick = k + random.nextInt(length - k);
            int swap = positions[k];
            positions[k] = positions[pick];
            positions[pick] = swap;
        }
        return Arrays.copyOf(positions, MAX_DELETED);
    }

    /**
     * Whether sentence i is classified correctly after removing the first k positions of
     * {@code removed[i]}: {@code hits[i][k]} is 1 or 0, k = 0..3.
     */
    private int[][] hits(int[][] removed) {
        int[][] hits = new int[sentences.size()][MAX_DELETED + 1];
        passes.forEach(sentences.size(), i -> {
            int label = sentences.get(i).label();
            hits[i][0] = predicted[i] == label ? 1 : 0;
            for (int k = 1; k <= MAX_DELETED; k++) {
                hits[i][k] = classifyWithout(i, Arrays.copyOf(removed[i], k)) == label ? 1 : 0;
            }
        });
        return hits;
    }

    private DeletionCurve curve(String method, int[][] hits) {
        long[] decreasing = new long[MAX_DELETED + 1];
        long[] increasing = new long[MAX_DELETED + 1];
        for (int i = 0; i < sentences.size(); i++) {
            long[] curve = hits[i][0] == 1 ? decreasing : increasing;
            for (int k = 0; k <= MAX_DELETED; k++) {
                curve[k] += hits[i][k];
            }
        }
        return curve(method, decreasing, increasing, correct, incorrectCount());
    }

    /**
     * The curve from counts of correctly classified sentences after removing k words:
     * acc_k = 100 · {@code decreasing[k]} / {@code correct} (NaN without correct sentences), and
     * likewise for the increasing half over {@code incorrect}.
     */
    public static DeletionCurve curve(String method, long[] decreasingHits, long[] increasingHits, int correct,
                               int incorrect) {
        double[] decreasing = new double[MAX_DELETED + 1];
        double[] increasing = new double[MAX_DELETED + 1];
        for (int k = 0; k <= MAX_DELETED; k++) {
            decreasing[k] = correct == 0 ? Double.NaN : 100.0 * decreasingHits[k] / correct;
            increasing[k] = incorrect == 0 ? Double.NaN : 100.0 * increasingHits[k] / incorrect;
        }
        return new DeletionCurve(method, decreasing, increasing, correct, incorrect);
    }

    /**
     * The class of kept sentence i without the words at {@code positions} (footnote 11: dropped, the
     * rest joined and embedded again); {@code positions} is sorted (modified).
     */
    private int classifyWithout(int i, int[] positions) {
        Arrays.sort(positions);
        long key = key(positions);
        return shortened.get(i).computeIfAbsent(key, unused -> classifier.classify(i, positions));
    }

    /** A key for a sorted set of at most {@value #MAX_DELETED} distinct positions below 2^21. */
    public static long key(int[] positions) {
        long key = 0; // one position per 21 bits
        for (int p : positions) {
            key = (key << 21) | (p + 1);
        }
        return key;
    }
}
