package dev.explainunit.task;

import dev.explainunit.Explainer;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.explainers.LrpExplainer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A task the sanity checks run on: its models, its test samples and what is known about the
 * relevance each sample should get. Addition and subtraction (paper 3.2) are two instances; a
 * user brings a task of their own (their models, data and ground truth) by implementing this
 * interface in a class with a public no-argument constructor and listing it in
 * {@code META-INF/services/dev.explainunit.task.Task}. {@link Tasks#byId} finds it by its id, so
 * {@code @ExplainerSanityTest(tasks = "my-task")} and {@code check --task my-task} run on it.
 *
 * <p>A check declares the {@link GroundTruthKind} it needs; on a task that provides less it is
 * reported as not applicable, with the reason, instead of passing or failing.
 *
 * <p>Implementations are immutable and thread-safe: the checks read models and samples from
 * several threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Task {

    /** A short, stable identifier such as {@code "subtraction"}: lower case, no blanks. */
    String id();

    /** One sentence on what the models compute, for reports ("y = n_a − n_b of two marked numbers"). */
    String description();

    /** The models to check, in a stable order, each with a unique id. */
    List<? extends TaskModel> models();

    /**
     * {@code count} test samples for {@code seed}, the same on every call and every JVM; a smaller
     * count gives a prefix of a larger one.
     *
     * A task that reads a fixed data set (e.g. a file of sentences) may give all it has when asked
     * for more, and then ignores the seed; it reads no more of the data than {@code count} needs.
     *
     * @throws IllegalArgumentException if {@code count} is negative or more than a generating task has
     */
    List<Sample> samples(long seed, int count);

    /** What every sample's {@link Sample#truth()} tells; {@link GroundTruthKind#NONE} if nothing. */
    GroundTruthKind groundTruth();

    /**
     * Whether a run that names no task checks this one ({@code @ExplainerSanityTest} without
     * {@code tasks}, {@code explainunit check} without {@code --task}); false by default. The toy
     * tasks of the paper's Table 2 are.
     */
    default boolean runsByDefault() {
        return false;
    }

    /**
     * The report sections this task contributes beside the check outcomes, by their ids: the toy
     * tasks {@code "table2"} (Table 2 with its heatmaps, scatter plots and selectivity curves),
     * {@code sentiment} {@code "sentiment"} (Tables 3–5, Figure 1); none by default.
     */
    default Set<String> reportSections() {
        return Set.of();
    }

    /**
     * What the samples are, which decides the form each check takes on this task;
     * {@link TaskKind#SEQUENCES} unless the task declares otherwise ({@code sentiment}:
     * {@link TaskKind#SENTENCE_CLASSIFIER}).
     */
    default TaskKind kind() {
        return TaskKind.SEQUENCES;
    }

    /**
     * A generator of samples that shrink towards simple ones, for the counterexample search; empty
     * when the task cannot make new samples (a fixed data set), and then a failing check shows the
     * first failing test sample only.
     */
    default Optional<SampleGenerator> generator() {
        return Optional.empty();
    }

    /**
     * The names of the parameters {@link #configured} reads, e.g. {@code "model"}, {@code "vocab"},
     * {@code "data"}; empty (the default) for a task that takes none. The JUnit engine reads
     * parameter {@code p} of the task with id {@code t} from the configuration key
     * {@code explainunit.t.p}, the command line from its options of the same name ({@code --p}).
     */
    default Set<String> parameters() {
        return Set.of();
    }

    /**
     * This task with its {@linkplain #parameters() parameters} set, e.g. a user's model and data
     * instead of the bundled ones; {@code this} when none is given. A task found through
     * {@code ServiceLoader} is built without arguments, so this is how it learns its
     * configuration. The default returns {@code this}.
     *
     * @param parameters the value of each parameter by its name (no prefix), empty where not given
     * @throws IllegalArgumentException naming the parameter and its value when a value is refused
     *                                  (e.g. a file that does not exist or cannot be read)
     */
    default Task configured(Function<String, Optional<String>> parameters) {
        return this;
    }

    /**
     * How messages name this task's steps and relevant positions; {@link TaskWords#GENERIC} ("step",
     * "steps", "relevant steps") unless the task says otherwise (the toy tasks: "operands"; sentences:
     * "word", "words", "label-deciding words").
     */
    default TaskWords words() {
        return TaskWords.GENERIC;
    }

    /**
     * The built-in explainer {@code id} ({@link BuiltInExplainers#ids()}) with the paper's setting
     * for this task: the one place that decides it, for the sanity checks and the reproduction.
     * This default is the paper's setting on real data (sentiment, section 4.1): LRP ε = 0.001,
     * ε = 0.2 for LRP-prop, bias factor 0. The toy tasks override it with ε = 0 (appendix A.2).
     *
     * @throws IllegalArgumentException for an unknown id, listing the valid ones
     */
    default Explainer builtIn(String id) {
        return BuiltInExplainers.create(id, "lrp-prop".equals(id) ? 0.2 : LrpExplainer.DEFAULT_EPS, 0);
    }
}
