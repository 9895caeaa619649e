package dev.explainunit.report;

import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Counterexample;
import dev.explainunit.checks.Example;
import dev.explainunit.checks.Verdict;
import dev.explainunit.report.internal.CheckStatistic;
import dev.explainunit.report.internal.Escape;
import dev.explainunit.report.internal.Numbers;
import dev.explainunit.report.internal.SentimentMarkdown;
import dev.explainunit.report.internal.VerdictMatrix;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes {@code report.md}: a headline, a compact verdict table (explainer × task, listing the
 * checks that failed), Table 2 beside the paper when present, and one section per failure with its
 * counterexample as a t | x_t | R_t table, and the sentiment sections when the run had them. Small
 * enough for a CI job summary.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MarkdownReportWriter {

    private static final String PASS = "✅";
    private static final String FAIL = "❌";
    /** Failures shown in full; the rest are counted, so the file stays small enough for a job summary. */
    static final int MAX_FAILURES = 10;

    private MarkdownReportWriter() {
    }

    public static String render(Report report) {
        StringBuilder md = new StringBuilder(4096);
        headline(md, report);
        verdicts(md, report);
        table2(md, report);
        SentimentMarkdown.append(md, report.section(SentimentSection.class).orElse(null));
        failures(md, report);
        skipped(md, report);
        notes(md, report);
        return md.toString();
    }

    private static void headline(StringBuilder md, Report report) {
        md.append("## ExplainUnit report\n\n").append(Headline.isGood(report) ? PASS : FAIL).append(' ')
                .append(Headline.of(report))
                .append("\n\n");
        RunInfo run = report.run();
        if (run != null) {
            md.append('`').append(codeSpan(run.tool())).append("` · ").append(Escape.markdown(run.source()))
                    .append(" · seed ").append(Escape.markdown(Headline.seed(report))).append(" · ").append(run.models())
                    .append(run.models() == 1 ? " model × " : " models × ")
                    .append(run.samples()).append(" sequences per task · ").append(Escape.markdown(Numbers.dateToSeconds(run.date())))
                    .append(" · ").append(Numbers.seconds(run.wallSeconds())).append("\n\n");
        }
    }

    private static void verdicts(StringBuilder md, Report report) {
        VerdictMatrix matrix = new VerdictMatrix(report.checks());
        if (matrix.isEmpty()) {
            return;
        }
        List<String> tasks = matrix.tasks();
        md.append("| explainer |");
        tasks.forEach(t -> md.append(' ').append(Escape.markdown(t)).append(" |"));
        md.append("\n|---|");
        tasks.forEach(t -> md.append("---|"));
        md.append('\n');
        for (String explainer : matrix.explainers()) {
            md.append("| ").append(Escape.markdown(explainer)).append(" |");
            for (String task : tasks) {
                List<CheckResult> row = matrix.row(explainer, task);
                List<CheckResult> failed = row.stream().filter(c -> c.verdict() == Verdict.FAIL).toList();
                long passed = row.stream().filter(CheckResult::passed).count();
                long skipped = row.stream().filter(c -> c.verdict() == Verdict.SKIPPED).count();
                long notApplicable = row.stream().filter(c -> c.verdict() == Verdict.NOT_APPLICABLE).count();
                md.append(' ');
                if (row.isEmpty()) {
                    md.append('—');
                } else if (failed.isEmpty()) {
                    md.append(passed > 0 ? PASS + " " : "").append(passed).append('/').append(row.size());
                } else {
                    md.append(FAIL).append(' ');
                    for (int i = 0; i < failed.size(); i++) {
                        CheckResult c = failed.get(i);
                        md.append(i > 0 ? ", " : "").append(Escape.markdown(c.check().id()));
                        CheckStatistic.of(c).ifPresent(statistic -> {
                            md.append(" (").append(Escape.markdown(statistic));
                            if (Double.isFinite(c.threshold())) {
                                md.append(" vs ").append(Numbers.general(c.threshold()));
                            }
                            md.append(')');
                        });
                    }
                }
                if (skipped > 0) {
                    md.append("; ").append(skipped).append(" skipped");
                }
                if (notApplicable > 0) {
                    md.append("; ").append(notApplicable).append(" not applicable");
                }
                md.append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void table2(StringBuilder md, Report report) {
        for (Map.Entry<String, Map<String, MethodResult>> task : Table2Section.in(report).table2().entrySet()) {
            Map<String, MethodResult> paper = Table2Section.in(report).paper().getOrDefault(task.getKey(), Map.of());
            // a task the paper did not run (a GRU zoo in a test run) has no bracketed values to announce
            md.append("### Table 2, ").append(Escape.markdown(task.getKey()))
                    .append(paper.isEmpty() ? " (ours; the paper has no row for this task)\n\n"
                            : " (ours; the paper's mean in brackets)\n\n")
                    .append("| method | ρ_a % | ρ_b % | mass % | MSE | verdict |\n|---|---:|---:|---:|---:|---|\n");
            for (Map.Entry<String, MethodResult> row : task.getValue().entrySet()) {
                MethodResult ours = row.getValue();
                MethodResult theirs = paper.get(row.getKey());
                md.append("| ").append(Escape.markdown(row.getKey())).append(" | ");
                if (ours.rhoA() == null) {
                    md.append("skipped | | | | ").append(Escape.markdown(ours.note())).append(" |\n");
                    continue;
                }
                md.append(cell(ours.rhoA(), theirs == null ? null : theirs.rhoA(), false)).append(" | ")
                        .append(cell(ours.rhoB(), theirs == null ? null : theirs.rhoB(), false)).append(" | ")
                        .append(cell(ours.mass(), theirs == null ? null : theirs.mass(), false)).append(" | ")
                        .append(cell(ours.mse(), theirs == null ? null : theirs.mse(), true)).append(" | ")
                        .append(ours.passed() ? PASS : FAIL);
                if (theirs != null) {
                    md.append(" (paper ").append(theirs.passed() ? PASS : FAIL).append(')');
                }
                md.append(" |\n");
            }
            for (Map.Entry<String, MethodResult> row : HtmlReportWriter.paperOnly(report, task.getKey()).entrySet()) {
                MethodResult theirs = row.getValue();
                md.append("| ").append(Escape.markdown(row.getKey())).append(" (paper) | ")
                        .append(cell(theirs.rhoA(), null, false)).append(" | ")
                        .append(cell(theirs.rhoB(), null, false)).append(" | ")
                        .append(cell(theirs.mass(), null, false)).append(" | ")
                        .append(cell(theirs.mse(), null, true)).append(" | ")
                        .append(theirs.passed() ? PASS : FAIL).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static String cell(Stat ours, Stat paper, boolean mse) {
        String value = mse ? Numbers.mse(ours.mean()) : Numbers.percent(ours.mean());
        String spread = mse ? Numbers.mse(ours.std()) : Numbers.percentSpread(ours.std());
        String s = value + " ± " + spread;
        if (paper != null) {
            s += " (" + (mse ? Numbers.mse(paper.mean()) : Numbers.percent(paper.mean())) + ")";
        }
        return s;
    }

    private static void failures(StringBuilder md, Report report) {
        List<CheckResult> failed = report.checks().stream().filter(c -> c.verdict() == Verdict.FAIL).toList();
        if (failed.isEmpty()) {
            return;
        }
        md.append("### Failures\n\n");
        for (CheckResult c : failed.subList(0, Math.min(MAX_FAILURES, failed.size()))) {
            md.append("<details><summary><b>").append(html(c.explainerId())).append(" · ").append(html(c.task()))
                    .append(" · ").append(html(c.check().id())).append("</b>");
            CheckStatistic.of(c).ifPresent(statistic -> {
                md.append(": ").append(html(statistic));
                if (Double.isFinite(c.threshold())) {
                    md.append(" vs threshold ").append(Numbers.general(c.threshold()));
                }
            });
            md.append("</summary>\n\n");
            if (c.message() != null) {
                md.append("```\n").append(c.message().replace("```", "'''")).append("\n```\n\n");
            }
            Counterexample ce = c.counterexample();
            // the engine's message already carries the counterexample table; repeat it only when there is no message
            if (ce != null && c.message() == null) {
                Example s = ce.shrunk();
                double[][] inputs = s.inputs();
                double[] relevance = s.relevance();
                boolean words = s.isSentence();
                md.append("Counterexample on model `").append(codeSpan(ce.modelId())).append("`, seed ")
                        .append(c.seed()).append(ce.shrunkIsOriginal() ? words
                                ? " (a sentence of the data; a data file cannot be shrunk)" : "" : " (shrunk)")
                        .append(":\n\n").append(words ? "| t | word | R_t |" : "| t | x_t | R_t |")
                        .append("\n|---:|---|---:|\n");
                for (int t = 0; t < inputs.length; t++) {
                    String role = s.role(t);
                    md.append("| ").append(t).append(role != null ? " ◀" : "").append(" | ")
                            .append(words ? Escape.markdown(s.words().get(t)) + (role == null ? "" : " (" + role + ")")
                                    : vector(inputs[t])).append(" | ")
                            .append(t < relevance.length ? Numbers.general(relevance[t]) : "—")
                            .append(" |\n");
                }
                md.append('\n');
            }
            md.append("</details>\n\n");
        }
        if (failed.size() > MAX_FAILURES) {
            md.append("… and ").append(failed.size() - MAX_FAILURES)
                    .append(" more failures with their counterexamples in report.html and report.json.\n\n");
        }
    }

    /** One line per check that was skipped (another check is the root cause) or not applicable, with the reason. */
    private static void skipped(StringBuilder md, Report report) {
        List<CheckResult> skipped = report.checks().stream()
                .filter(c -> c.verdict() == Verdict.SKIPPED || c.verdict() == Verdict.NOT_APPLICABLE).toList();
        if (skipped.isEmpty()) {
            return;
        }
        md.append("### Skipped\n\n");
        for (CheckResult c : skipped) {
            md.append("- ").append(Escape.markdown(c.explainerId())).append(" · ").append(Escape.markdown(c.task()))
                    .append(" · ").append(Escape.markdown(c.check().id())).append(" (").append(c.verdict().word())
                    .append("): ").append(Escape.markdown(firstLine(c.message()))).append('\n');
        }
        md.append('\n');
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static void notes(StringBuilder md, Report report) {
        for (String note : report.notes()) {
            md.append("> ").append(Escape.markdown(note)).append('\n');
        }
        if (!report.notes().isEmpty()) {
            md.append('\n');
        }
    }

    private static String vector(double[] x) {
        StringBuilder s = new StringBuilder("(");
        for (int d = 0; d < x.length; d++) {
            s.append(d > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", x[d]));
        }
        return s.append(')').toString();
    }

    private static String codeSpan(String text) {
        return text == null ? "" : text.replace('`', '\'').replace('\n', ' ');
    }

    private static String html(String text) {
        return Escape.xml(text);
    }
}
