package dev.explainunit.checks;

import dev.explainunit.BatchExplainer;
import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import dev.explainunit.task.TaskModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apiguardian.api.API;

/**
 * The relevances of one explainer on one {@link Task}, computed once per (model, test sequence) in
 * parallel over the models and shared by every check of a run, with each explanation validated
 * against the {@link RelevanceContract}. Each sequence is explained for its sample's
 * {@link Sample#target() target} output, and the prediction kept is that output.
 *
 * <p>A {@link BatchExplainer} is asked for the sequences of a model in chunks (a chunk of n inputs
 * may take twice the time limit plus what n inputs took at the rate of the earlier chunks, at most n
 * times the limit: {@link dev.explainunit.internal.StallLimit}), every result checked as a single call's; the re-runs are single
 * calls, so they also check that a batch gives what one call gives.
 *
 * <p>The first contract violation (an exception, null, a wrong length, per-input values that do
 * not match the input dimension, a non-finite value, a non-deterministic re-run, a batch that
 * disagrees with single calls, or a call longer than the time limit) stops the
 * evaluation and is kept as {@link #contractViolation()}; the explainer then fails every check,
 * but nothing is thrown.
 *
 * <p>Before anything is explained the explainer is asked whether it {@link Explainer#supports
 * supports} each model (under the same per-call time limit as {@code explain}); if it does not support one, nothing is explained and the population is
 * {@link #notApplicable() not applicable}: its checks are neither passed nor failed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ExplainedPopulation {

    /**
     * Sequences of the first models that are explained twice to check determinism. (The input
     * needs no check: {@link Sequence} is immutable.)
     */
    static final int RERUNS = 3;
    static final int RERUN_MODELS = 2;

    private final Explainer explainer;
    private final String explainerId;
    private final Task task;
    private final List<TaskModel> models;
    private final List<Sample> samples;
    private final double[][][] relevance;
    private final double[][] prediction;
    private final double[] worstExactConservation;
    private List<ModelStatistics> statistics;
    private final ContractViolation contractViolation;
    /** What the explainer threw, by the check it decided: the contract's violation, another check's counterexample. */
    private final Map<Check, Throwable> thrown = new java.util.concurrent.ConcurrentHashMap<>();
    private final String notApplicable;
    private final double seconds;
    /** Each check's form on the task, bound once ({@link Check#on}); a check absent from the task has none. */
    private final Map<Check, SanityCheck> forms = new java.util.EnumMap<>(Check.class);

    private ExplainedPopulation(Explainer explainer, String explainerId, Task task, List<TaskModel> models,
                                List<Sample> samples, double[][][] relevance, double[][] prediction,
                                double[] worstExactConservation, ContractViolation contractViolation,
                                Throwable contractThrown,
                                String notApplicable, double seconds) {
        this.explainer = explainer;
        this.explainerId = explainerId;
        this.task = task;
        this.models = models;
        this.samples = samples;
        this.relevance = relevance;
        this.prediction = prediction;
        this.worstExactConservation = worstExactConservation;
        this.contractViolation = contractViolation;
        if (contractThrown != null) {
            thrown.put(Check.CONTRACT, contractThrown);
        }
        this.notApplicable = notApplicable;
        this.seconds = seconds;
        for (Check check : Check.values()) {
            check.on(task).ifPresent(form -> forms.put(check, form));
        }
    }

    /**
     * Explains every sample on every model (for the sample's target), on all cores.
     *
     * @param timeLimit the limit of one {@code explain} call
     */
    public static ExplainedPopulation explain(Explainer explainer, Task task, List<? extends TaskModel> models,
                                              List<Sample> samples, Duration timeLimit) {
        return explain(explainer, task, models, samples, timeLimit, () -> { });
    }

    /**
     * As {@link #explain(Explainer, Task, List, List, Duration)}, calling {@code modelDone} (from a
     * worker thread) each time the sequences of one model are explained, e.g. for a progress bar.
     */
    public static ExplainedPopulation explain(Explainer explainer, Task task, List<? extends TaskModel> taskModels,
                                              List<Sample> samples, Duration timeLimit, Runnable modelDone) {
        long started = System.nanoTime();
        List<TaskModel> models = List.copyOf(taskModels);
        String id = safeId(explainer);
        String unsupported;
        try {
            unsupported = unsupported(explainer, id, task, models, timeLimit);
        } catch (ContractViolationException e) {
            return new ExplainedPopulation(explainer, id, task, models, List.copyOf(samples), null, null,
                    null, e.violation(), e.getCause(), null, (System.nanoTime() - started) / 1e9);
        }
        if (unsupported != null) {
            return new ExplainedPopulation(explainer, id, task, models, List.copyOf(samples), null, null,
                    null, null, null, unsupported, (System.nanoTime() - started) / 1e9);
        }
        int n = samples.size();
        double[][][] relevance = new double[models.size()][n][];
        double[][] prediction = new double[models.size()][n];
        double[] exact = new double[models.size()];
        ContractViolation violation = null;
        Throwable violationThrown = null;
        try {
            GuardedParallel.run(models.size(), Runtime.getRuntime().availableProcessors(), timeLimit,
                    (m, clock) -> {
                        explainModel(explainer, id, models.get(m), samples, relevance[m], prediction[m], exact,
                                m, clock);
                        modelDone.run();
                    });
        } catch (GuardedParallel.HangException | ExecutionException | InterruptedException failure) {
            ContractViolationException broken = ContractViolationException.of(id, failure, "could not be evaluated");
            violation = broken.violation();
            violationThrown = broken.getCause();
        }
        return new ExplainedPopulation(explainer, id, task, models, List.copyOf(samples), relevance,
                prediction, exact, violation, violationThrown, null, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Why {@code explainer} does not apply to the models (naming the first one it does not
     * support), or null when it supports every one. Each {@code supports} call runs under the same
     * per-call time limit as {@code explain}, so a hanging {@code supports} cannot block the run.
     *
     * @throws ContractViolationException if {@code supports} throws or does not return within {@code timeLimit}
     */
    private static String unsupported(Explainer explainer, String id, Task task, List<TaskModel> models,
                                      Duration timeLimit) {
        String[] reason = new String[1];
        try {
            GuardedParallel.run(1, 1, timeLimit, (job, clock) -> reason[0] = firstUnsupported(explainer, id, task,
                    models, clock));
        } catch (GuardedParallel.HangException | ExecutionException | InterruptedException failure) {
            throw ContractViolationException.of(id, failure, "could not be asked whether it supports the models");
        }
        return reason[0];
    }

    private static String firstUnsupported(Explainer explainer, String id, Task task, List<TaskModel> models,
                                           GuardedParallel.CallClock clock) {
        for (TaskModel zoo : models) {
            boolean supported;
            clock.start("supports", "model " + zoo.id());
            try {
                supported = explainer.supports(zoo.model());
            } catch (Throwable e) {
                throw new ContractViolationException(ContractViolation.threwFromSupports(id, e, zoo.id()), e);
            } finally {
                clock.stop();
            }
            if (!supported) {
                String reason = unsupportedReason(explainer, zoo);
                return id + " does not apply to the " + task.id() + " task's models: supports(model) is false for "
                        + zoo.id() + " (" + zoo.model() + ")" + (reason == null ? "" : ": " + reason);
            }
        }
        return null;
    }

    /** The explainer's own reason, or null when it gives none or fails to. */
    private static String unsupportedReason(Explainer explainer, TaskModel zoo) {
        try {
            return explainer.unsupportedReason(zoo.model());
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String safeId(Explainer explainer) {
        try {
            String id = explainer.id();
            return id == null ? explainer.getClass().getName() : id;
        } catch (RuntimeException e) {
            return explainer.getClass().getName();
        }
    }

    private static void explainModel(Explainer explainer, String id, TaskModel zoo, List<Sample> samples,
                                     double[][] relevance, double[] prediction, double[] exact, int m,
                                     GuardedParallel.CallClock clock) {
        int n = samples.size();
        GuardedExplanations calls = new GuardedExplanations(explainer, id,
                GuardedExplanations.Where.sequences(" of model " + zoo.id()));
        Relevance[] explained = new Relevance[n];
        calls.explain(zoo.model(), samples, n, clock, explained);
        double worst = Double.NaN;
        for (int i = 0; i < n; i++) {
            Sample sample = samples.get(i);
            Relevance r = explained[i];
            prediction[i] = zoo.model().predict(sample.input())[sample.target()];
            relevance[i] = r.toArray();
            if (r.rest().isPresent()) {
                double error = Metrics.conservationError(r, prediction[i]) / Math.max(1, Math.abs(prediction[i]));
                worst = Double.isNaN(worst) ? error : Math.max(worst, error);
            }
        }
        exact[m] = worst;
        if (m < RERUN_MODELS) {
            // a single call again: checks determinism, and for a batch explainer that a batch gives what one call gives
            for (int i = 0; i < Math.min(RERUNS, n); i++) {
                Relevance again = calls.one(zoo.model(), samples.get(i), i, clock);
                if (!sameValues(again.toArray(), relevance[i])) {
                    String first = Arrays.toString(relevance[i]);
                    String second = Arrays.toString(again.toArray());
                    String where = "sequence " + i + " of model " + zoo.id();
                    throw new ContractViolationException(explainer instanceof BatchExplainer
                            ? ContractViolation.batchDiffers(id, where, first, second)
                            : ContractViolation.notDeterministic(id, where, first, second));
                }
            }
        }
    }

    private static boolean sameValues(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int t = 0; t < a.length; t++) {
            if (Math.abs(a[t] - b[t]) > 1e-12 * Math.max(1, Math.abs(a[t]))) {
                return false;
            }
        }
        return true;
    }

    public Explainer explainer() {
        return explainer;
    }

    public String explainerId() {
        return explainerId;
    }

    public Task task() {
        return task;
    }

    public List<TaskModel> models() {
        return models;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The first contract violation, if any; then no other statistic is available. */
    public Optional<ContractViolation> contractViolation() {
        return Optional.ofNullable(contractViolation);
    }

    /**
     * The first exception the explainer threw that decided {@code check}: for the contract check the
     * one that broke the contract, for another check the one thrown on the sequence its
     * counterexample shows. Its stack trace, with the explainer's frames, is what a test report
     * should show as the cause of the failure.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public Optional<Throwable> thrown(Check check) {
        return Optional.ofNullable(thrown.get(check));
    }

    /** The form of {@code check} on this population's task, empty where the check does not exist on it. */
    Optional<SanityCheck> form(Check check) {
        return Optional.ofNullable(forms.get(check));
    }

    /** Keeps {@code e} as what the explainer threw deciding {@code check}, unless one is kept already. */
    void thrownDeciding(Check check, Throwable e) {
        thrown.putIfAbsent(check, e);
    }

    /**
     * Why the explainer does not apply to this task's models (its {@link Explainer#supports} is
     * false), if so; then nothing was explained and no statistic is available.
     */
    public Optional<String> notApplicable() {
        return Optional.ofNullable(notApplicable);
    }

    /**
     * The per-model statistics, in model order: for each model the named values of every check the
     * task's ground truth allows (on the toy tasks Table 2's ρ_a, ρ_b, mass and MSE), computed once.
     */
    public synchronized List<ModelStatistics> modelStatistics() {
        requireValid();
        if (statistics == null) {
            List<ModelStatistics> all = new ArrayList<>(models.size());
            for (int m = 0; m < models.size(); m++) {
                Map<String, Double> values = new LinkedHashMap<>();
                for (SanityCheck form : forms.values()) {
                    if (task.groundTruth().provides(form.needs())) {
                        values.putAll(form.modelValues(this, m));
                    }
                }
                all.add(new ModelStatistics(models.get(m).id(), values));
            }
            statistics = List.copyOf(all);
        }
        return statistics;
    }

    /** R_t of sample {@code i} on model {@code m} (shared, do not modify). */
    public double[] relevance(int m, int i) {
        requireValid();
        return relevance[m][i];
    }

    /** f(x) of sample {@code i} on model {@code m}: the output the sample targets. */
    public double prediction(int m, int i) {
        requireValid();
        return prediction[m][i];
    }

    /**
     * The worst relative exact conservation error |Σ_t R_t + R_rest − f(x)| / max(1, |f(x)|) on
     * model {@code m}, or NaN if the explainer declares no rest.
     */
    public double worstExactConservation(int m) {
        requireValid();
        return worstExactConservation[m];
    }

    /** Wall time of the evaluation in seconds. */
    public double seconds() {
        return seconds;
    }

    private void requireValid() {
        if (contractViolation != null) {
            throw new IllegalStateException("no statistics: " + contractViolation.message());
        }
        if (notApplicable != null) {
            throw new IllegalStateException("no statistics: " + notApplicable);
        }
    }
}
