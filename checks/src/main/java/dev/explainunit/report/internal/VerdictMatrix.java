package dev.explainunit.report.internal;

import dev.explainunit.checks.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Check outcomes arranged as explainer × task × check, each axis in order of first appearance.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class VerdictMatrix {

    private final Set<String> explainers = new LinkedHashSet<>();
    private final Set<String> tasks = new LinkedHashSet<>();
    private final Set<String> checks = new LinkedHashSet<>();
    private final Map<String, CheckResult> cells = new LinkedHashMap<>();

    public VerdictMatrix(List<CheckResult> records) {
        for (CheckResult r : records) {
            explainers.add(r.explainerId());
            tasks.add(r.task());
            checks.add(r.check().id());
            cells.put(r.key(), r);
        }
    }

    public List<String> explainers() {
        return new ArrayList<>(explainers);
    }

    public List<String> tasks() {
        return new ArrayList<>(tasks);
    }

    public List<String> checks() {
        return new ArrayList<>(checks);
    }

    /** The outcome of {@code check} for {@code explainer} on {@code task}, if that combination ran. */
    public Optional<CheckResult> cell(String explainer, String task, String check) {
        return Optional.ofNullable(cells.get(explainer + "/" + task + "/" + check));
    }

    /** The outcomes of {@code explainer} on {@code task}, in check order. */
    public List<CheckResult> row(String explainer, String task) {
        List<CheckResult> row = new ArrayList<>();
        for (String check : checks) {
            cell(explainer, task, check).ifPresent(row::add);
        }
        return row;
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }
}
