package dev.explainunit.sentence;

import dev.explainunit.model.SentenceModel;
import dev.explainunit.safetensors.SentenceModelFiles;
import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import dev.explainunit.task.TaskKind;
import dev.explainunit.task.TaskModel;
import dev.explainunit.task.TaskWords;
import dev.explainunit.zoo.ModelZoo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Five-class sentiment of sentences (paper 3.3 and 4) as a {@link Task}, id {@value #ID}: a
 * sentence classifier, its test sentences embedded ({@link SentenceModel#embed}) with their words
 * as {@link Sample#tokens()}, the true label as target and y.
 *
 * <p>Two kinds:
 * <ul>
 *   <li><b>Bundled</b> (the registered no-argument instance): the bundled model {@code sentiment}
 *       on the test split of the generated corpus ({@link SentimentCorpus#DEFAULT_SEED}), with
 *       ground truth {@link GroundTruthKind#CONTRIBUTIONS}: the label-deciding tokens
 *       ({@link #labelDeciding}). {@link #of(SentenceModel, String, List)} does the same for a
 *       given model and corpus sentences.</li>
 *   <li><b>A user's own model and data</b> ({@link #of(Path, Path, Path)}, or {@link #configured}
 *       with the parameters {@code model}, {@code vocab}, {@code data}): no ground truth
 *       ({@link GroundTruthKind#NONE}); the JSON Lines file is read lazily, only as far as the
 *       samples asked for, so memory is bounded by the model and the samples, not by the file.</li>
 * </ul>
 *
 * <p>The samples are the data set's sentences in order; the seed does not change them (a fixed
 * data set), and asking for more than there are gives all of them. There is no generator: a
 * failing check shows the first failing test sentence. Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SentimentTask implements Task {

    /** The task's id. */
    public static final String ID = "sentiment";

    /** The id of the bundled model in reports. */
    public static final String BUNDLED_MODEL_ID = "sentiment";

    /** The parameters {@link #configured} reads: the model file, its vocabulary, the JSON Lines data. */
    public static final String MODEL = "model", VOCAB = "vocab", DATA = "data";

    private final String description;
    private final Supplier<TaskModel> model;
    private final Source source;

    /** The bundled task: the bundled model on the generated corpus's test split; loaded on first use. */
    public SentimentTask() {
        this("five-class sentiment of the generated corpus's test sentences, bundled BiLSTM (E = H = 60)",
                new Lazy<>(() -> named(BUNDLED_MODEL_ID, bundledModel())),
                new CorpusSource(new Lazy<>(() -> SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED).test()),
                        SentimentTask::bundledModel));
    }

    private SentimentTask(String description, Supplier<TaskModel> model, Source source) {
        this.description = description;
        this.model = model;
        this.source = source;
    }

    /**
     * {@code model} on corpus sentences, with their ground truth ({@link #labelDeciding}).
     *
     * @param id        the model's id in reports
     * @param sentences labelled corpus sentences whose words {@code model}'s vocabulary knows
     */
    public static SentimentTask of(SentenceModel model, String id, List<CorpusSentence> sentences) {
        List<CorpusSentence> copy = List.copyOf(sentences);
        return new SentimentTask("five-class sentiment of " + copy.size() + " corpus sentences, model " + id,
                () -> named(id, model), new CorpusSource(() -> copy, () -> model));
    }

    /**
     * {@code model} on the labelled sentences of a JSON Lines file, read lazily; no ground truth.
     *
     * @param id the model's id in reports
     * @throws IllegalArgumentException if {@code data} is not a readable file
     */
    public static SentimentTask of(SentenceModel model, String id, Path data) {
        if (!Files.isRegularFile(data) || !Files.isReadable(data)) {
            throw new IllegalArgumentException("data [" + data + "]: no such readable file");
        }
        return new SentimentTask("sentiment of the sentences of " + data + ", model " + id,
                () -> named(id, model), new FileSource(data, model));
    }

    /** Reads {@code data} through once: every line must be a sentence {@code model} can classify. */
    private static void checkEveryLine(Path data, SentenceModel model) {
        try {
            SentenceReader.count(data, model.classes(), model.vocabulary());
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * A user's own model ({@code model}: safetensors with PyTorch names, {@code vocab}: one token a
     * line) on the labelled sentences of {@code data} (JSON Lines), read lazily; no ground truth.
     * The model's id is the model file's name without its extension.
     *
     * @throws IOException naming the file and its defect when the model or vocabulary cannot be read
     */
    public static SentimentTask of(Path model, Path vocab, Path data) throws IOException {
        return of(SentenceModelFiles.read(model, vocab), modelId(model), data);
    }

    /** A model file's name without its extension. */
    private static String modelId(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<TaskModel> models() {
        return List.of(model.get());
    }

    @Override
    public List<Sample> samples(long seed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("the sample count must be >= 0, got " + count);
        }
        return source.samples(count);
    }

    @Override
    public GroundTruthKind groundTruth() {
        return source.truth();
    }

    /** A sentence classifier: its models score classes, a sample's target is its true class. */
    @Override
    public TaskKind kind() {
        return TaskKind.SENTENCE_CLASSIFIER;
    }

    /** The paper's Tables 3–5 and Figure 1, which {@code reproduce --task sentiment} computes. */
    @Override
    public Set<String> reportSections() {
        return Set.of("sentiment");
    }

    /** Steps are words; the relevant positions are the label-deciding words ({@link #labelDeciding}). */
    @Override
    public TaskWords words() {
        return WORDS;
    }

    private static final TaskWords WORDS = new TaskWords("word", "words", "label-deciding words");

    @Override
    public Set<String> parameters() {
        return Set.of(MODEL, VOCAB, DATA);
    }

    /**
     * The task on the user's model and data when {@code model}, {@code vocab} and {@code data} are
     * given (paths, relative to the working directory), else this one.
     *
     * The data file is read through once here, so that a defect anywhere in it is refused before
     * any work (the checks then read only the sentences they use).
     *
     * @throws IllegalArgumentException when only some of the three are given, naming the missing
     *                                  ones, or when a file cannot be read or the data has no
     *                                  sentence or a defect, naming the file (and line) and the defect
     */
    @Override
    public Task configured(Function<String, Optional<String>> parameters) {
        Optional<String> m = parameters.apply(MODEL), v = parameters.apply(VOCAB), d = parameters.apply(DATA);
        if (m.isEmpty() && v.isEmpty() && d.isEmpty()) {
            return this;
        }
        List<String> missing = new ArrayList<>();
        m.ifPresentOrElse(x -> { }, () -> missing.add(MODEL));
        v.ifPresentOrElse(x -> { }, () -> missing.add(VOCAB));
        d.ifPresentOrElse(x -> { }, () -> missing.add(DATA));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the " + ID + " task reads a model of your own from " + MODEL + ", "
                    + VOCAB + " and " + DATA + " together; missing " + missing);
        }
        try {
            Path modelFile = Path.of(m.get());
            Path data = Path.of(d.get());
            SentenceModel model = SentenceModelFiles.read(modelFile, Path.of(v.get()));
            SentimentTask task = of(model, modelId(modelFile), data);
            checkEveryLine(data, model);
            return task;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The ground truth of a corpus sentence for its label: the <b>label-deciding tokens</b>, those
     * with a non-zero contribution (polar words, the negator of a clause, amplifiers, "but" after a
     * non-zero left part). The score, and so the noiseless label class(score), is the sum of their
     * contributions c_t alone (filler and punctuation contribute 0), and each of them changes it.
     * Each becomes a relevant position with its role ("polar", "negator", "amplifier", "contrast"),
     * value |c_t| and sign
     *
     * <pre>
     *   sign_t = sign(c_t) · o(label),   o = +1 for labels 3, 4 (+, ++),  −1 for labels 0, 1 (−−, −)
     * </pre>
     *
     * so that sign · value is the token's contribution towards the class explained (the true
     * label): "bad" supports label 1 and speaks against label 3. A neutral sentence (label 2) has no
     * direction to support, and a sentence without a deciding token none to point at: both get
     * none (empty), and the checks that need ground truth leave them out.
     */
    public static Optional<GroundTruth> labelDeciding(CorpusSentence sentence) {
        int label = sentence.label();
        if (label == 2) {
            return Optional.empty();
        }
        double orientation = label > 2 ? 1 : -1;
        List<GroundTruth.Relevant> relevant = new ArrayList<>();
        for (int t = 0; t < sentence.length(); t++) {
            double c = sentence.contribution(t);
            if (c != 0) {
                relevant.add(new GroundTruth.Relevant(t, sentence.roles().get(t).name().toLowerCase(Locale.ROOT),
                        Math.abs(c), Math.signum(c) * orientation));
            }
        }
        return relevant.isEmpty() ? Optional.empty() : Optional.of(new GroundTruth(relevant));
    }

    /** The bundled classifier, {@link ModelZoo#sentiment()} (loaded once, on first use). */
    private static SentenceModel bundledModel() {
        return ModelZoo.bundled().sentiment().model();
    }

    private static TaskModel named(String id, SentenceModel model) {
        return new SentenceTaskModel(id, model);
    }

    /** Where the samples come from. */
    private interface Source {
        List<Sample> samples(int count);

        GroundTruthKind truth();
    }

    /** Corpus sentences with their ground truth. */
    private record CorpusSource(Supplier<List<CorpusSentence>> sentences, Supplier<SentenceModel> model)
            implements Source {

        @Override
        public List<Sample> samples(int count) {
            List<CorpusSentence> all = sentences.get();
            SentenceModel m = model.get();
            List<Sample> samples = new ArrayList<>(Math.min(count, all.size()));
            for (CorpusSentence s : all.subList(0, Math.min(count, all.size()))) {
                samples.add(new Sample(m.embed(s.tokens()), s.label(), s.label(), labelDeciding(s).orElse(null),
                        s.tokens()));
            }
            return samples;
        }

        @Override
        public GroundTruthKind truth() {
            return GroundTruthKind.CONTRIBUTIONS;
        }
    }

    /** The labelled sentences of a JSON Lines file, read up to the count asked for. */
    private record FileSource(Path data, SentenceModel model) implements Source {

        @Override
        public List<Sample> samples(int count) {
            List<Sample> samples = new ArrayList<>();
            try (SentenceReader in = SentenceReader.open(data).withClasses(model.classes())
                    .withVocabulary(model.vocabulary())) {
                for (SentenceRecord s = samples.size() < count ? in.next() : null; s != null;
                     s = samples.size() < count ? in.next() : null) {
                    samples.add(new Sample(model.embed(s.tokens()), s.label(), s.label(), null, s.tokens()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            return samples;
        }

        @Override
        public GroundTruthKind truth() {
            return GroundTruthKind.NONE;
        }
    }

    /** A value computed on first use, once. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> compute;
        private volatile T value;

        Lazy(Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = compute.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
