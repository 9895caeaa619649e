package dev.explainunit.report;

import dev.explainunit.checks.Verdict;
import java.util.Map;

/** The one-line summary at the top of report.md and report.html. */
final class Headline {

    private Headline() {
    }

    /**
     * "All 12 checks passed", "All 6 checks that applied passed, 1 not applicable", "3 of 12 checks
     * failed" or "1 of 12 checks failed, 5 skipped": a check that was not applicable or skipped is
     * never counted as failed, as in {@link dev.explainunit.checks.SanityReport#passed()}.
     */
    static String ofChecks(Report report) {
        long checks = report.checks().size();
        long failed = count(report, Verdict.FAIL);
        long skipped = count(report, Verdict.SKIPPED);
        long notApplicable = count(report, Verdict.NOT_APPLICABLE);
        String others = (skipped > 0 ? ", " + skipped + " skipped" : "")
                + (notApplicable > 0 ? ", " + notApplicable + " not applicable" : "");
        if (failed == 0) {
            long applied = checks - skipped - notApplicable;
            return applied == checks ? "All " + checks + " checks passed"
                    : applied == 0 ? "No check applied" + others
                    : "All " + applied + (applied == 1 ? " check" : " checks") + " that applied passed" + others;
        }
        return failed + " of " + checks + " checks failed" + others;
    }

    private static long count(Report report, Verdict verdict) {
        return report.checks().stream().filter(c -> c.verdict() == verdict).count();
    }

    /**
     * For a reproduction, where failing methods are the expected result: how many method/task
     * combinations pass and how many verdicts agree with the paper's (bold = pass).
     */
    static String ofTable2(Report report) {
        int rows = 0, passed = 0, compared = 0, agree = 0;
        for (Map.Entry<String, Map<String, MethodResult>> task : Table2Section.in(report).table2().entrySet()) {
            Map<String, MethodResult> paper = Table2Section.in(report).paper().getOrDefault(task.getKey(), Map.of());
            for (Map.Entry<String, MethodResult> row : task.getValue().entrySet()) {
                if (row.getValue().verdict() == null) {
                    continue;
                }
                rows++;
                passed += row.getValue().passed() ? 1 : 0;
                MethodResult theirs = paper.get(row.getKey());
                if (theirs != null) {
                    compared++;
                    agree += theirs.passed() == row.getValue().passed() ? 1 : 0;
                }
            }
        }
        return passed + " of " + rows + " method/task combinations pass; " + agree + " of " + compared
                + " verdicts agree with the paper";
    }

    /**
     * The seed as a report's header states it: a sentiment reproduction takes every test sentence in
     * order, so its seed chooses only Table 3's random word deletion, and with the toy tasks the seed
     * shown is theirs.
     */
    static String seed(Report report) {
        RunInfo run = report.run();
        if (report.section(SentimentSection.class).isEmpty() || !"reproduce".equals(run.source())) {
            return Long.toString(run.seed());
        }
        return Table2Section.in(report).table2().isEmpty()
                ? run.seed() + " (random word deletion; the test sentences are the data's, in order)"
                : run.seed() + " (the toy tasks' test data; the sentiment experiments take the test sentences in order)";
    }

    /** The headline: for the test engine the failed checks (its Table 2 rows are pictures), for a reproduction the agreement. */
    static String of(Report report) {
        if (report.checks().isEmpty() && Table2Section.in(report).table2().isEmpty() && report.section(SentimentSection.class).isPresent()) {
            return ofSentiment(report.section(SentimentSection.class).orElse(null));
        }
        return judgedByChecks(report) ? ofChecks(report) : ofTable2(report);
    }

    /** A sentiment reproduction alone has no verdicts: what it measured. */
    static String ofSentiment(SentimentSection sentiment) {
        return "Sentiment experiments on " + sentiment.sentiment().sentences() + " test sentences: Table 3 beside the "
                + "paper's, Tables 4 and 5, Figure 1";
    }

    /**
     * Whether the checks decide the report's colour: a test engine or {@code check} run (whose Table 2
     * rows only illustrate the explainers under test) or a report without Table 2.
     */
    static boolean judgedByChecks(Report report) {
        return Table2Section.in(report).table2().isEmpty() || report.run() != null && !"reproduce".equals(report.run().source());
    }

    /**
     * Green when no check failed (those not applicable or skipped do not count), or, for a
     * reproduction, when every verdict agrees with the paper.
     */
    static boolean isGood(Report report) {
        if (judgedByChecks(report)) {
            return report.checks().stream().noneMatch(c -> c.verdict() == Verdict.FAIL);
        }
        for (Map.Entry<String, Map<String, MethodResult>> task : Table2Section.in(report).table2().entrySet()) {
            Map<String, MethodResult> paper = Table2Section.in(report).paper().getOrDefault(task.getKey(), Map.of());
            for (Map.Entry<String, MethodResult> row : task.getValue().entrySet()) {
                MethodResult theirs = paper.get(row.getKey());
                if (theirs != null && row.getValue().verdict() != null && theirs.passed() != row.getValue().passed()) {
                    return false;
                }
            }
        }
        return true;
    }
}
