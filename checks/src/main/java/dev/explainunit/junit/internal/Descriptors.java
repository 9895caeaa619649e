package dev.explainunit.junit.internal;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.SanitySettings;
import dev.explainunit.task.Task;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.CompositeTestSource;

/**
 * The test tree: class / explainer / task / check, with a failing "configuration" test under a
 * class whose settings are invalid or an explainer that could not be obtained.
 *
 * <p>The class carries the {@link ClassSource} of the test class; each test carries it wrapped in
 * a {@link CompositeTestSource} ({@link #inClass}). Build tools and IDEs read the two differently,
 * and this is the one choice that suits all: surefire (3.x) takes a test with a plain
 * {@code ClassSource} for a class, naming it {@code Class.null} with an empty XML test name and
 * folding all tests of a class into one; a test with any other source (or none) it names
 * "class of the outermost ClassSource . display name", one test case per check. IntelliJ IDEA
 * opens the first class or method of a composite source (a test without a source it cannot open at
 * all), so a check still jumps to the user's class. Eclipse names a test by a plain class or method
 * source only and otherwise by its display name, and opens the class from the class node. Hence a
 * test's display name is unique within its class: "relevant mass · addition", with " · explainer"
 * when the class tests several explainers. The legacy reporting name is the display name
 * (Gradle's test name).
 */
final class Descriptors {

    static final String CLASS = "class";
    static final String EXPLAINER = "explainer";
    static final String TASK = "task";
    static final String CHECK = "check";
    static final String CONFIGURATION = "configuration";

    private Descriptors() {
    }

    /**
     * A class annotated with {@code @ExplainerSanityTest} with its resolved settings; when they
     * could not be resolved its only child is a failing {@link ConfigurationDescriptor}.
     */
    static final class ClassDescriptor extends AbstractTestDescriptor {
        final Class<?> testClass;
        final SanitySettings settings;

        ClassDescriptor(UniqueId id, Class<?> testClass, SanitySettings settings) {
            super(id, testClass.getSimpleName(), ClassSource.from(testClass));
            this.testClass = testClass;
            this.settings = settings;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }

        @Override
        public String getLegacyReportingName() {
            return testClass.getName();
        }
    }

    /**
     * An explainer that is the same instance on every task (the user's own), as opposed to a
     * built-in named by id, which is made per task with the task's paper setting; only such an
     * instance can be {@link AutoCloseable} and is closed at the end of its use.
     */
    record SameOnEveryTask(Explainer instance) implements java.util.function.Function<Task, Explainer> {
        @Override
        public Explainer apply(Task task) {
            return instance;
        }
    }

    /**
     * One explainer of a class; when it could not be obtained (null explainer, no usable
     * constructor, broken provider) its only child is a failing {@link ConfigurationDescriptor}.
     */
    static final class ExplainerDescriptor extends AbstractTestDescriptor {
        /** The explainer on a task: a built-in named by id takes the paper's setting for each task. */
        final java.util.function.Function<Task, Explainer> explainer;

        ExplainerDescriptor(UniqueId id, String name, java.util.function.Function<Task, Explainer> explainer) {
            super(id, name);
            this.explainer = explainer;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    /**
     * A test that fails with a configuration or discovery problem. It is a test, not a failed
     * container, because build tools such as surefire count and report only tests: a failed
     * container alone would let a misconfigured class pass with "Tests run: 0".
     */
    static final class ConfigurationDescriptor extends AbstractTestDescriptor {
        final String problem;

        /** @param explainerId the explainer the problem belongs to, or null for the class's settings */
        ConfigurationDescriptor(UniqueId parent, Class<?> testClass, String explainerId, String problem) {
            super(parent.append(CONFIGURATION, CONFIGURATION), testName(CONFIGURATION, explainerId),
                    inClass(testClass));
            this.problem = problem;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }

    static final class TaskDescriptor extends AbstractTestDescriptor {
        final Task task;

        TaskDescriptor(UniqueId id, Task task) {
            super(id, task.id());
            this.task = task;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    static final class CheckDescriptor extends AbstractTestDescriptor {
        final Check check;
        final Class<?> testClass;

        /** @param explainerId the explainer to name, or null when the class tests only one */
        CheckDescriptor(UniqueId id, Check check, String explainerId, Task task, Class<?> testClass) {
            super(id, testName(check.displayName() + " · " + task.id(), explainerId), inClass(testClass));
            this.check = check;
            this.testClass = testClass;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }

    /**
     * The engine's root, which knows whether the run is a part of its classes' checks (selected by
     * unique id or by a method filter), so that the report merges the rerun into the last one.
     */
    static final class Root extends org.junit.platform.engine.support.descriptor.EngineDescriptor {
        boolean partial;

        Root(UniqueId id) {
            super(id, "ExplainUnit");
        }
    }

    /** "relevant mass · addition", with " · explainer" when {@code explainerId} is not null. */
    static String testName(String name, String explainerId) {
        return explainerId == null ? name : name + " · " + explainerId;
    }

    /**
     * The source of a test: the test class inside a {@link CompositeTestSource}, so that an IDE
     * opens the class while surefire names the test by its display name (see above).
     */
    static CompositeTestSource inClass(Class<?> testClass) {
        return CompositeTestSource.from(java.util.List.of(ClassSource.from(testClass)));
    }
}
