package dev.explainunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of explainunit-cli as rules that read like sentences: its packages form no cycle, and
 * it uses no internal package of the checks, the report or the framework: the commands are built on
 * their public API.
 */
@AnalyzeClasses(packages = "dev.explainunit", importOptions = {ImportOption.DoNotIncludeTests.class,
        ThisModulesClasses.class})
class CliArchitectureTest {

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.explainunit.(*)..").should().beFreeOfCycles()
            .because("a package (with its internal subpackage) that needs another, which needs it back, cannot be"
                    + " understood or changed alone");

    @ArchTest
    static final ArchRule internal_packages_are_used_by_their_own_package_only = classes()
            .should(InternalPackages.useOnlyTheirOwn())
            .because("what is internal may change without notice; only its own package can follow it");
}
