package dev.explainunit.junit.internal;

import dev.explainunit.junit.SettingsResolver;
import dev.explainunit.junit.ExplainerSanityTest;
import dev.explainunit.junit.internal.Descriptors.ClassDescriptor;
import dev.explainunit.report.ReportFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;
import org.apiguardian.api.API;

/**
 * The {@code explainunit} JUnit Platform engine (found through {@link java.util.ServiceLoader}):
 * discovers classes annotated {@link ExplainerSanityTest} and runs their sanity checks. Not public
 * API; users only touch the annotation and {@link dev.explainunit.junit.ExplainerUnderTest}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExplainUnitTestEngine implements TestEngine {

    public static final String ENGINE_ID = "explainunit";

    /**
     * Unknown keys already warned about in this JVM: surefire and IDEs discover once per test
     * class, and a typo is worth one warning per run, not one per class.
     */
    private static final java.util.Set<String> WARNED_KEYS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.explainunit");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("explainunit-checks");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        Descriptors.Root engine = new Descriptors.Root(uniqueId);
        SettingsResolver settings = new SettingsResolver(request.getConfigurationParameters()::get);
        for (String key : SettingsResolver.unknownKeys(request.getConfigurationParameters().keySet())) {
            if (WARNED_KEYS.add(key)) {
                java.util.logging.Logger.getLogger(ExplainUnitTestEngine.class.getName()).warning(
                        SettingsResolver.unknownKeyWarning(key));
            }
        }
        Map<UniqueId, List<UniqueId>> deepSelections = new HashMap<>();
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addClassContainerSelectorResolver(type -> isSanityTestClass(type) && !type.isMemberClass())
                .addSelectorResolver(context -> new Resolver(context.getClassNameFilter()::test, settings,
                        deepSelections))
                .build()
                .resolve(request, engine);
        deepSelections.forEach((classId, selected) -> engine.findByUniqueId(classId)
                .ifPresent(descriptor -> prune(descriptor, selected)));
        boolean filtered = MethodFilters.apply(engine, request);
        engine.partial = !deepSelections.isEmpty() || filtered;
        return engine;
    }

    /**
     * Whether {@code type} is a sanity test class. Classpath and package scans skip nested classes:
     * those are fixtures of engine tests and run only when selected directly.
     */
    static boolean isSanityTestClass(Class<?> type) {
        return AnnotationSupport.isAnnotated(type, ExplainerSanityTest.class) && !type.isInterface()
                && !type.isAnnotation() && !java.lang.reflect.Modifier.isAbstract(type.getModifiers());
    }

    /** Keeps only the descendants on the path to, or below, one of {@code selected}. */
    static void prune(TestDescriptor descriptor, List<UniqueId> selected) {
        for (TestDescriptor child : new ArrayList<>(descriptor.getChildren())) {
            UniqueId id = child.getUniqueId();
            boolean onPath = selected.stream().anyMatch(s -> s.hasPrefix(id));
            boolean below = selected.stream().anyMatch(id::hasPrefix);
            if (below) {
                continue;
            }
            if (onPath) {
                prune(child, selected);
            } else {
                child.removeFromHierarchy();
            }
        }
    }

    @Override
    public void execute(ExecutionRequest request) {
        OutputDirectoryCreator outputDirectories;
        try {
            outputDirectories = request.getOutputDirectoryCreator();
        } catch (RuntimeException | LinkageError olderPlatform) {
            outputDirectories = null;
        }
        boolean paperCurves = request.getConfigurationParameters().getBoolean(SanityTestExecutor.PAPER_CURVES_KEY)
                .orElse(false);
        String reportDir = request.getConfigurationParameters().get(ReportFiles.DIR_KEY)
                .orElse(System.getProperty(ReportFiles.DIR_KEY,
                        ReportFiles.DEFAULT_DIR));
        String report = reportDir.replaceAll("[/\\\\]+$", "") + "/" + ReportFiles.HTML + " (when the run ends; also "
                + ReportFiles.MARKDOWN + ")";
        new SanityTestExecutor(request.getEngineExecutionListener(), outputDirectories, report, paperCurves)
                .execute(request.getRootTestDescriptor());
    }

    private static final class Resolver implements SelectorResolver {
        private final java.util.function.Predicate<String> classNameFilter;
        private final SettingsResolver settings;
        private final Map<UniqueId, List<UniqueId>> deepSelections;

        Resolver(java.util.function.Predicate<String> classNameFilter, SettingsResolver settings,
                 Map<UniqueId, List<UniqueId>> deepSelections) {
            this.classNameFilter = classNameFilter;
            this.settings = settings;
            this.deepSelections = deepSelections;
        }

        @Override
        public Resolution resolve(ClassSelector selector, Context context) {
            Class<?> type = selector.getJavaClass();
            if (!isSanityTestClass(type) || !classNameFilter.test(type.getName())) {
                return Resolution.unresolved();
            }
            return context.addToParent(parent -> Optional.of(TreeBuilder.build(parent.getUniqueId(), type, settings)))
                    .map(d -> Resolution.match(Match.exact(d)))
                    .orElse(Resolution.unresolved());
        }

        @Override
        public Resolution resolve(UniqueIdSelector selector, Context context) {
            UniqueId id = selector.getUniqueId();
            List<UniqueId.Segment> segments = id.getSegments();
            for (int k = 0; k < segments.size(); k++) {
                if (segments.get(k).getType().equals(Descriptors.CLASS)) {
                    String className = segments.get(k).getValue();
                    Optional<Class<?>> type = ReflectionSupport.tryToLoadClass(className).toOptional();
                    if (type.isEmpty()) {
                        return Resolution.unresolved();
                    }
                    if (k < segments.size() - 1) {
                        UniqueId classId = UniqueId.root(segments.get(0).getType(), segments.get(0).getValue());
                        for (int j = 1; j <= k; j++) {
                            classId = classId.append(segments.get(j));
                        }
                        deepSelections.computeIfAbsent(classId, x -> new ArrayList<>()).add(id);
                    }
                    DiscoverySelector classSelector = DiscoverySelectors.selectClass(type.get());
                    return Resolution.selectors(java.util.Set.of(classSelector));
                }
            }
            return Resolution.unresolved();
        }
    }

}
