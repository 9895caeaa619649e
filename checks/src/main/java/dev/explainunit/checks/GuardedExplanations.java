package dev.explainunit.checks;

import dev.explainunit.BatchExplainer;
import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.task.Sample;
import java.util.List;

/**
 * Explains the first sequences of a list of samples on one model, for each sample's target, under
 * the {@link RelevanceContract} and the worker's {@link GuardedParallel.CallClock}. A
 * {@link BatchExplainer} gets them in chunks through
 * {@link BatchExplainer#explain(RecurrentModel, List, int[])}, each chunk timed as one call of that
 * many inputs; any other explainer one call per sequence. The chunks start at one input and double
 * up to {@value #CHUNK}: an explainer that hangs from its first input on is stopped after the
 * limit of one call, not of a thousand, while the later chunks still spread a call's own cost (a
 * process round trip) thin. Every element is checked as a single
 * call's result is. A chunk that throws is explained again one sequence at a time, so that the
 * failure names its sequence; if each of them succeeds alone, the batch broke the contract.
 */
final class GuardedExplanations {

    /** Most inputs per batch call: large enough that a call's own cost (a process round trip) is spread thin. */
    static final int CHUNK = 1000;

    /** Names sequences {@code first} to {@code last} in messages: "sequence 3 of model addition-07". */
    @FunctionalInterface
    interface Where {
        String of(int first, int last);

        /** "sequence 3" or "sequences 0 to 9", followed by {@code suffix}. */
        static Where sequences(String suffix) {
            return (first, last) -> (first == last ? "sequence " + first : "sequences " + first + " to " + last)
                    + suffix;
        }
    }

    private final Explainer explainer;
    private final String id;
    private final Where where;

    GuardedExplanations(Explainer explainer, String id, Where where) {
        this.explainer = explainer;
        this.id = id;
        this.where = where;
    }

    /**
     * Explains {@code samples[0, count)} on {@code model} into {@code out[0, count)} (modified).
     *
     * @throws ContractViolationException naming the explainer and the sequence on the first broken contract
     */
    void explain(RecurrentModel model, List<Sample> samples, int count, GuardedParallel.CallClock clock,
                 Relevance[] out) {
        if (explainer instanceof BatchExplainer batch) {
            int from = 0;
            for (int size = 1; from < count; size = Math.min(CHUNK, 2 * size)) {
                int to = Math.min(count, from + size);
                chunk(batch, model, samples, from, to, clock, out);
                from = to;
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[i] = one(model, samples.get(i), i, clock);
            }
        }
    }

    /** One call of {@link Explainer#explain(RecurrentModel, Sequence, int)} for sequence {@code i}, checked. */
    Relevance one(RecurrentModel model, Sample sample, int i, GuardedParallel.CallClock clock) {
        Relevance r;
        clock.start(where.of(i, i));
        try {
            r = explainer.explain(model, sample.input(), sample.target());
        } catch (Throwable e) {
            throw new ContractViolationException(ContractViolation.threw(id, e, where.of(i, i)), e);
        } finally {
            clock.stop();
        }
        RelevanceContract.Breach breach = RelevanceContract.breach(r, sample.input());
        if (breach != null) {
            throw new ContractViolationException(ContractViolation.broke(id, breach, where.of(i, i)));
        }
        return r;
    }

    private void chunk(BatchExplainer batch, RecurrentModel model, List<Sample> samples, int from, int to,
                       GuardedParallel.CallClock clock, Relevance[] out) {
        int count = to - from;
        Sequence[] inputs = new Sequence[count];
        int[] targets = new int[count];
        for (int k = 0; k < count; k++) {
            inputs[k] = samples.get(from + k).input();
            targets[k] = samples.get(from + k).target();
        }
        String range = where.of(from, to - 1);
        List<Relevance> results;
        clock.start("explain", range, count);
        try {
            results = batch.explain(model, List.of(inputs), targets);
        } catch (Throwable e) {
            clock.stop();
            if (Thread.currentThread().isInterrupted()) {
                throw new ContractViolationException(ContractViolation.threw(id, e, range + " (the evaluation was interrupted)"), e);
            }
            for (int i = from; i < to; i++) {
                out[i] = one(model, samples.get(i), i, clock);  // names the sequence that fails alone
            }
            throw new ContractViolationException(ContractViolation.batchThrew(id, e, range, count), e);
        } finally {
            clock.stop();
        }
        if (results == null || results.size() != count) {
            throw new ContractViolationException(ContractViolation.batchSize(id, results == null ? "null" : results.size()
                    + " relevances", range, count));
        }
        for (int k = 0; k < count; k++) {
            Relevance r = results.get(k);
            RelevanceContract.Breach breach = RelevanceContract.breach(r, inputs[k]);
            if (breach != null) {
                throw new ContractViolationException(ContractViolation.brokeInBatch(id, breach, where.of(from + k, from + k)));
            }
            out[from + k] = r;
        }
    }
}
