package dev.explainunit.checks;

import dev.explainunit.task.Task;
import dev.explainunit.task.TaskModel;

/**
 * Whether the checks take their sentence form on a task: on a <b>sentence classifier</b>, a task
 * whose steps are words ({@link Task#words()}{@code .step()} is "word") and whose models all have
 * more than one output (each sample is explained for a class), such as {@code sentiment},
 * perturbation selectivity is the paper's Table 3 (word deletion, random = 0, occlusion-p-diff =
 * 100), ground-truth correlation is the sign agreement of the polar words, and relevant mass has
 * its own threshold ({@code src/docs/checks.md}, "Sentences"). On every other task (the toy
 * tasks, a classifier of other sequences) the checks keep the Table 2 form.
 */
final class SentenceForm {

    private SentenceForm() {
    }

    /** The step name of a task whose steps are words. */
    static final String WORD = "word";

    static boolean appliesTo(Task task) {
        if (!WORD.equals(task.words().step())) {
            return false;
        }
        var models = task.models();
        if (models.isEmpty()) {
            return false;
        }
        for (TaskModel m : models) {
            if (m.model().outputSize() < 2) {
                return false;
            }
        }
        return true;
    }
}
