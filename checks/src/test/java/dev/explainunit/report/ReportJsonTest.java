package dev.explainunit.report;

import dev.explainunit.checks.CheckResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    @Test
    void report_survives_a_round_trip_through_json() throws Exception {
        Report report = ReportFixtures.full();

        Report back = ReportJson.parse(ReportJson.toJson(report));

        assertThat(ReportJson.toJson(back)).isEqualTo(ReportJson.toJson(report));
        assertThat(back.checks()).hasSize(4);
        assertThat(back.checks().get(3).counterexample().shrunk().relevance()).containsExactly(0.0, -0.1, 0.8, 0.05);
        assertThat(Table2Section.in(back).table2().get("addition").keySet()).containsExactly("lrp-all", "occlusion-p-diff");
    }

    @Test
    void keys_are_snake_case_in_a_fixed_order() throws Exception {
        JsonNode root = ReportJson.mapper().readTree(ReportJson.toJson(ReportFixtures.full()));

        assertThat(names(root)).containsExactly("format_version", "run", "checks", "table2", "paper", "examples",
                "scatter", "selectivity", "notes");
        assertThat(root.get("format_version").asInt()).isEqualTo(Report.FORMAT_VERSION);
        assertThat(names(root.get("run"))).containsExactly("tool", "source", "seed", "samples", "models", "tasks",
                "date", "wall_seconds", "run_id");
        assertThat(names(root.at("/table2/addition/lrp-all"))).containsExactly("rho_a", "rho_b", "mass", "mse",
                "verdict");
        assertThat(names(root.at("/table2/addition/lrp-all/rho_a"))).containsExactly("mean", "std");
        assertThat(names(root.at("/checks/3"))).containsExactly("check", "explainer", "task", "statistic",
                "statistic_name", "threshold", "comparison", "statistics", "verdict", "seed", "samples", "model_ids",
                "per_model", "counterexample", "message", "seconds");
    }

    @Test
    void non_finite_statistics_stay_valid_json() throws Exception {
        CheckResult nan = ReportFixtures.result("relevant-mass", "e", "addition", java.util.Map.of("mass", Double.NaN),
                "mass", 1, dev.explainunit.checks.Verdict.FAIL, List.of(), null, null);
        String json = ReportJson.toJson(Report.ofChecks(ReportFixtures.run("x"), List.of(nan)));

        assertThat(json).contains("\"statistic\" : \"NaN\"");
        assertThat(ReportJson.parse(json).checks().get(0).statisticValue()).isNaN();
    }

    @Test
    void a_report_with_a_key_the_format_does_not_know_is_refused_naming_the_key() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                ReportJson.mapper().readTree(ReportJson.toJson(ReportFixtures.full()));
        root.put("tabel2", 1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportJson.parse(root.toString(), "report.json"))
                .isInstanceOf(MalformedReportException.class)
                .hasMessageStartingWith("report.json: unknown key [tabel2]; known keys: ");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void a_sentence_counterexample_keeps_its_words_roles_and_randomised_relevance_through_report_json()
            throws Exception {
        List<dev.explainunit.checks.StepValue> steps = List.of(
                new dev.explainunit.checks.StepValue(0, new double[] {0.01}, 0.1, "not"),
                new dev.explainunit.checks.StepValue(1, new double[] {0.03}, 2.0, "good"));
        var truth = dev.explainunit.task.GroundTruth.of(
                new dev.explainunit.task.GroundTruth.Relevant(0, "negator", 1.0, 1),
                new dev.explainunit.task.GroundTruth.Relevant(1, "polar", -0.75, -1));
        var e = new dev.explainunit.checks.Example(steps, truth, 1, 2.5, 0.7, null, new double[] {0.2, 1.5});
        Report report = Report.ofChecks(ReportFixtures.run("s"), List.of(ReportFixtures.result("model-randomization",
                "lrp-all", "sentiment", java.util.Map.of("rank_correlation", 0.9), "rank_correlation", 0.5,
                dev.explainunit.checks.Verdict.FAIL, List.of("sentiment"),
                new dev.explainunit.checks.Counterexample("sentiment", e, e, "p"), "m")));

        var back = ReportJson.parse(ReportJson.toJson(report)).checks().get(0).counterexample().shrunk();

        assertThat(back.words()).containsExactly("not", "good");
        assertThat(back.role(0)).isEqualTo("negator");
        assertThat(back.randomised()).containsExactly(0.2, 1.5);
    }
}
