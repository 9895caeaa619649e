package dev.explainunit.junit;

import dev.explainunit.checks.Check;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.platform.commons.annotation.Testable;

/**
 * Runs the ExplainUnit sanity checks (Arras et al. 2019, Table 2, plus perturbation selectivity
 * and model randomization) for an explainer on the bundled model zoo, as tests of the
 * {@code explainunit} JUnit Platform engine:
 *
 * <pre>
 * &#64;ExplainerSanityTest                       // no body: the explainers this project registers (not the built-ins)
 * class AllExplainersSanityTest {}
 *
 * &#64;ExplainerSanityTest(explainers = {"lrp-all", "cd"})   // built-ins by id, each with the paper's setting for the task
 * class BuiltInsSanityTest {}
 *
 * &#64;ExplainerSanityTest(tasks = "subtraction", checks = {Check.GROUND_TRUTH_CORRELATION, Check.RELEVANT_MASS})
 * class MyExplainerSanityTest implements ExplainerUnderTest {
 *     public Explainer explainer() { return new MyExplainer(); }
 * }
 * </pre>
 *
 * Every attribute defaults to "not set" and then falls back to the configuration parameter named
 * in its Javadoc (in {@code junit-platform.properties} or passed to the launcher), and then to the
 * documented default ({@link dev.explainunit.checks.SanitySettings#defaults()}).
 */
@API(status = API.Status.STABLE, since = "0.1")
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
public @interface ExplainerSanityTest {

    /** Marks a numeric attribute as not set. */
    int NOT_SET = -1;

    /** Marks {@link #seed()} as not set. */
    long SEED_NOT_SET = Long.MIN_VALUE;

    /**
     * Ids of the tasks to check ({@code "addition"}, {@code "subtraction"}, or a task of your own
     * registered in {@code META-INF/services/dev.explainunit.task.Task}); {@code explainunit.tasks}
     * (e.g. "addition,subtraction"); default both toy tasks. An unknown id fails the class's
     * configuration test, naming the known ids.
     */
    String[] tasks() default {};

    /**
     * Explainers to test by id, besides the class's own {@link ExplainerUnderTest#explainer()}: a
     * built-in ({@code "lrp-all"}, {@code "cd"}, … with the paper's setting for each task,
     * {@link dev.explainunit.task.Task#builtIn(String)}) or an explainer registered in
     * {@code META-INF/services/dev.explainunit.Explainer}; {@code explainunit.explainers} (e.g.
     * "lrp-all,cd"); default: the class's own explainer, or, for a class without one, every explainer
     * the project registers. An unknown id fails the class's configuration test, naming the known ids.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    String[] explainers() default {};

    /** Checks to run; {@code explainunit.checks} (e.g. "RELEVANT_MASS,CONTRACT"); default all. */
    Check[] checks() default {};

    /**
     * The first models of each task; default all (50 per toy task). Here, a count above a task's
     * models fails the configuration test; the project-wide {@code explainunit.models} caps each
     * task instead, so that a task that bundles fewer (sentiment's one) uses all of its own.
     */
    int models() default NOT_SET;

    /** Test sequences per model; {@code explainunit.samples}; default 2500. */
    int samples() default NOT_SET;

    /** Seed of the test data, randomised models and search; {@code explainunit.seed}. */
    long seed() default SEED_NOT_SET;

    /**
     * Limit of one explain call of one input in ms; {@code explainunit.timeLimitMillis};
     * {@code explainunit check --time-limit}; default 10000. A batch call of n inputs may take twice this
     * plus what n inputs took at the rate of the earlier calls, at most n times this.
     */
    long timeLimitMillis() default NOT_SET;

    /** Sequences per model for selectivity and randomization; {@code explainunit.probeSamples}; default 250. */
    int probeSamples() default NOT_SET;

    /** Minimum signed correlation; {@code explainunit.threshold.correlation}; default 0.9. */
    double correlationThreshold() default Double.NaN;

    /** Minimum relevant mass; {@code explainunit.threshold.mass}; default 0.9. */
    double massThreshold() default Double.NaN;

    /** Maximum conservation MSE; {@code explainunit.threshold.conservation}; default 0.01. */
    double conservationThreshold() default Double.NaN;

    /** Minimum selectivity score; {@code explainunit.threshold.selectivity}; default 50. */
    double selectivityThreshold() default Double.NaN;

    /** Maximum mean |rank correlation|; {@code explainunit.threshold.randomization}; default 0.5. */
    double randomizationThreshold() default Double.NaN;
}
