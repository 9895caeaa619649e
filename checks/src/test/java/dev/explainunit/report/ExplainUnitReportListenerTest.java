package dev.explainunit.report;

import dev.explainunit.report.internal.ExplainUnitReportListener;
import dev.explainunit.checks.CheckResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.junit.ExplainerSanityTest;
import dev.explainunit.junit.ExplainerUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class ExplainUnitReportListenerTest {

    /** What ResultPublishingFixture's deliberately unreadable result makes the listener log. */
    private static final String UNREADABLE_RESULT_WARNING =
            "ExplainUnit report: ignoring an unreadable result of publishes_an_unreadable_result_and_an_unrelated_entry";

    @TempDir
    Path dir;

    @Test
    void listener_is_found_through_the_service_loader() {
        assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(ExplainUnitReportListener.class);
    }

    @Test
    void published_results_end_up_in_all_three_reports_in_the_configured_directory() throws Exception {
        SummaryGeneratingListener summary;
        try (CapturedWarnings warnings = CapturedWarnings.ofReportListener()) {
            summary = run(ResultPublishingFixture.class);
            assertThat(warnings.messages()).singleElement().asString()
                    .startsWith(UNREADABLE_RESULT_WARNING);
        }

        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        Report report = ReportJson.read(dir.resolve("report.json"));
        assertThat(report.checks()).extracting(CheckResult::key)
                .containsExactly("lrp-all/subtraction/relevant-mass", "cd/subtraction/relevant-mass");
        CheckResult cd = report.checks().get(1);
        assertThat(cd.passed()).isFalse();
        assertThat(cd.counterexample().shrunk().relevance()).containsExactly(0.2, -0.4);
        assertThat(report.run().source()).isEqualTo("junit");
        assertThat(report.run().seed()).isEqualTo(7);
        assertThat(Files.readString(dir.resolve("report.md"))).contains("1 of 2 checks failed");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("cd · subtraction · relevant-mass");
    }

    /** Sets a sample count other than the configuration parameter's, as a user's annotation may. */
    @ExplainerSanityTest(tasks = "addition", checks = Check.CONTRACT, models = 2, samples = 20)
    static class TwentySamplesByAnnotation implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            return BuiltInExplainers.create("gradient-x-input");
        }
    }

    @Test
    void the_header_states_the_population_the_checks_ran_on_not_the_configured_default() throws Exception {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TwentySamplesByAnnotation.class))
                .configurationParameter(ReportFiles.DIR_KEY, dir.toString())
                .configurationParameter("explainunit.samples", "200").build(), summary);

        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
        Report report = ReportJson.read(dir.resolve("report.json"));
        assertThat(report.run().samples()).isEqualTo(20);
        assertThat(report.run().models()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("report.md"))).contains("2 models × 20 sequences per task")
                .doesNotContain("200 sequences");
    }

    @Test
    void the_engine_hands_its_results_to_the_report_as_file_entries_and_shows_one_line_per_check(
            @org.junit.jupiter.api.io.TempDir Path outputs) throws Exception {
        List<String> entries = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Path> files = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.junit.platform.launcher.TestExecutionListener spy = new org.junit.platform.launcher.TestExecutionListener() {
            @Override
            public void reportingEntryPublished(org.junit.platform.launcher.TestIdentifier test,
                                                org.junit.platform.engine.reporting.ReportEntry entry) {
                entries.addAll(entry.getKeyValuePairs().values());
            }

            @Override
            public void fileEntryPublished(org.junit.platform.launcher.TestIdentifier test,
                                           org.junit.platform.engine.reporting.FileEntry file) {
                files.add(file.getPath());
            }
        };
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TwentySamplesByAnnotation.class))
                .configurationParameter("junit.platform.reporting.output.dir", outputs.toString())
                .configurationParameter(ReportFiles.DIR_KEY, dir.toString()).build(), spy);

        assertThat(entries).singleElement().satisfies(line -> assertThat(line)
                .startsWith("pass: [gradient-x-input] on addition: ").doesNotContain("\n").doesNotContain("{"));
        assertThat(files).filteredOn(file -> file.endsWith("explainunit-result.json")).singleElement()
                .satisfies(file -> assertThat(file).startsWith(outputs));
        Report report = ReportJson.read(dir.resolve("report.json"));
        assertThat(report.checks()).singleElement().satisfies(c -> {
            assertThat(c.explainerId()).isEqualTo("gradient-x-input");
            assertThat(c.passed()).isTrue();
        });
    }

    /** A user's own explainer (not a built-in id) on a small population of the addition task. */
    @ExplainerSanityTest(tasks = "addition", models = 2, samples = 40)
    static class UsersOwnExplainer implements ExplainerUnderTest {
        @Override
        public Explainer explainer() {
            Explainer gradient = BuiltInExplainers.create("gradient-x-input");
            return new Explainer() {
                @Override
                public String id() {
                    return "my-gradient";
                }

                @Override
                public dev.explainunit.Relevance explain(dev.explainunit.RecurrentModel model,
                                                         dev.explainunit.Sequence input, int target) {
                    return gradient.explain(model, input, target);
                }
            };
        }
    }

    @Test
    void a_users_explainer_gets_its_table2_row_scatter_and_heatmap_beside_lrp_all_in_every_report() throws Exception {
        SummaryGeneratingListener summary = run(UsersOwnExplainer.class);

        assertThat(summary.getSummary().getTestsFoundCount()).isPositive();
        Report report = ReportJson.read(dir.resolve("report.json"));
        assertThat(Table2Section.in(report).table2()).containsOnlyKeys("addition");
        MethodResult row = Table2Section.in(report).table2().get("addition").get("my-gradient");
        assertThat(row).isNotNull();
        assertThat(row.rhoA().mean()).isFinite();
        assertThat(row.mass().mean()).isBetween(0.0, 100.0);
        assertThat(Table2Section.in(report).paper()).containsKey("addition");
        assertThat(Table2Section.in(report).scatter()).extracting(ScatterSeries::method).containsExactly("my-gradient", "lrp-all");
        assertThat(Table2Section.in(report).scatter()).allSatisfy(s -> assertThat(s.na()).hasSize(40));
        assertThat(Table2Section.in(report).examples()).singleElement().satisfies(e -> {
            assertThat(e.relevance()).containsOnlyKeys("my-gradient", "lrp-all");
            assertThat(e.relevance().get("my-gradient")).hasSameSizeAs(e.inputs());
        });
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("relevance heatmap, addition", "my-gradient: R_a", "my-gradient: R_b",
                "lrp-all: R_a");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("my-gradient")
                .contains("| lrp-all (paper) |").doesNotContain("verdicts agree with the paper");
        assertThat(html).contains("lrp-all (paper)");
    }

    @Test
    void by_default_a_users_explainer_gets_its_selectivity_curve_beside_the_baselines_only() throws Exception {
        run(UsersOwnExplainer.class);

        Report report = ReportJson.read(dir.resolve("report.json"));
        assertThat(Table2Section.in(report).selectivity()).extracting(SelectivityCurve::method)
                .containsExactly("my-gradient", "operands first", "random");
    }

    @Test
    void a_users_explainer_gets_its_selectivity_curve_beside_the_paper_methods_and_the_baselines_on_request()
            throws Exception {
        run(UsersOwnExplainer.class, true);

        Report report = ReportJson.read(dir.resolve("report.json"));
        List<String> paperMethods = List.copyOf(PaperResults.table2().get("addition").keySet());
        List<String> expected = new java.util.ArrayList<>(List.of("my-gradient"));
        expected.addAll(paperMethods);
        expected.addAll(List.of("operands first", "random"));
        assertThat(Table2Section.in(report).selectivity()).extracting(SelectivityCurve::method).containsExactlyElementsOf(expected);
        assertThat(Table2Section.in(report).selectivity()).allSatisfy(c -> {
            assertThat(c.task()).isEqualTo("addition");
            assertThat(c.change()).hasSize(5);
            assertThat(java.util.Arrays.stream(c.change()).boxed().toList())
                    .allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
            assertThat(c.change()[0]).isZero();
        });
        // my-gradient is gradient×input under another id: the same relevances on the same models and
        // sequences give the same deletion order, so its curve is the reference curve of gradient-x-input
        assertThat(curve(report, "my-gradient")).containsExactly(curve(report, "gradient-x-input"));
        // gradient×input is faithful on addition: removing its top two steps (the operands) moves f(x)
        // far more than removing two random steps
        assertThat(curve(report, "my-gradient")[2]).isGreaterThan(2 * curve(report, "random")[2]);

        String html = Files.readString(dir.resolve("report.html"));
        String selectivity = html.substring(html.indexOf("<section id=\"selectivity\">"));
        selectivity = selectivity.substring(0, selectivity.indexOf("</section>"));
        assertThat(selectivity).contains("my-gradient · addition", "lrp-all (reference) · addition")
                .doesNotContain("my-gradient (reference)");
        assertThat(selectivity.indexOf("my-gradient · addition")).isLessThan(selectivity.indexOf("(reference)"));
        assertThat(selectivity.split("<svg", -1)).hasSize(1 + 1 + paperMethods.size());
    }

    private static double[] curve(Report report, String method) {
        return Table2Section.in(report).selectivity().stream().filter(c -> c.method().equals(method)).findFirst().orElseThrow().change();
    }

    @Test
    void figures_of_two_test_jvms_of_one_build_are_merged_not_replaced() throws Exception {
        Report first = Report.of(null, List.of(), List.of(), new Table2Section(
                java.util.Map.of("addition", java.util.Map.of("a", new MethodResult(new Stat(90, 1), new Stat(90, 1),
                        new Stat(95, 1), new Stat(0.01, 0), "pass", null))), null, null,
                List.of(new ScatterSeries("addition", "a", new double[1], new double[1], new double[1], new double[1])),
                List.of(new SelectivityCurve("addition", "a", new double[] {0, 1}),
                        new SelectivityCurve("addition", "random", new double[] {0, 0.5}))));
        Report second = Report.of(null, List.of(), List.of(), new Table2Section(
                java.util.Map.of("addition", java.util.Map.of("b", Table2Section.in(first).table2().get("addition").get("a"))), null, null,
                List.of(new ScatterSeries("addition", "b", new double[1], new double[1], new double[1], new double[1])),
                List.of(new SelectivityCurve("addition", "b", new double[] {0, 2}),
                        new SelectivityCurve("addition", "random", new double[] {0, 0.5}))));

        Report merged = ReportFiles.merge(first, second);

        assertThat(Table2Section.in(merged).table2().get("addition")).containsOnlyKeys("a", "b");
        assertThat(Table2Section.in(merged).scatter()).extracting(ScatterSeries::method).containsExactly("a", "b");
        assertThat(Table2Section.in(merged).selectivity()).extracting(SelectivityCurve::method).containsExactly("a", "random", "b");
    }

    @Test
    void a_plain_jupiter_run_writes_no_report() {
        SummaryGeneratingListener summary = run(PlainJupiterFixture.class);

        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void an_unwritable_report_directory_does_not_fail_the_tests() throws Exception {
        Path file = Files.writeString(dir.resolve("occupied"), "a file where the report directory should be");
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        try (CapturedWarnings warnings = CapturedWarnings.ofReportListener()) {
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ResultPublishingFixture.class))
                    .configurationParameter(ReportFiles.DIR_KEY, file.resolve("sub").toString())
                    .build(), summary);
            assertThat(warnings.messages()).satisfiesExactlyInAnyOrder(
                    message -> assertThat(message).startsWith(UNREADABLE_RESULT_WARNING),
                    message -> assertThat(message).startsWith("ExplainUnit report could not be written to "
                            + file.resolve("sub").toAbsolutePath() + ": "));
        }

        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
    }

    private SummaryGeneratingListener run(Class<?> fixture) {
        return run(fixture, false);
    }

    private SummaryGeneratingListener run(Class<?> fixture, boolean paperCurves) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                .configurationParameter(ReportFiles.DIR_KEY, dir.toString())
                .configurationParameter("explainunit.report.paperCurves", Boolean.toString(paperCurves)).build(),
                summary);
        return summary;
    }

    @ExplainerSanityTest(explainers = "gradient-x-input", tasks = "addition", checks = {Check.CONTRACT,
            Check.RELEVANT_MASS}, models = 2, samples = 20)
    static class TwoChecks {
    }

    /** An earlier build's report: one check of another explainer, and this fixture's relevant mass as it failed then. */
    private void earlierReport() throws Exception {
        CheckResult other = ReportFixtures.passing("lrp-all", "subtraction", "relevant-mass");
        CheckResult massBefore = ReportFixtures.failing("gradient-x-input", "addition", "relevant-mass");
        ReportFiles.write(Report.ofChecks(new RunInfo("explainunit test", "junit", 20190801, 20, 2,
                List.of("addition", "subtraction"), "2026-01-01T00:00:00Z", 3, "an-earlier-build"),
                List.of(other, massBefore)), dir);
    }

    private void runTwoChecks(org.junit.platform.launcher.PostDiscoveryFilter... filters) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(TwoChecks.class))
                .filters(filters).configurationParameter(ReportFiles.DIR_KEY, dir.toString())
                .build(), new SummaryGeneratingListener());
    }

    @Test
    void a_rerun_of_one_check_updates_it_in_the_last_report_and_keeps_the_others() throws Exception {
        earlierReport();
        // as surefire's -Dtest=TwoChecks#*mass* : a filter on the method source
        runTwoChecks(d -> org.junit.platform.engine.FilterResult.includedIf(d.getSource()
                .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                .map(m -> ((org.junit.platform.engine.support.descriptor.MethodSource) m).getMethodName().contains("mass"))
                .orElse(true)));

        Report report = ReportJson.read(dir.resolve("report.json"));
        assertThat(report.checks()).extracting(CheckResult::key).containsExactlyInAnyOrder(
                "lrp-all/subtraction/relevant-mass", "gradient-x-input/addition/relevant-mass");
        assertThat(report.checks()).filteredOn(c -> c.explainerId().equals("gradient-x-input")).singleElement()
                .satisfies(c -> assertThat(c.passed()).as("the rerun's verdict replaces the earlier one").isTrue());
        assertThat(report.notes()).singleElement().asString().startsWith("Rerun of 1 check on ")
                .contains("gradient-x-input · addition · relevant-mass")
                .endsWith("the other checks are from the run of 2026-01-01 00:00:00 UTC.");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("lrp-all · subtraction · relevant-mass");
    }

    @Test
    void a_run_of_whole_classes_replaces_the_report_of_an_earlier_build() throws Exception {
        earlierReport();
        runTwoChecks();

        assertThat(ReportJson.read(dir.resolve("report.json")).checks()).extracting(CheckResult::key)
                .containsExactlyInAnyOrder("gradient-x-input/addition/contract", "gradient-x-input/addition/relevant-mass");
    }
}
