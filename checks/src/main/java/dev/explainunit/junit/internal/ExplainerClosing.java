package dev.explainunit.junit.internal;

import dev.explainunit.Explainer;
import dev.explainunit.junit.internal.Descriptors.ExplainerDescriptor;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;

/**
 * Closes the {@link AutoCloseable} explainers of a run (e.g. a process explainer, whose processes
 * must be gone when the run ends) as soon as the last explainer container using the instance has
 * finished: one instance may serve several test classes, so it stays open until its last use. A
 * failing {@code close} is printed to stderr and does not fail the run.
 */
final class ExplainerClosing {

    private final Map<Explainer, Integer> usesLeft = new IdentityHashMap<>();

    private ExplainerClosing() {
    }

    /** Counts the explainer containers of each explainer instance in {@code root}'s tree. */
    static ExplainerClosing of(TestDescriptor root) {
        ExplainerClosing closing = new ExplainerClosing();
        root.accept(descriptor -> {
            Explainer explainer = instance(descriptor);
            if (explainer instanceof AutoCloseable) {
                closing.usesLeft.merge(explainer, 1, Integer::sum);
            }
        });
        return closing;
    }

    /** The one explainer instance of an explainer container, or null (none, or one per task). */
    static Explainer instance(TestDescriptor descriptor) {
        return descriptor instanceof ExplainerDescriptor e && e.explainer instanceof Descriptors.SameOnEveryTask same
                ? same.instance() : null;
    }

    /** The container of {@code explainer} (null when it could not be obtained) has finished. */
    void finished(Explainer explainer) {
        Integer left = explainer == null ? null : usesLeft.get(explainer);
        if (left == null) {
            return;
        }
        if (left > 1) {
            usesLeft.put(explainer, left - 1);
            return;
        }
        usesLeft.remove(explainer);
        try {
            ((AutoCloseable) explainer).close();
        } catch (Exception | LinkageError e) {
            System.err.println("explainunit: explainer [" + explainer + "] could not be closed: " + e);
        }
    }
}
