package dev.explainunit.reproduce;

import dev.explainunit.report.MethodResult;
import dev.explainunit.report.Report;
import dev.explainunit.report.RunInfo;
import dev.explainunit.report.Stat;
import dev.explainunit.report.Table2Section;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Table 2 as terminal text: per task, two lines per method, ours and the paper's beneath it, each
 * cell mean ± std over models; the verdict at the end of each line.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Table2Text {

    private static final String ROW = "%-20s %-5s  %-18s %-18s %-17s %-19s %s%n";

    private Table2Text() {
    }

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        RunInfo run = report.run();
        for (Map.Entry<String, Map<String, MethodResult>> task : Table2Section.in(report).table2().entrySet()) {
            Map<String, MethodResult> paper = Table2Section.in(report).paper().getOrDefault(task.getKey(), Map.of());
            out.append(String.format(Locale.ROOT, "Table 2, %s: mean ± std over %d models × %d test sequences%n",
                    task.getKey(), run.models(), run.samples()));
            out.append(String.format(Locale.ROOT, ROW, "method", "", "ρ_a (%)", "ρ_b (%)", "mass (%)", "MSE",
                    "verdict"));
            for (Map.Entry<String, MethodResult> e : task.getValue().entrySet()) {
                line(out, e.getKey(), "ours", e.getValue());
                MethodResult theirs = paper.get(e.getKey());
                if (theirs != null) {
                    line(out, "", "paper", theirs);
                } else {
                    out.append(String.format(Locale.ROOT, "%-20s %-5s  %s%n", "", "paper", "(not in the paper)"));
                }
            }
            out.append(System.lineSeparator());
        }
        for (String note : report.notes()) {
            out.append("note: ").append(note).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String method, String source, MethodResult r) {
        out.append(String.format(Locale.ROOT, ROW, method, source, percent(r.rhoA()), percent(r.rhoB()),
                percent(r.mass()), mse(r.mse()), r.verdict() == null ? "" : r.verdict()));
    }

    private static String percent(Stat s) {
        return s == null ? "" : s.asPercent();
    }

    private static String mse(Stat s) {
        return s == null ? "" : s.asMse();
    }
}
