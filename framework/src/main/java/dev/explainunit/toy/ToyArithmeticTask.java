package dev.explainunit.toy;

import dev.explainunit.Explainer;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.task.Draws;
import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.SampleGenerator;
import dev.explainunit.task.Task;
import dev.explainunit.task.TaskWords;
import dev.explainunit.zoo.Architecture;
import dev.explainunit.zoo.ModelZoo;
import dev.explainunit.zoo.ZooModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A toy arithmetic task (paper 3.2) as a {@link Task}: the bundled zoo's 50 models of the task's id,
 * test samples of the {@link Split#TEST test split} ({@link ToyData}), and complete ground truth:
 * y = n_a ± n_b, so the true relevances are n_a and ±n_b on the two marked steps and 0 elsewhere.
 * The tasks of one arithmetic share data and ground truth and differ in their models' architecture:
 * {@code addition} and {@code subtraction} have the paper's single-unit LSTMs, {@code -gru} GRUs and
 * {@code -lstm2} two-layer LSTMs ({@link #architecture()}).
 *
 * <p>Its {@link #generator() generator} draws, in this order (QuickTheories shrinks each draw
 * towards the low end of its range):
 *
 * <pre>
 *   T ∈ [3, 14],  p, q ∈ [0, 12] giving a = p mod (T − 1), b = a + 1 + q mod (T − 1 − a),
 *   a list of 14 levels ℓ_t ∈ [0, 10] giving |n_t| = 0.5 + 0.05 ℓ_t,
 *   a list of 14 signs (addition only: negative)
 * </pre>
 *
 * so shrunk samples are short, put the operands first and carry round numbers.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ToyArithmeticTask implements Task {

    /** Shortest and longest generated sequence. */
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 14;

    private final ToyTask arithmetic;
    private final String id;
    private final Architecture architecture;

    /**
     * The paper's task for {@code arithmetic}, with its id and single-unit LSTMs; registered
     * subclasses: {@link AdditionTask}, {@link SubtractionTask}.
     */
    protected ToyArithmeticTask(ToyTask arithmetic) {
        this(arithmetic, arithmetic == null ? null : arithmetic.id(), Architecture.PAPER);
    }

    /**
     * The task of {@code arithmetic}'s data and ground truth named {@code id}, whose models have
     * {@code architecture}; registered subclasses: {@link AdditionGruTask}, {@link SubtractionGruTask},
     * {@link AdditionLstm2Task}, {@link SubtractionLstm2Task}.
     */
    protected ToyArithmeticTask(ToyTask arithmetic, String id, Architecture architecture) {
        if (arithmetic == null || id == null || id.isBlank() || architecture == null) {
            throw new IllegalArgumentException("a toy task needs its arithmetic, an id and an architecture, got "
                    + arithmetic + ", " + id + ", " + architecture);
        }
        this.arithmetic = arithmetic;
        this.id = id;
        this.architecture = architecture;
    }

    /** The paper's task for {@code arithmetic} ({@code addition} or {@code subtraction}). */
    public static ToyArithmeticTask of(ToyTask arithmetic) {
        return arithmetic == ToyTask.ADDITION ? new AdditionTask() : new SubtractionTask();
    }

    /** The architecture of the task's bundled models, which {@code explainunit train} trains by default. */
    public Architecture architecture() {
        return architecture;
    }

    /** Which of the two: addition or subtraction. */
    public ToyTask arithmetic() {
        return arithmetic;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        String what = arithmetic == ToyTask.ADDITION ? "y = n_a + n_b of two marked numbers (paper 3.2)"
                : "y = n_a − n_b of two marked numbers (paper 3.2)";
        return architecture.equals(Architecture.PAPER) ? what : what + ", " + architecture.describe() + " models";
    }

    @Override
    public List<ZooModel> models() {
        return ModelZoo.bundled().models(id);
    }

    @Override
    public List<Sample> samples(long seed, int count) {
        List<ToySample> toy = ToyData.generate(arithmetic, Split.TEST, count, seed);
        List<Sample> samples = new ArrayList<>(toy.size());
        for (ToySample s : toy) {
            samples.add(sample(s));
        }
        return List.copyOf(samples);
    }

    /** The paper's toy-task setting (appendix A.2): LRP ε = 0, bias factor 0, for every rule. */
    @Override
    public Explainer builtIn(String id) {
        return BuiltInExplainers.create(id, 0, 0);
    }

    /**
     * The paper's tasks ({@code addition}, {@code subtraction}) run when none is named; the tasks of
     * other architectures ({@code -gru}, {@code -lstm2}) are named to run.
     */
    @Override
    public boolean runsByDefault() {
        return architecture.equals(Architecture.PAPER);
    }

    /** The paper's Table 2 with its figures. */
    @Override
    public Set<String> reportSections() {
        return Set.of("table2");
    }

    /** The two marked numbers are the operands. */
    @Override
    public TaskWords words() {
        return WORDS;
    }

    private static final TaskWords WORDS = new TaskWords("step", "steps", "operands");

    @Override
    public GroundTruthKind groundTruth() {
        return GroundTruthKind.COMPLETE;
    }

    @Override
    public Optional<SampleGenerator> generator() {
        return Optional.of(this::generate);
    }

    /** {@code toy} as a task sample: target output 0, y, and the operands a and b as ground truth. */
    public Sample sample(ToySample toy) {
        GroundTruth truth = GroundTruth.of(
                new GroundTruth.Relevant(toy.a(), "a", toy.na(), 1),
                new GroundTruth.Relevant(toy.b(), "b", toy.nb(), arithmetic == ToyTask.SUBTRACTION ? -1 : 1));
        return new Sample(toy.sequence(), 0, toy.y(), truth, List.of());
    }

    private Sample generate(Draws draws) {
        int length = draws.between(MIN_LENGTH, MAX_LENGTH);
        int p = draws.between(0, MAX_LENGTH - 2);
        int q = draws.between(0, MAX_LENGTH - 2);
        int[] levels = draws.each(MAX_LENGTH, 0, 10);
        boolean[] negative = draws.coins(MAX_LENGTH);
        int a = p % (length - 1);
        int b = a + 1 + q % (length - 1 - a);
        double[][] steps = new double[length][2];
        for (int t = 0; t < length; t++) {
            double n = 0.5 + 0.05 * levels[t];
            if (arithmetic == ToyTask.ADDITION && negative[t]) {
                n = -n;
            }
            steps[t][t == a || t == b ? 0 : 1] = n;
        }
        double na = steps[a][0];
        double nb = steps[b][0];
        return sample(new ToySample(Sequence.of(steps), a, b, na, nb, arithmetic.target(na, nb)));
    }

    @Override
    public String toString() {
        return id();
    }
}
