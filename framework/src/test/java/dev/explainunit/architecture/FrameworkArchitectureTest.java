package dev.explainunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering of explainunit-framework as rules that read like sentences: it knows neither JUnit
 * nor the checks, and an internal package is used by its own package only.
 */
@AnalyzeClasses(packages = "dev.explainunit", importOptions = {ImportOption.DoNotIncludeTests.class,
        FrameworkArchitectureTest.ThisModule.class})
class FrameworkArchitectureTest {

    /** The classes compiled by this module. */
    static final class ThisModule implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return location.contains("/framework/target/classes/");
        }
    }

    @ArchTest
    static final ArchRule the_framework_knows_no_junit = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.junit..", "org.opentest4j..", "org.assertj..", "org.quicktheories..")
            .because("models, explainers and tasks are used without any test framework");

    @ArchTest
    static final ArchRule the_framework_knows_no_check = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.explainunit.checks..", "dev.explainunit.junit..", "dev.explainunit.report..",
                    "dev.explainunit.reproduce..", "dev.explainunit.sentiment..", "dev.explainunit.cli..")
            .because("a task is defined in the framework's terms only (models, samples, ground truth); the checks"
                    + " build on it");

    @ArchTest
    static final ArchRule internal_packages_are_used_by_their_own_package_only = classes()
            .should(useNoInternalPackageOfAnother())
            .because("what is internal may change without notice; only its own package can follow it");

    /** "use no internal package of another package": x.internal is for x and x's subpackages alone. */
    static ArchCondition<JavaClass> useNoInternalPackageOfAnother() {
        return new ArchCondition<>("use no internal package of another package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (!target.startsWith("dev.explainunit") || internal < 0) {
                        continue;
                    }
                    String owner = target.substring(0, internal);
                    String from = item.getPackageName();
                    if (!(from.equals(owner) || from.startsWith(owner + "."))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
