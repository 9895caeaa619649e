package dev.explainunit.report;

import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Counterexample;
import dev.explainunit.checks.Example;
import dev.explainunit.checks.Verdict;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.explainunit.report.internal.CheckStatistic;
import dev.explainunit.report.internal.HeatmapSvg;
import dev.explainunit.report.internal.HtmlView;
import dev.explainunit.report.internal.LinePlotSvg;
import dev.explainunit.report.internal.Numbers;
import dev.explainunit.report.internal.ScatterPlotSvg;
import dev.explainunit.report.internal.SentimentHtml;
import dev.explainunit.report.internal.VerdictMatrix;
import dev.explainunit.report.internal.WordHeatmapHtml;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS, inline SVG, no scripts, no
 * network) with the verdict matrix, Table 2 beside the paper, the counterexamples and an example
 * sequence as relevance heatmaps, the scatter plots of R_a against n_a and R_b against n_b, the
 * selectivity curves, and the sentiment sections when the run had them (Tables 3, 4, 5, Figure 1). The page structure is the mustache template {@code report.html.mustache};
 * the plots come from the SVG classes of the internal package.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HtmlReportWriter {

    private static final Mustache TEMPLATE =
            new DefaultMustacheFactory("dev/explainunit/report").compile("report.html.mustache");

    /** Tableau 10, colour-blind friendly enough and distinct on white. */
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private HtmlReportWriter() {
    }

    public static String render(Report report) {
        StringWriter out = new StringWriter(64 * 1024);
        TEMPLATE.execute(out, page(report));
        return out.toString();
    }

    static HtmlView.Page page(Report report) {
        RunInfo run = report.run();
        List<HtmlView.Fact> facts = new ArrayList<>();
        if (run != null) {
            facts.add(new HtmlView.Fact("tool", run.tool()));
            facts.add(new HtmlView.Fact("source", run.source()));
            facts.add(new HtmlView.Fact("seed", Headline.seed(report)));
            facts.add(new HtmlView.Fact("models per task", Integer.toString(run.models())));
            facts.add(new HtmlView.Fact("sequences per model", Integer.toString(run.samples())));
            facts.add(new HtmlView.Fact("tasks", String.join(", ", run.tasks())));
            facts.add(new HtmlView.Fact("finished", Numbers.dateToSeconds(run.date())));
            facts.add(new HtmlView.Fact("wall time", Numbers.seconds(run.wallSeconds())));
        }
        String generatedBy = run == null ? "ExplainUnit" : run.tool();
        return new HtmlView.Page("ExplainUnit report", headline(report), Headline.isGood(report), facts,
                matrix(report), table2(report), failures(report), skipped(report), examples(report), scatter(report),
                selectivity(report), report.notes(), generatedBy, SentimentHtml.render(report.section(SentimentSection.class).orElse(null)));
    }

    private static String headline(Report report) {
        return Headline.of(report);
    }

    private static HtmlView.Matrix matrix(Report report) {
        VerdictMatrix m = new VerdictMatrix(report.checks());
        if (m.isEmpty()) {
            return null;
        }
        List<HtmlView.TaskHeader> headers = new ArrayList<>();
        for (String task : m.tasks()) {
            headers.add(new HtmlView.TaskHeader(task, m.checks().size(), m.checks()));
        }
        List<HtmlView.MatrixRow> rows = new ArrayList<>();
        for (String explainer : m.explainers()) {
            List<HtmlView.MatrixCell> cells = new ArrayList<>();
            for (String task : m.tasks()) {
                for (String check : m.checks()) {
                    Optional<CheckResult> c = m.cell(explainer, task, check);
                    cells.add(c.map(r -> new HtmlView.MatrixCell(true, r.verdict().word(), CheckStatistic.of(r).orElse(""),
                            Double.isFinite(r.threshold()) ? Numbers.general(r.threshold()) : "",
                            explainer + " · " + task + " · " + check + ": " + describe(r)))
                            .orElse(new HtmlView.MatrixCell(false, "", "", "", "not run")));
                }
            }
            rows.add(new HtmlView.MatrixRow(explainer, cells));
        }
        return new HtmlView.Matrix(headers, rows);
    }

    /** Every statistic of the check, the decisive one first, for a tooltip. */
    private static String describe(CheckResult r) {
        StringBuilder s = new StringBuilder(CheckStatistic.of(r).orElse(r.passed() ? "passed" : "failed"));
        if (Double.isFinite(r.threshold())) {
            s.append(" vs threshold ").append(Numbers.general(r.threshold()));
        }
        r.statistics().forEach((name, value) -> s.append("; ").append(name).append(" = ")
                .append(CheckStatistic.value(value)));
        return s.toString();
    }

    private static List<HtmlView.TaskTable> table2(Report report) {
        List<HtmlView.TaskTable> tables = new ArrayList<>();
        for (Map.Entry<String, Map<String, MethodResult>> task : Table2Section.in(report).table2().entrySet()) {
            Map<String, MethodResult> paper = Table2Section.in(report).paper().getOrDefault(task.getKey(), Map.of());
            List<HtmlView.Table2Row> rows = new ArrayList<>();
            for (Map.Entry<String, MethodResult> e : task.getValue().entrySet()) {
                MethodResult ours = e.getValue();
                MethodResult theirs = paper.get(e.getKey());
                if (ours.rhoA() == null) {
                    rows.add(new HtmlView.Table2Row(e.getKey(), true, ours.note(), List.of(), false, false, false,
                            false));
                    continue;
                }
                List<HtmlView.MetricCell> cells = List.of(
                        percentCell(ours.rhoA(), theirs == null ? null : theirs.rhoA()),
                        percentCell(ours.rhoB(), theirs == null ? null : theirs.rhoB()),
                        percentCell(ours.mass(), theirs == null ? null : theirs.mass()),
                        mseCell(ours.mse(), theirs == null ? null : theirs.mse()));
                rows.add(new HtmlView.Table2Row(e.getKey(), false, ours.note(), cells, ours.passed(),
                        theirs != null, theirs != null && theirs.passed(),
                        theirs != null && theirs.passed() != ours.passed()));
            }
            for (Map.Entry<String, MethodResult> e : paperOnly(report, task.getKey()).entrySet()) {
                MethodResult theirs = e.getValue();
                rows.add(new HtmlView.Table2Row(e.getKey() + " (paper)", false, "the paper's published row",
                        List.of(percentCell(theirs.rhoA(), null), percentCell(theirs.rhoB(), null),
                                percentCell(theirs.mass(), null), mseCell(theirs.mse(), null)),
                        theirs.passed(), false, false, false));
            }
            tables.add(new HtmlView.TaskTable(task.getKey(), rows));
        }
        return tables;
    }

    /**
     * For a test engine run, the paper's rows of the methods not under test, so that an explainer's
     * row stands beside the paper's methods; none for a reproduction, which has its own.
     */
    static Map<String, MethodResult> paperOnly(Report report, String task) {
        Map<String, MethodResult> rows = new java.util.LinkedHashMap<>();
        if (Headline.judgedByChecks(report)) {
            Table2Section.in(report).paper().getOrDefault(task, Map.of()).forEach((method, row) -> {
                if (!Table2Section.in(report).table2().getOrDefault(task, Map.of()).containsKey(method) && row.rhoA() != null
                        && row.rhoB() != null && row.mass() != null && row.mse() != null) {
                    rows.put(method, row);
                }
            });
        }
        return rows;
    }

    private static HtmlView.MetricCell percentCell(Stat ours, Stat paper) {
        return new HtmlView.MetricCell(Numbers.percent(ours.mean()), Numbers.percentSpread(ours.std()), paper != null,
                paper == null ? "" : Numbers.percent(paper.mean()), paper == null ? "" : Numbers.percentSpread(paper.std()),
                paper != null && paper.differsBeyondStd(ours, 0.01));
    }

    private static HtmlView.MetricCell mseCell(Stat ours, Stat paper) {
        return new HtmlView.MetricCell(Numbers.mse(ours.mean()), Numbers.mse(ours.std()), paper != null,
                paper == null ? "" : Numbers.mse(paper.mean()), paper == null ? "" : Numbers.mse(paper.std()),
                paper != null && paper.differsBeyondStd(ours, 1e-6));
    }

    private static List<HtmlView.Failure> failures(Report report) {
        List<HtmlView.Failure> failures = new ArrayList<>();
        for (CheckResult c : report.checks()) {
            if (c.verdict() != Verdict.FAIL) {
                continue;
            }
            String svg = null;
            String modelId = null;
            String seed = Long.toString(c.seed());
            Counterexample ce = c.counterexample();
            if (ce != null && ce.isSentence()) {
                svg = sentence(ce);
                modelId = ce.modelId();
            } else if (ce != null) {
                boolean one = ce.shrunkIsOriginal();
                Example shown = ce.shrunk();
                List<HeatmapSvg.Row> rows = new ArrayList<>(List.of(new HeatmapSvg.Row(
                        one ? "no smaller one found" : "shrunk", shown.relevance(), shown.thrown())));
                if (shown.randomised() != null) {
                    rows.add(new HeatmapSvg.Row("randomised model", shown.randomised()));
                }
                svg = HeatmapSvg.render("counterexample for " + c.explainerId() + " on " + c.task(), shown.inputs(),
                        roles(shown), rows);
                if (!one) {
                    Example o = ce.original();
                    List<HeatmapSvg.Row> originalRows = new ArrayList<>(List.of(
                            new HeatmapSvg.Row("original", o.relevance(), o.thrown())));
                    if (o.randomised() != null) {
                        originalRows.add(new HeatmapSvg.Row("randomised model", o.randomised()));
                    }
                    svg += HeatmapSvg.render("original counterexample", o.inputs(), roles(o), originalRows);
                }
                modelId = ce.modelId();
            }
            List<String> meta = new ArrayList<>();
            CheckStatistic.of(c).ifPresent(statistic -> meta.add("statistic " + statistic
                    + (Double.isFinite(c.threshold()) ? " vs threshold " + Numbers.general(c.threshold()) : "")));
            if (modelId != null) {
                meta.add("model " + modelId);
            }
            if (c.check() != dev.explainunit.checks.Check.CONTRACT) {
                meta.add("seed " + seed); // rerunning a broken contract with a seed cannot help
            }
            failures.add(new HtmlView.Failure(c.explainerId(), c.task(), c.check().id(), lead(c),
                    meta.isEmpty() ? null : String.join(" · ", meta), c.message(), svg));
        }
        return failures;
    }

    /**
     * What failed in a line: for the contract, whose card has no statistic, the violation after the
     * rule ("explainer [x] is not deterministic: ..."); otherwise the message's first line.
     */
    private static String lead(CheckResult c) {
        String message = c.message() == null ? "" : c.message().strip();
        String first = message.lines().findFirst().orElse("");
        int but = first.indexOf("; but ");
        String lead = c.check() == dev.explainunit.checks.Check.CONTRACT && but >= 0
                ? first.substring(but + "; but ".length()) : first;
        return lead.length() <= 300 ? lead : lead.substring(0, 299) + "…";
    }

    /**
     * A sentence counterexample as its words on their relevance's colours, the label-deciding words
     * framed and named by their role (not the embedding's numbers, not as toy operands); a sentence of
     * a data file cannot be shrunk, so it is shown once, and saying so.
     */
    private static String sentence(Counterexample ce) {
        StringBuilder html = new StringBuilder();
        boolean one = ce.shrunkIsOriginal();
        for (Example e : one ? List.of(ce.shrunk()) : List.of(ce.shrunk(), ce.original())) {
            List<String> roles = new ArrayList<>();
            List<String> framed = new ArrayList<>();
            for (int t = 0; t < e.steps().size(); t++) {
                String role = e.role(t);
                roles.add(role);
                if (role != null) {
                    framed.add(e.words().get(t) + " (" + role + ")");
                }
            }
            String which = one ? "the first failing sentence of the data (a sentence of a data file cannot be shrunk)"
                    : e == ce.shrunk() ? "shrunk" : "original";
            String caption = which + "; true class " + (int) e.y() + ", f_c(x) = " + Numbers.general(e.prediction())
                    + (framed.isEmpty() ? "" : "; framed, the label-deciding words: " + String.join(", ", framed));
            List<WordHeatmapHtml.Row> rows = new ArrayList<>(List.of(new WordHeatmapHtml.Row(
                    one ? "counterexample" : which, e.relevance(), roles)));
            if (e.randomised() != null && e.randomised().length == e.steps().size()) {
                rows.add(new WordHeatmapHtml.Row("randomised model", e.randomised(), roles));
            }
            html.append(WordHeatmapHtml.table(caption, e.words(), rows));
            if (e.thrown() != null) {
                html.append("<p class=\"meta\">explain(model, x, target) threw ")
                        .append(dev.explainunit.report.internal.Escape.xml(e.thrown())).append("</p>\n");
            }
        }
        return html.toString();
    }

    /** The checks skipped because another check is the root cause, or not applicable, each with its reason. */
    private static List<HtmlView.Skipped> skipped(Report report) {
        List<HtmlView.Skipped> skipped = new ArrayList<>();
        for (CheckResult c : report.checks()) {
            if (c.verdict() == Verdict.SKIPPED || c.verdict() == Verdict.NOT_APPLICABLE) {
                String message = c.message() == null ? "" : c.message().strip();
                int end = message.indexOf('\n');
                skipped.add(new HtmlView.Skipped(c.explainerId(), c.task(), c.check().id(), c.verdict().word(),
                        end < 0 ? message : message.substring(0, end)));
            }
        }
        return skipped;
    }

    private static List<HtmlView.Figure> examples(Report report) {
        List<HtmlView.Figure> figures = new ArrayList<>();
        for (RelevanceExample ex : Table2Section.in(report).examples()) {
            List<HeatmapSvg.Row> rows = new ArrayList<>();
            ex.relevance().forEach((method, r) -> rows.add(new HeatmapSvg.Row(method, r)));
            String caption = ex.task() + ": model " + ex.modelId() + ", operands at t=" + ex.a() + " and t=" + ex.b()
                    + ", y = " + Numbers.general(ex.target()) + ", f(x) = " + Numbers.general(ex.prediction());
            figures.add(new HtmlView.Figure(caption,
                    HeatmapSvg.render("relevance heatmap, " + ex.task(), ex.inputs(), Map.of(ex.a(), "a", ex.b(), "b"),
                            rows)));
        }
        return figures;
    }

    /** The relevant positions of {@code e} by their roles in its ground truth; none without ground truth. */
    private static Map<Integer, String> roles(Example e) {
        Map<Integer, String> roles = new java.util.TreeMap<>();
        if (e.truth() != null) {
            e.truth().relevant().forEach(r -> roles.put(r.position(), r.role()));
        }
        return roles;
    }

    private static List<HtmlView.TaskScatter> scatter(Report report) {
        Map<String, List<HtmlView.Figure>> byTask = new LinkedHashMap<>();
        for (ScatterSeries s : Table2Section.in(report).scatter()) {
            String a = ScatterPlotSvg.render(s.method() + ": R_a", "n_a", "R_a", s.na(), s.ra(), "#c0392b");
            String b = ScatterPlotSvg.render(s.method() + ": R_b", "n_b", "R_b", s.nb(), s.rb(), "#2166ac");
            byTask.computeIfAbsent(s.task(), t -> new ArrayList<>()).add(new HtmlView.Figure(s.method(), a + b));
        }
        List<HtmlView.TaskScatter> out = new ArrayList<>();
        byTask.forEach((task, plots) -> out.add(new HtmlView.TaskScatter(task, plots)));
        return out;
    }

    /**
     * Small multiples: per task, one small panel per method with its curve over the two dashed
     * baselines (random, grey; operands first, black), all panels of a task on one y range, so
     * that nine methods can be told apart and compared.
     */
    private static List<HtmlView.Figure> selectivity(Report report) {
        Map<String, List<LinePlotSvg.Series>> methods = new LinkedHashMap<>();
        Map<String, List<LinePlotSvg.Series>> baselines = new LinkedHashMap<>();
        Map<String, Integer> colours = new LinkedHashMap<>();
        for (SelectivityCurve c : Table2Section.in(report).selectivity()) {
            boolean baseline = "random".equals(c.method()) || "operands first".equals(c.method());
            String colour = "random".equals(c.method()) ? "#6e7781" : baseline ? "#1f2328" : PALETTE[colours.computeIfAbsent(c.method(),
                    m -> colours.size()) % PALETTE.length];
            (baseline ? baselines : methods).computeIfAbsent(c.task(), t -> new ArrayList<>())
                    .add(new LinePlotSvg.Series(c.method(), c.change(), colour, baseline));
        }
        List<HtmlView.Figure> figures = new ArrayList<>();
        for (String task : methods.keySet()) {
            List<LinePlotSvg.Series> reference = baselines.getOrDefault(task, List.of());
            List<LinePlotSvg.Series> all = new ArrayList<>(methods.get(task));
            all.addAll(reference);
            double[] range = LinePlotSvg.range(all);
            StringBuilder panels = new StringBuilder();
            for (LinePlotSvg.Series method : underTestFirst(report, task, methods.get(task))) {
                List<LinePlotSvg.Series> shown = new ArrayList<>(reference);
                shown.add(method);
                panels.append(LinePlotSvg.panel(panelName(report, task, method.name()) + " · " + task, "steps removed",
                        "mean |Δf(x)|", shown, range[0], range[1]));
            }
            figures.add(new HtmlView.Figure(task, panels.toString()));
        }
        return figures;
    }

    /**
     * Whether {@code method} is under test on {@code task}: always in {@code reproduce}; in a test engine
     * or {@code check} run only with check outcomes there (the paper's methods are drawn beside them for
     * reference).
     */
    private static boolean underTest(Report report, String task, String method) {
        return !Headline.judgedByChecks(report) || report.checks().stream()
                .anyMatch(c -> c.task().equals(task) && c.explainerId().equals(method));
    }

    /** The curves of the methods under test first (a test engine run adds the paper's methods after them). */
    private static List<LinePlotSvg.Series> underTestFirst(Report report, String task, List<LinePlotSvg.Series> curves) {
        List<LinePlotSvg.Series> ordered = new ArrayList<>();
        curves.stream().filter(c -> underTest(report, task, c.name())).forEach(ordered::add);
        curves.stream().filter(c -> !underTest(report, task, c.name())).forEach(ordered::add);
        return ordered;
    }

    /** A method drawn beside those under test, without checks of its own, is named a reference. */
    private static String panelName(Report report, String task, String method) {
        return underTest(report, task, method) ? method : method + " (reference)";
    }
}
