package dev.explainunit.junit.internal;

import dev.explainunit.junit.SettingsResolver;
import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.SanityChecks;
import dev.explainunit.checks.SanitySettings;
import dev.explainunit.junit.ExplainerSanityTest;
import dev.explainunit.junit.ExplainerUnderTest;
import dev.explainunit.junit.internal.Descriptors.CheckDescriptor;
import dev.explainunit.junit.internal.Descriptors.ClassDescriptor;
import dev.explainunit.junit.internal.Descriptors.ConfigurationDescriptor;
import dev.explainunit.junit.internal.Descriptors.ExplainerDescriptor;
import dev.explainunit.junit.internal.Descriptors.TaskDescriptor;
import dev.explainunit.task.Task;
import dev.explainunit.explainers.BuiltInExplainers;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.UniqueId;

/** Builds the class / explainer / task / check tree of one test class. Never throws. */
final class TreeBuilder {

    private TreeBuilder() {
    }

    static ClassDescriptor build(UniqueId parent, Class<?> type, SettingsResolver resolver) {
        UniqueId classId = parent.append(Descriptors.CLASS, type.getName());
        SanitySettings settings;
        List<String> named;
        try {
            ExplainerSanityTest annotation = AnnotationSupport.findAnnotation(type, ExplainerSanityTest.class)
                    .orElseThrow();
            settings = resolver.resolve(annotation);
            named = resolver.explainerIds(annotation);
        } catch (RuntimeException | LinkageError e) {
            String reason = e instanceof IllegalArgumentException ? e.getMessage() : "the settings could not be read: " + e;
            ClassDescriptor failed = new ClassDescriptor(classId, type, null);
            failed.addChild(new ConfigurationDescriptor(classId, type, null, type.getName() + ": " + reason));
            return failed;
        }
        ClassDescriptor descriptor = new ClassDescriptor(classId, type, settings);
        List<Candidate> candidates = explainers(type, named);
        for (Candidate candidate : candidates) {
            // tests are named by check and task; by the explainer too only where the class has several
            String shownExplainer = candidates.size() > 1 ? candidate.id : null;
            UniqueId explainerId = classId.append(Descriptors.EXPLAINER, candidate.id);
            ExplainerDescriptor explainer = new ExplainerDescriptor(explainerId, candidate.id, candidate.explainer);
            descriptor.addChild(explainer);
            if (candidate.problem != null) {
                explainer.addChild(new ConfigurationDescriptor(explainerId, type, shownExplainer, candidate.problem));
                continue;
            }
            for (Task task : settings.tasks()) {
                UniqueId taskId = explainerId.append(Descriptors.TASK, task.id());
                TaskDescriptor taskNode = new TaskDescriptor(taskId, task);
                explainer.addChild(taskNode);
                for (Check check : SanityChecks.orderedChecks(settings, task)) {
                    taskNode.addChild(new CheckDescriptor(taskId.append(Descriptors.CHECK, check.name()), check,
                            shownExplainer, task, type));
                }
            }
        }
        return descriptor;
    }

    /** An explainer to test, per task (a built-in takes the task's paper setting), or the problem obtaining it. */
    private record Candidate(String id, Function<Task, Explainer> explainer, String problem) {
        static Candidate of(String id, Explainer explainer) {
            return new Candidate(id, new Descriptors.SameOnEveryTask(explainer), null);
        }
    }

    /**
     * The class's own explainer (ExplainerUnderTest) and the named ones; with neither, every
     * explainer the project registers through ServiceLoader (the framework registers none).
     */
    private static List<Candidate> explainers(Class<?> type, List<String> named) {
        List<Candidate> found = new ArrayList<>();
        if (ExplainerUnderTest.class.isAssignableFrom(type)) {
            found.addAll(ownExplainer(type));
        }
        if (!named.isEmpty()) {
            found.addAll(namedExplainers(type, named));
        }
        if (!found.isEmpty()) {
            return found;
        }
        found.addAll(registered());
        if (found.isEmpty()) {
            found.add(new Candidate("explainer", null, "no explainer to test: " + type.getName()
                    + " neither implements ExplainerUnderTest nor names explainers, and this project registers no "
                    + "explainer in META-INF/services/dev.explainunit.Explainer (the built-ins are tested only when "
                    + "named). Register yours and keep `@ExplainerSanityTest class " + type.getSimpleName()
                    + " {}`, or name built-ins: `@ExplainerSanityTest(explainers = {\"lrp-all\", \"cd\"})`"));
        }
        return found;
    }

    /** Built-ins by id (with each task's paper setting), else registered explainers by id. */
    private static List<Candidate> namedExplainers(Class<?> type, List<String> ids) {
        List<Candidate> found = new ArrayList<>();
        List<Candidate> registered = null;
        for (String id : ids) {
            if (BuiltInExplainers.ids().contains(id)) {
                found.add(new Candidate(id, task -> task.builtIn(id), null));
                continue;
            }
            if (registered == null) {
                registered = registered();
            }
            Candidate match = registered.stream().filter(c -> c.id.equals(id) && c.problem == null).findFirst()
                    .orElse(null);
            found.add(match != null ? match : new Candidate(id, null, type.getName()
                    + ": @ExplainerSanityTest(explainers) / explainunit.explainers names an unknown explainer [" + id
                    + "]; built-ins: " + String.join(", ", BuiltInExplainers.ids()) + "; registered: "
                    + String.join(", ", registered.stream().filter(c -> c.problem == null).map(Candidate::id)
                    .toList())));
        }
        return found;
    }

    private static List<Candidate> ownExplainer(Class<?> type) {
        List<Candidate> found = new ArrayList<>();
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Explainer explainer = ((ExplainerUnderTest) constructor.newInstance()).explainer();
            if (explainer == null) {
                found.add(new Candidate("explainer", null, type.getName() + ".explainer() returned null"));
            } else {
                found.add(candidate(explainer));
            }
        } catch (NoSuchMethodException e) {
            found.add(new Candidate("explainer", null, type.getName()
                    + " needs a constructor without parameters so that explainer() can be called"));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            found.add(new Candidate("explainer", null, "could not obtain the explainer from " + type.getName()
                    + ": " + cause));
        }
        return found;
    }

    /** The explainers registered in META-INF/services/dev.explainunit.Explainer, with broken entries as problems. */
    private static List<Candidate> registered() {
        List<Candidate> found = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Iterator<Explainer> providers = ServiceLoader.load(Explainer.class, loader).iterator();
        int broken = 0;
        while (true) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(candidate(providers.next()));
            } catch (ServiceConfigurationError e) {
                found.add(new Candidate("broken-provider-" + ++broken, null,
                        "a registered explainer could not be loaded: " + e.getMessage()));
            }
        }
        return found;
    }

    private static Candidate candidate(Explainer explainer) {
        String id;
        try {
            id = explainer.id();
        } catch (RuntimeException e) {
            return new Candidate(explainer.getClass().getName(), null, explainer.getClass().getName()
                    + ".id() threw " + e);
        }
        if (id == null || id.isBlank()) {
            id = explainer.getClass().getName();
        }
        return Candidate.of(id, explainer);
    }
}
