package dev.explainunit.checks;

import dev.explainunit.sentence.SentenceTaskModel;
import dev.explainunit.composition.Composition;
import dev.explainunit.task.Task;
import dev.explainunit.task.TaskModel;
import java.util.Optional;

/**
 * Which form each check takes on a task: the one place that reads the task's declared
 * {@linkplain Task#kind() kind}. {@link Check} binds through it once per task; the forms
 * themselves are written for one kind each.
 */
final class CheckForms {

    private CheckForms() {
    }

    static Optional<SanityCheck> contract(Task task) {
        return Optional.of(new ContractCheck());
    }

    static Optional<SanityCheck> groundTruthCorrelation(Task task) {
        return Optional.of(switch (task.kind()) {
            case SEQUENCES -> new GroundTruthCorrelationCheck();
            case SENTENCE_CLASSIFIER -> new SignAgreementCheck(task.words());
        });
    }

    static Optional<SanityCheck> relevanceConservation(Task task) {
        return Optional.of(new RelevanceConservationCheck(task.words()));
    }

    static Optional<SanityCheck> relevantMass(Task task) {
        return Optional.of(switch (task.kind()) {
            case SEQUENCES -> new RelevantMassCheck(task.words());
            case SENTENCE_CLASSIFIER -> new SentenceMassCheck(task.words());
        });
    }

    static Optional<SanityCheck> perturbationSelectivity(Task task) {
        return Optional.of(switch (task.kind()) {
            case SEQUENCES -> new PerturbationSelectivityCheck();
            case SENTENCE_CLASSIFIER -> new WordDeletionSelectivityCheck(task.words());
        });
    }

    static Optional<SanityCheck> modelRandomization(Task task) {
        return Optional.of(new ModelRandomizationCheck());
    }

    /**
     * Composition exists on sentence classifiers whose models are five-class
     * {@link SentenceTaskModel}s: it builds "not good" and "very good" from the vocabulary.
     */
    static Optional<SanityCheck> composition(Task task) {
        return switch (task.kind()) {
            case SEQUENCES -> Optional.empty();
            case SENTENCE_CLASSIFIER -> hasFiveClassVocabularies(task) ? Optional.of(new CompositionCheck())
                    : Optional.empty();
        };
    }

    private static boolean hasFiveClassVocabularies(Task task) {
        var models = task.models();
        if (models.isEmpty()) {
            return false;
        }
        for (TaskModel m : models) {
            if (!(m instanceof SentenceTaskModel) || m.model().outputSize() != Composition.CLASSES) {
                return false;
            }
        }
        return true;
    }

    /** Where a check that does not exist on every task exists, for the reason it is absent. */
    static String whereItExists(Check check) {
        return check == Check.COMPOSITION ? "a five-class sentence classifier with a vocabulary" : "every task";
    }
}
