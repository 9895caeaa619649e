package dev.explainunit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The toy tasks' section (paper 3.2): Table 2 beside the paper's, one test sequence explained by
 * every method as heatmap rows, the scatter of each operand's relevance against its value, and the
 * selectivity curves. Its columns are the toy tasks' two operand roles, a and b. In
 * {@code report.json} under the keys {@code table2}, {@code paper}, {@code examples},
 * {@code scatter} and {@code selectivity}.
 *
 * @param table2      task → method → Table 2 row, computed on the bundled models
 * @param paper       task → method → the paper's published Table 2 row, for comparison only
 * @param examples    one explained test sequence per task, every method a heatmap row
 * @param scatter     R_a/n_a and R_b/n_b points per task and method
 * @param selectivity output change as the most relevant steps are removed, per task and method
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Table2Section(Map<String, Map<String, MethodResult>> table2,
                            Map<String, Map<String, MethodResult>> paper, List<RelevanceExample> examples,
                            List<ScatterSeries> scatter, List<SelectivityCurve> selectivity) implements ReportSection {

    /** The id a task declares to contribute this section. */
    public static final String ID = "table2";

    public Table2Section {
        table2 = table2 == null ? Map.of() : table2;
        paper = paper == null ? Map.of() : paper;
        examples = examples == null ? List.of() : List.copyOf(examples);
        scatter = scatter == null ? List.of() : List.copyOf(scatter);
        selectivity = selectivity == null ? List.of() : List.copyOf(selectivity);
    }

    /** The Table 2 section of {@code report}, or an empty one when it has none. */
    public static Table2Section in(Report report) {
        return report.section(Table2Section.class).orElse(EMPTY);
    }

    private static final Table2Section EMPTY = new Table2Section(null, null, null, null, null);

    @Override
    public List<String> keys() {
        return List.of("table2", "paper", "examples", "scatter", "selectivity");
    }

    /**
     * Table 2 rows by task and method, examples, scatter series and selectivity curves by task and
     * method, the newer where both have one.
     */
    @Override
    public Table2Section mergedWith(ReportSection newer) {
        Table2Section other = (Table2Section) newer;
        return new Table2Section(mergeTable(table2, other.table2), mergeTable(paper, other.paper),
                union(examples, other.examples, e -> e.task() + "/" + e.modelId() + "/"
                        + String.join(",", e.relevance().keySet())),
                union(scatter, other.scatter, s -> s.task() + "/" + s.method()),
                union(selectivity, other.selectivity, c -> c.task() + "/" + c.method()));
    }

    /** Task → method rows of both, {@code newer}'s row where both have one. */
    private static Map<String, Map<String, MethodResult>> mergeTable(Map<String, Map<String, MethodResult>> older,
                                                                    Map<String, Map<String, MethodResult>> newer) {
        Map<String, Map<String, MethodResult>> merged = new LinkedHashMap<>();
        older.forEach((task, rows) -> merged.put(task, new LinkedHashMap<>(rows)));
        newer.forEach((task, rows) -> merged.computeIfAbsent(task, k -> new LinkedHashMap<>()).putAll(rows));
        return merged;
    }

    /** The items of both keyed by {@code key}, {@code newer}'s where both have one, in first-seen order. */
    private static <T> List<T> union(List<T> older, List<T> newer, Function<T, String> key) {
        Map<String, T> merged = new LinkedHashMap<>();
        older.forEach(o -> merged.put(key.apply(o), o));
        newer.forEach(n -> merged.put(key.apply(n), n));
        return new ArrayList<>(merged.values());
    }
}
