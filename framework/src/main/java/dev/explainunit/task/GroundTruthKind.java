package dev.explainunit.task;

import org.apiguardian.api.API;

/**
 * How much a task knows about the true relevance of its samples, from nothing to everything.
 * Each level includes the ones before it; a check names the level it needs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum GroundTruthKind {

    /** Nothing: only checks that need no ground truth apply (contract, model randomization, ...). */
    NONE,

    /** Which positions matter (the relevant steps); e.g. relevant mass. */
    POSITIONS,

    /** Also each relevant position's value and the sign it enters the target with; e.g. correlation. */
    CONTRIBUTIONS,

    /**
     * Also: the signed contributions add up to the target y exactly, and nothing else contributes
     * (a regression task such as addition); e.g. relevance conservation.
     */
    COMPLETE;

    /** Whether a task with this kind provides what a check needing {@code needed} requires. */
    public boolean provides(GroundTruthKind needed) {
        return compareTo(needed) >= 0;
    }
}
