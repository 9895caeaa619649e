package dev.explainunit.junit.internal;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.SanitySettings;
import dev.explainunit.task.Task;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * The test tree: class / explainer / task / check, with a failing "configuration" test under a
 * class whose settings are invalid or an explainer that could not be obtained. The class and its
 * tests carry the {@link ClassSource} of the test class, as JUnit Jupiter's dynamic tests do, so
 * that an IDE jumps to a file that exists; the legacy reporting name "[explainer] task check"
 * gives surefire one test set per class with readable test names.
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
        private final String legacyName;

        /** @param explainerId the explainer the problem belongs to, or null for the class's settings */
        ConfigurationDescriptor(UniqueId parent, Class<?> testClass, String explainerId, String problem) {
            super(parent.append(CONFIGURATION, CONFIGURATION), CONFIGURATION, ClassSource.from(testClass));
            this.problem = problem;
            this.legacyName = explainerId == null ? CONFIGURATION : "[" + explainerId + "] " + CONFIGURATION;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }

        @Override
        public String getLegacyReportingName() {
            return legacyName;
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
        private final String legacyName;

        CheckDescriptor(UniqueId id, Check check, String explainerId, Task task, Class<?> testClass) {
            super(id, check.displayName(), ClassSource.from(testClass));
            this.check = check;
            this.legacyName = "[" + explainerId + "] " + task.id() + " " + check.displayName();
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }

        @Override
        public String getLegacyReportingName() {
            return legacyName;
        }
    }
}
