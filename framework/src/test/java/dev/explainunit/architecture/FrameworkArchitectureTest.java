package dev.explainunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of explainunit-framework as rules that read like sentences: it knows neither JUnit
 * nor the checks, its packages form no cycle, the model and its files know no task, the cells'
 * kernels stay in the model and explainer packages that own them, and an internal package is used
 * by its own package only.
 */
@AnalyzeClasses(packages = "dev.explainunit", importOptions = {ImportOption.DoNotIncludeTests.class,
        ThisModulesClasses.class})
class FrameworkArchitectureTest {

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
    static final ArchRule no_package_cycles = slices().matching("dev.explainunit.(*)..").should().beFreeOfCycles()
            .because("a package that depends on another that depends on it cannot be understood, tested or moved"
                    + " alone");

    @ArchTest
    static final ArchRule the_model_and_its_files_know_no_task = noClasses().that()
            .resideInAnyPackage("dev.explainunit.model..", "dev.explainunit.safetensors..").should()
            .dependOnClassesThat().resideInAnyPackage("dev.explainunit.task..", "dev.explainunit.toy..",
                    "dev.explainunit.sentence..", "dev.explainunit.zoo..", "dev.explainunit.train..",
                    "dev.explainunit.explainers..")
            .because("a model is read, run and written the same whatever task it serves and whoever explains it");

    @ArchTest
    static final ArchRule only_the_toy_task_and_the_trainer_know_the_toy_task = noClasses().that()
            .resideOutsideOfPackages("dev.explainunit.toy..", "dev.explainunit.train..").should()
            .dependOnClassesThat().resideInAPackage("dev.explainunit.toy..")
            .because("every other task is found by id; the toy task is one of them");

    @ArchTest
    static final ArchRule the_cells_kernels_are_the_models_own = classes().that()
            .resideInAPackage("dev.explainunit.model.internal..").should().onlyBeAccessed()
            .byAnyPackage("dev.explainunit.model..")
            .because("each pass is written once per cell, in the model; everything else runs the model's passes");

    @ArchTest
    static final ArchRule the_cells_relevance_rules_are_the_explainers_own = classes().that()
            .resideInAPackage("dev.explainunit.explainers.internal..").should().onlyBeAccessed()
            .byAnyPackage("dev.explainunit.explainers..")
            .because("LRP and CD ask the layer for their rules, written once per cell in the explainers");

    @ArchTest
    static final ArchRule the_models_public_surface_is_the_model_its_layers_and_their_kinds = classes().that()
            .resideInAPackage("dev.explainunit.model").and().arePublic().and().areTopLevelClasses().should()
            .haveNameMatching("dev\\.explainunit\\.model\\.(RecurrentNetwork|RecurrentLayer|CellKind|DirectionWeights"
                    + "|Activations|NetworkTrace|DirectionTrace|NetworkBatch|ParameterGradient"
                    + "|SentenceModel|Vocabulary|UnknownWordException|MalformedDataException)")
            .because("the model is its layers of one cell kind and their weights, with the traces and batches"
                    + " white-box explainers read and the embedding in front of a sentence model; the passes behind"
                    + " them are internal");

    @ArchTest
    static final ArchRule internal_packages_are_used_by_their_own_package_only = classes()
            .should(InternalPackages.useOnlyTheirOwn())
            .because("what is internal may change without notice; only its own package can follow it");
}
