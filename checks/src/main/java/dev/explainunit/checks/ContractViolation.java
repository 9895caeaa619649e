package dev.explainunit.checks;

import org.apiguardian.api.API;

/**
 * How an explainer broke the per-sequence contract ({@link RelevanceContract}, determinism, the
 * time limit): what kind of breach, where (which sequence, or which call), what was found there,
 * and the sentence a person reads. A check skipped because of it cites the {@link #headline()}.
 *
 * @param kind     what went wrong
 * @param headline the breach without its values: "explainer [x] is not deterministic"
 * @param where    where it happened: "sequence 3 of model addition-07"; null when it is not one place
 * @param found    what was found there: the exception, the value, the two relevances; null when nothing
 * @param message  the whole sentence: "explainer [x] is not deterministic: explaining sequence 3 ... twice gave ..."
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ContractViolation(Kind kind, String headline, String where, String found, String message) {

    /** What went wrong. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Kind {
        /** {@code explain} (or {@code supports}) threw. */
        THREW,
        /** It returned null. */
        RETURNED_NULL,
        /** It returned a relevance with another number of steps than the sequence. */
        WRONG_LENGTH,
        /** Its per-input relevance has another number of values than the input dimension. */
        WRONG_INPUT_COUNT,
        /** A relevance value, or the declared rest, is NaN or infinite. */
        NOT_FINITE,
        /** Explaining the same sequence twice gave different relevances. */
        NOT_DETERMINISTIC,
        /** A batch gave other relevances than single calls, or another number of them, or threw where single calls did not. */
        BATCH_DIFFERS,
        /** A call did not return within its time limit. */
        HUNG,
        /** The run was interrupted. */
        INTERRUPTED,
        /** Something outside the explainer's calls failed, so the run could not be evaluated. */
        NOT_EVALUATED
    }

    static ContractViolation hung(String id, String overdue, String where) {
        String headline = "explainer [" + id + "] hung";
        return new ContractViolation(Kind.HUNG, headline, where, overdue, headline + ": " + overdue);
    }

    static ContractViolation interrupted(String id) {
        String headline = "the evaluation of explainer [" + id + "] was interrupted";
        return new ContractViolation(Kind.INTERRUPTED, headline, null, null, headline);
    }

    static ContractViolation notEvaluated(String id, String what, Throwable cause) {
        String headline = "explainer [" + id + "] " + what;
        return new ContractViolation(Kind.NOT_EVALUATED, headline, null, String.valueOf(cause),
                headline + ": " + cause);
    }

    /**
     * "explainer [id] threw E on PLACE"; for a message of several lines (an explainer process's ends
     * with the tail of its stderr) the place comes first, so that it does not read as stderr.
     */
    static ContractViolation threw(String id, Throwable e, String where) {
        String thrown = String.valueOf(e);
        String message = thrown.contains("\n") ? "explainer [" + id + "] threw, on " + where + ", " + thrown
                : "explainer [" + id + "] threw " + thrown + " on " + where;
        return new ContractViolation(Kind.THREW, "explainer [" + id + "] threw " + e.getClass().getName(), where,
                thrown, message);
    }

    /** {@code supports(model)} threw on a model. */
    static ContractViolation threwFromSupports(String id, Throwable e, String modelId) {
        return new ContractViolation(Kind.THREW, "explainer [" + id + "] threw " + e.getClass().getName(),
                "supports(model) on model " + modelId, String.valueOf(e),
                "explainer [" + id + "] threw " + e + " from supports(model) on model " + modelId);
    }

    /** A relevance that breaks {@link RelevanceContract}: {@code breach} says how. */
    static ContractViolation broke(String id, RelevanceContract.Breach breach, String where) {
        String headline = "explainer [" + id + "] " + breach.phrase();
        return new ContractViolation(breach.kind(), headline, where, breach.found(), headline + " (" + where + ")");
    }

    static ContractViolation notDeterministic(String id, String where, String first, String second) {
        String headline = "explainer [" + id + "] is not deterministic";
        return new ContractViolation(Kind.NOT_DETERMINISTIC, headline, where, first + " and " + second,
                headline + ": explaining " + where + " twice gave " + first + " and " + second);
    }

    /** A batch and a single call gave different relevances for the sequence at {@code where}. */
    static ContractViolation batchDiffers(String id, String where, String batch, String single) {
        String headline = "explainer [" + id + "] explains " + where + " differently alone than in a batch, or is not"
                + " deterministic";
        return new ContractViolation(Kind.BATCH_DIFFERS, headline, where, batch + ", " + single, headline + ": "
                + batch + " from explain(model, sequences, targets), " + single + " from explain(model, sequence, target)");
    }

    /** Every sequence of a batch was explained alone, but the batch call threw. */
    static ContractViolation batchThrew(String id, Throwable e, String range, int count) {
        String headline = "explainer [" + id + "] explained " + (count == 1 ? "" : "each of ") + range
                + " alone, but explain(model, sequences, targets) on " + (count == 1 ? "it" : "them") + " threw";
        return new ContractViolation(Kind.BATCH_DIFFERS, headline, range, String.valueOf(e), headline + " " + e);
    }

    /** A batch call returned null or another number of relevances than it was given sequences. */
    static ContractViolation batchSize(String id, String returned, String range, int count) {
        String headline = "explainer [" + id + "] returned " + returned + " from explain(model, sequences, targets) for "
                + count + (count == 1 ? " sequence" : " sequences");
        return new ContractViolation(Kind.BATCH_DIFFERS, headline, range, returned, headline + " (" + range + ")");
    }

    /** The breach of one element of a batch. */
    static ContractViolation brokeInBatch(String id, RelevanceContract.Breach breach, String where) {
        String headline = "explainer [" + id + "] " + breach.phrase();
        return new ContractViolation(breach.kind(), headline, where, breach.found(), headline + " (" + where
                + ", explained in a batch)");
    }

    /** The explainer hung: no sequence of it can be explained in time, so no counterexample is searched. */
    public boolean hung() {
        return kind == Kind.HUNG;
    }
}
