package dev.explainunit.task;

import org.apiguardian.api.API;

/**
 * What a task's samples are, as the task declares it ({@link Task#kind()}): the checks take the form
 * that fits it (e.g. correlation with the operands' values on sequences, sign agreement of the polar
 * words on sentences; {@code src/docs/checks.md}). A task never has to be recognised by its words.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TaskKind {

    /**
     * Sequences of vectors whose target the relevant steps determine through their values (the toy
     * tasks, paper 3.2, and every task that declares nothing else).
     */
    SEQUENCES("sequences"),

    /**
     * Sentences classified into two or more classes (paper 3.3 and 4): the steps are words, every
     * sample is explained for its class, and a word's ground truth gives the direction of its
     * contribution, not a value the class score is linear in.
     */
    SENTENCE_CLASSIFIER("sentences");

    private final String samples;

    TaskKind(String samples) {
        this.samples = samples;
    }

    /** What messages call this kind's samples: "sequences", "sentences". */
    public String samples() {
        return samples;
    }
}
