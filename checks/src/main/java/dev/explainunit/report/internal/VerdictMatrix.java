package dev.explainunit.report.internal;

import dev.explainunit.report.CheckRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Check outcomes arranged as explainer × task × check, each axis in order of first appearance.
 */
public final class VerdictMatrix {

    private final Set<String> explainers = new LinkedHashSet<>();
    private final Set<String> tasks = new LinkedHashSet<>();
    private final Set<String> checks = new LinkedHashSet<>();
    private final Map<String, CheckRecord> cells = new LinkedHashMap<>();

    public VerdictMatrix(List<CheckRecord> records) {
        for (CheckRecord r : records) {
            explainers.add(r.explainer());
            tasks.add(r.task());
            checks.add(r.check());
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
    public Optional<CheckRecord> cell(String explainer, String task, String check) {
        return Optional.ofNullable(cells.get(explainer + "/" + task + "/" + check));
    }

    /** The outcomes of {@code explainer} on {@code task}, in check order. */
    public List<CheckRecord> row(String explainer, String task) {
        List<CheckRecord> row = new ArrayList<>();
        for (String check : checks) {
            cell(explainer, task, check).ifPresent(row::add);
        }
        return row;
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }
}
