package dev.explainunit.checks;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outcome of one check of one explainer on one task. Its JSON form, which the engine publishes
 * and {@code report.json} holds, is {@code dev.explainunit.report.CheckResultJson}.
 *
 * @param check          the check
 * @param explainerId    the explainer's {@link dev.explainunit.Explainer#id() id}
 * @param task           the task id, e.g. "subtraction"
 * @param statistics     the population statistics by name (e.g. "rho_a", "mass"); the name in
 *                       {@code statistic} is the one compared with the threshold
 * @param statistic      name of the decisive statistic
 * @param threshold      the threshold it was compared with
 * @param comparison     how the statistic is compared with the threshold
 * @param verdict        pass or fail
 * @param seed           seed of the test data and of the search
 * @param samples        test sequences per model
 * @param modelIds       the models evaluated
 * @param perModel       the per-model statistics by name (Table 2 on the toy tasks; empty for checks without one)
 * @param counterexample a minimal failing sequence, or {@code null}
 * @param message        a readable explanation of the verdict
 * @param seconds        wall time of the check including its share of the relevance computation
 * @param violation      how the explainer broke the contract, for the failed contract check and the checks
 *                       skipped because of it; null otherwise
 * @param undefined      why the decisive statistic is undefined on some models, or null when it is defined
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CheckResult(Check check, String explainerId, String task, Map<String, Double> statistics,
                          String statistic, double threshold, Comparison comparison, Verdict verdict, long seed,
                          int samples, List<String> modelIds, List<ModelStatistics> perModel,
                          Counterexample counterexample, String message, double seconds,
                          ContractViolation violation, UndefinedStatistic undefined) {

    /**
     * The name of the statistic that counts the models on which the check's statistic is undefined
     * (NaN), which fails the check; present only when there are such models.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final String UNDEFINED_MODELS = "undefined_models";

    /** Whether the check passed. */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** The value of the decisive statistic (the entry {@link #statistic()} names), NaN when there is none. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public double statisticValue() {
        Double value = statistics.get(statistic);
        return value == null ? Double.NaN : value;
    }

    /** Identifies the cell of the verdict matrix this result fills: "explainer/task/check-id". */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String key() {
        return explainerId + "/" + task + "/" + check.id();
    }

    /**
     * The message as a terminal shows a failure: {@link #message()} with the counterexample's tables
     * replaced by one line and {@code tablesAt}, where they can be read (e.g. the report's path), so
     * that it stays about ten lines; the message itself when there is no counterexample.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public String consoleMessage(String tablesAt) {
        return FailureMessage.console(this, tablesAt);
    }

    /** This result with a counterexample and the message extended by it. */
    public CheckResult withCounterexample(Counterexample found, String newMessage) {
        return new CheckResult(check, explainerId, task, statistics, statistic, threshold, comparison, verdict, seed,
                samples, modelIds, perModel, found, newMessage, seconds, violation, undefined);
    }

    /** This result with the contract violation behind it. */
    CheckResult withViolation(ContractViolation cause) {
        return new CheckResult(check, explainerId, task, statistics, statistic, threshold, comparison, verdict, seed,
                samples, modelIds, perModel, counterexample, message, seconds, cause, undefined);
    }

    /** This result with its wall time. */
    public CheckResult withSeconds(double newSeconds) {
        return new CheckResult(check, explainerId, task, statistics, statistic, threshold, comparison, verdict, seed,
                samples, modelIds, perModel, counterexample, message, newSeconds, violation, undefined);
    }
}
