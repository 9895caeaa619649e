package dev.explainunit.junit.internal;

import dev.explainunit.junit.internal.Descriptors.CheckDescriptor;
import dev.explainunit.junit.internal.Descriptors.ConfigurationDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Lets build tools select checks as they select test methods. Surefire's {@code -Dtest=MySanityTest#*correlation*}
 * is a post-discovery filter that judges a test by its {@link MethodSource} and lets every other
 * test pass; a check has no method (its source is the test class, see {@link Descriptors}), so it
 * would run every check. Here each filter is
 * asked about the check as if it were a method of its test class named by its display name
 * ({@code relevant mass · subtraction · cd}) or by the check's own names ({@code relevant mass},
 * {@code relevant-mass}, {@code RELEVANT_MASS}, {@code relevantMass}); a check that a filter lets
 * pass as it is but under none of these names is removed, with the tasks, explainers and classes
 * left without a check.
 */
final class MethodFilters {

    private MethodFilters() {
    }

    /** Removes the checks the request's method filters exclude; true when one was removed. */
    static boolean apply(TestDescriptor engine, EngineDiscoveryRequest request) {
        if (!(request instanceof LauncherDiscoveryRequest launcher)) {
            return false;
        }
        List<PostDiscoveryFilter> filters;
        try {
            filters = launcher.getPostDiscoveryFilters();
        } catch (RuntimeException | LinkageError olderPlatform) {
            return false;
        }
        if (filters.isEmpty()) {
            return false;
        }
        boolean removed = false;
        for (TestDescriptor d : new ArrayList<>(engine.getDescendants())) {
            if (d instanceof CheckDescriptor check && !selected(check, filters)) {
                check.removeFromHierarchy();
                removed = true;
            }
        }
        if (removed) {
            removeEmptyContainers(engine);
        }
        return removed;
    }

    private static boolean selected(CheckDescriptor check, List<PostDiscoveryFilter> filters) {
        List<TestDescriptor> asMethods = new ArrayList<>();
        for (String name : names(check)) {
            asMethods.add(new AsMethod(check, name));
        }
        for (PostDiscoveryFilter filter : filters) {
            // a filter that excludes the check as it is does so without help; one that judges methods decides here
            if (included(filter, check) && asMethods.stream().noneMatch(m -> included(filter, m))) {
                return false;
            }
        }
        return true;
    }

    private static boolean included(PostDiscoveryFilter filter, TestDescriptor descriptor) {
        try {
            return filter.apply(descriptor).included();
        } catch (RuntimeException e) {
            return true; // a filter that cannot judge a descriptor selects nothing away
        }
    }

    /** The display name, then the check's display name, id, constant and camel-case name. */
    static List<String> names(CheckDescriptor check) {
        String id = check.check.id();
        StringBuilder camel = new StringBuilder();
        for (String part : id.split("-")) {
            camel.append(camel.length() == 0 ? part
                    : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
        }
        return List.of(check.getDisplayName(), check.check.displayName(), id, check.check.name(), camel.toString());
    }

    private static void removeEmptyContainers(TestDescriptor parent) {
        for (TestDescriptor child : new ArrayList<>(parent.getChildren())) {
            if (child instanceof CheckDescriptor || child instanceof ConfigurationDescriptor) {
                continue;
            }
            removeEmptyContainers(child);
            if (child.getChildren().isEmpty()) {
                child.removeFromHierarchy();
            }
        }
    }

    /** A check seen as a method {@code name} of its test class, for a filter to judge; never part of a tree. */
    private static final class AsMethod extends AbstractTestDescriptor {
        AsMethod(CheckDescriptor check, String name) {
            super(check.getUniqueId(), name, MethodSource.from(check.testClass.getName(), name));
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }
}
