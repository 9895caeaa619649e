package dev.explainunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of explainunit-reproduce as rules that read like sentences: its packages form no
 * cycle, the sentiment experiments know no toy task, and it uses no internal package of the checks.
 */
@AnalyzeClasses(packages = "dev.explainunit", importOptions = {ImportOption.DoNotIncludeTests.class,
        ThisModulesClasses.class})
class ReproduceArchitectureTest {

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.explainunit.(*)..").should().beFreeOfCycles()
            .because("a package (with its internal subpackage) that needs another, which needs it back, cannot be"
                    + " understood or changed alone");

    @ArchTest
    static final ArchRule only_the_table2_reproduction_knows_the_toy_task = noClasses().that()
            .resideOutsideOfPackage("dev.explainunit.reproduce..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.explainunit.toy..")
            .because("only the toy task's own code, the zoo, the trainer and the Table 2 reproduction may depend on"
                    + " the toy task");

    @ArchTest
    static final ArchRule the_reproduction_knows_no_junit = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.junit..", "dev.explainunit.junit..", "dev.explainunit.cli..")
            .because("the reproduction runs the checks without a test engine, and the command line runs it");

    @ArchTest
    static final ArchRule internal_packages_are_used_by_their_own_package_only = classes()
            .should(InternalPackages.useOnlyTheirOwn())
            .because("what is internal may change without notice; only its own package can follow it");
}
