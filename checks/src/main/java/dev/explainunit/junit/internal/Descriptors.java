package dev.explainunit.junit.internal;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.SanitySettings;
import dev.explainunit.toy.Task;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * The test tree: class / explainer / task / check. Only the class carries a {@link ClassSource}
 * and each check a {@link MethodSource} named "explainer task check", so that surefire reports
 * one test set per class with readable test names.
 */
final class Descriptors {

    static final String CLASS = "class";
    static final String EXPLAINER = "explainer";
    static final String TASK = "task";
    static final String CHECK = "check";

    private Descriptors() {
    }

    /** A class annotated with {@code @ExplainerSanityTest}; holds its resolved settings, or why they failed. */
    static final class ClassDescriptor extends AbstractTestDescriptor {
        final Class<?> testClass;
        final SanitySettings settings;
        final String problem;

        ClassDescriptor(UniqueId id, Class<?> testClass, SanitySettings settings, String problem) {
            super(id, testClass.getSimpleName(), ClassSource.from(testClass));
            this.testClass = testClass;
            this.settings = settings;
            this.problem = problem;
        }

        @Override
        public Type getType() {
            return problem == null ? Type.CONTAINER : Type.TEST;
        }

        @Override
        public String getLegacyReportingName() {
            return testClass.getName();
        }
    }

    /** One explainer of a class, or the reason none could be obtained. */
    static final class ExplainerDescriptor extends AbstractTestDescriptor {
        final Explainer explainer;
        final String problem;

        ExplainerDescriptor(UniqueId id, String name, Explainer explainer, String problem) {
            super(id, name);
            this.explainer = explainer;
            this.problem = problem;
        }

        @Override
        public Type getType() {
            return problem == null ? Type.CONTAINER : Type.TEST;
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
            super(id, check.displayName(), MethodSource.from(testClass.getName(),
                    explainerId + " " + task.id() + " " + check.displayName()));
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
