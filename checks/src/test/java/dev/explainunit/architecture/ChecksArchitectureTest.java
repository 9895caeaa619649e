package dev.explainunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of explainunit-checks, the artifact on a user's test classpath, as rules that read
 * like sentences: its packages form no cycle, the checks know no experiment and no JUnit, the
 * measurements the checks share with the experiments know neither, and an internal package is used
 * by its own package only.
 */
@AnalyzeClasses(packages = "dev.explainunit", importOptions = {ImportOption.DoNotIncludeTests.class,
        ThisModulesClasses.class})
class ChecksArchitectureTest {

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.explainunit.(*)..").should().beFreeOfCycles()
            .because("a package (with its internal subpackage) that needs another, which needs it back, cannot be"
                    + " understood or changed alone");

    @ArchTest
    static final ArchRule the_checks_know_no_experiment = noClasses().that().resideInAnyPackage(
            "dev.explainunit.checks..", "dev.explainunit.junit..", "dev.explainunit.report..",
            "dev.explainunit.assertj..", "dev.explainunit.deletion..", "dev.explainunit.composition..",
            "dev.explainunit.table2..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.explainunit.sentiment..",
                    "dev.explainunit.reproduce..", "dev.explainunit.cli..", "picocli..")
            .because("the paper's experiments and the command line build on the checks, never the other way, and"
                    + " neither reaches a user's test classpath");

    @ArchTest
    static final ArchRule the_checks_know_no_junit = noClasses().that().resideInAnyPackage(
            "dev.explainunit.checks..", "dev.explainunit.deletion..", "dev.explainunit.composition..",
            "dev.explainunit.table2..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
            .because("the checks run without JUnit (SanityChecks); the engine is one way to run them");

    @ArchTest
    static final ArchRule the_shared_measurements_know_no_check = noClasses().that().resideInAnyPackage(
            "dev.explainunit.deletion..", "dev.explainunit.composition..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.explainunit.checks..",
                    "dev.explainunit.report..", "dev.explainunit.junit..")
            .because("word deletion and the compositions are measurements that a check and the experiments both"
                    + " make; they know neither");

    @ArchTest
    static final ArchRule only_the_table2_section_knows_the_toy_task = noClasses().that()
            .resideOutsideOfPackage("dev.explainunit.table2..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.explainunit.toy..")
            .because("only the toy task's own code, the zoo, the trainer and the Table 2 reproduction may depend on"
                    + " the toy task; the checks take any task");

    @ArchTest
    static final ArchRule internal_packages_are_used_by_their_own_package_only = classes()
            .should(InternalPackages.useOnlyTheirOwn())
            .because("what is internal may change without notice; only its own package can follow it");
}
