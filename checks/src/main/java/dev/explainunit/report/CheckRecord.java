package dev.explainunit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outcome of one check for one explainer on one task.
 *
 * @param check          the check id, e.g. {@code ground-truth-correlation}
 * @param explainer      the explainer id
 * @param task           the task id
 * @param statistic      the population statistic the verdict is based on (NaN when the check
 *                       has none, e.g. the contract)
 * @param threshold      the threshold it was compared with (NaN when there is none)
 * @param statistics     every statistic the check computed, by name
 * @param verdict        {@code "pass"} or {@code "fail"}
 * @param seed           the seed to rerun with
 * @param modelIds       the models the statistic was computed on
 * @param counterexample a failing sequence, or {@code null}
 * @param message        the explanation shown to the user (why it failed, how to rerun)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"check", "explainer", "task", "statistic", "threshold", "statistics", "verdict", "seed", "model_ids",
        "counterexample", "message"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckRecord(String check, String explainer, String task, double statistic, double threshold,
                          Map<String, Double> statistics, String verdict, long seed, List<String> modelIds, Counterexample counterexample,
                          String message) {

    public CheckRecord {
        modelIds = modelIds == null ? List.of() : List.copyOf(modelIds);
        statistics = statistics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
    }

    /** Whether the verdict is a pass. */
    public boolean passed() {
        return Verdict.PASS.equals(verdict);
    }

    /** Identifies the cell this record fills: explainer, task and check. */
    public String key() {
        return explainer + "/" + task + "/" + check;
    }
}
