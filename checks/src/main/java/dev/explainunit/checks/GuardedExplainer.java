package dev.explainunit.checks;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.task.Sample;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * An explainer called the one way the checks call it, for the experiments and anyone else who
 * explains many inputs: every input explained for its sample's target, on up to {@code threads}
 * threads, each call under the time limit and its result under the {@link RelevanceContract}; a
 * {@link dev.explainunit.BatchExplainer} in chunks, as {@link ExplainedPopulation} does. The first
 * broken contract (a throw, a hang, a wrong or non-finite relevance) stops the work and is thrown as
 * a {@link ContractViolationException} naming the input.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GuardedExplainer {

    private final Explainer explainer;
    private final int threads;
    private final Duration timeLimit;

    /**
     * @param threads   how many inputs are explained at once (at least 1)
     * @param timeLimit the longest one call of {@code explain} may take before the work is abandoned as hung
     */
    public GuardedExplainer(Explainer explainer, int threads, Duration timeLimit) {
        this.explainer = Objects.requireNonNull(explainer, "explainer");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, is [" + threads + "]");
        }
        this.threads = threads;
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
    }

    /**
     * The relevance of {@code samples[i]} for its target on {@code model}, at index i. The samples are
     * split into one contiguous share per thread, each explained in order.
     *
     * @param name names input i in messages, e.g. {@code i -> "sentence " + i + " [not very good]"}
     * @throws ContractViolationException on the first broken contract, naming the input
     */
    public List<Relevance> explain(RecurrentModel model, List<Sample> samples, IntFunction<String> name) {
        int n = samples.size();
        Relevance[] out = new Relevance[n];
        int workers = Math.max(1, Math.min(threads, n));
        String id = ExplainedPopulation.safeId(explainer);
        try {
            GuardedParallel.run(workers, workers, timeLimit, (job, clock) -> {
                int from = (int) ((long) n * job / workers);
                int to = (int) ((long) n * (job + 1) / workers);
                Relevance[] share = new Relevance[to - from];
                new GuardedExplanations(explainer, id, (first, last) -> first == last ? name.apply(from + first)
                        : name.apply(from + first) + " to " + name.apply(from + last))
                        .explain(model, samples.subList(from, to), to - from, clock, share);
                System.arraycopy(share, 0, out, from, share.length);
            });
        } catch (GuardedParallel.HangException | ExecutionException | InterruptedException failure) {
            throw ContractViolationException.of(id, failure, "could not be evaluated");
        }
        return Arrays.asList(out);
    }
}
