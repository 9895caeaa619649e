package dev.explainunit.task;

import org.apiguardian.api.API;

/**
 * How a task's messages speak of its inputs, so that a failure on sentences reads "the
 * label-deciding words" where one on the toy tasks reads "the operands".
 *
 * @param step     one step of an input: "step", "word"
 * @param steps    the plural: "steps", "words"
 * @param relevant the relevant positions of {@link GroundTruth} in the plural: "operands",
 *                 "label-deciding words"
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TaskWords(String step, String steps, String relevant) {

    /** The words of a task that names nothing of its own: "step", "steps", "relevant steps". */
    public static final TaskWords GENERIC = new TaskWords("step", "steps", "relevant steps");

    /** @throws IllegalArgumentException if a word is blank */
    public TaskWords {
        for (String word : new String[] {step, steps, relevant}) {
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException("task words must not be blank, got [" + step + ", " + steps
                        + ", " + relevant + "]");
            }
        }
    }
}
