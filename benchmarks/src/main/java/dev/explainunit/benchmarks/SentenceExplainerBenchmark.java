package dev.explainunit.benchmarks;

import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.DirectionWeights;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sentences per second of each built-in method on a sentence classifier of the paper's size
 * (section 3.3): a bidirectional LSTM with E = H = 60 and 5 classes, random and seeded (PyTorch's
 * initialisation: LSTM and linear weights uniform in ±1/√H, embeddings N(0, 1)), explaining
 * embedded sentences of 10 to 30 words drawn from a 2,000-word vocabulary, one thread, the target
 * class cycling through the five. Issue 10's targets: LRP-all and gradient×input at least
 * 4,000/s, occlusion-p-diff 300/s, CD 100/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SentenceExplainerBenchmark {

    static final int EMBEDDING = 60;
    static final int HIDDEN = 60;
    static final int CLASSES = 5;
    static final int VOCABULARY = 2000;
    static final int SENTENCES = 256;

    @Param({"gradient", "gradient-x-input", "occlusion-f-diff", "occlusion-p-diff", "lrp-all", "lrp-prop",
            "lrp-abs", "lrp-half", "cd", "integrated-gradients"})
    public String method;

    private Explainer explainer;
    private RecurrentNetwork model;
    private Sequence[] sentences;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(2019);
        explainer = BuiltInExplainers.create(method);
        model = randomClassifier(random);
        sentences = randomSentences(random);
    }

    @Benchmark
    public Relevance explain() {
        int k = next;
        next = (next + 1) % sentences.length;
        return explainer.explain(model, sentences[k], k % CLASSES);
    }

    static RecurrentNetwork randomClassifier(Random random) {
        double bound = 1 / Math.sqrt(HIDDEN);
        return RecurrentNetwork.singleLayer(direction(random, bound), direction(random, bound),
                uniform(random, CLASSES, 2 * HIDDEN, 1 / Math.sqrt(2 * HIDDEN)),
                uniform(random, CLASSES, 1, 1 / Math.sqrt(2 * HIDDEN)));
    }

    private static DirectionWeights direction(Random random, double bound) {
        return DirectionWeights.lstm(uniform(random, 4 * HIDDEN, EMBEDDING, bound), uniform(random, 4 * HIDDEN, HIDDEN, bound),
                uniform(random, 4 * HIDDEN, 1, bound), uniform(random, 4 * HIDDEN, 1, bound));
    }

    private static DMatrixRMaj uniform(Random random, int rows, int cols, double bound) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (2 * random.nextDouble() - 1) * bound;
        }
        return m;
    }

    static Sequence[] randomSentences(Random random) {
        double[][] embedding = new double[VOCABULARY][EMBEDDING];
        for (double[] row : embedding) {
            for (int e = 0; e < EMBEDDING; e++) {
                row[e] = random.nextGaussian();
            }
        }
        Sequence[] sentences = new Sequence[SENTENCES];
        for (int n = 0; n < SENTENCES; n++) {
            double[][] words = new double[10 + random.nextInt(21)][];
            for (int t = 0; t < words.length; t++) {
                words[t] = embedding[random.nextInt(VOCABULARY)];
            }
            sentences[n] = Sequence.of(words);
        }
        return sentences;
    }
}
