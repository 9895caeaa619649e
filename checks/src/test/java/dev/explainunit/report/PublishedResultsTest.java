package dev.explainunit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Comparison;
import dev.explainunit.checks.Counterexample;
import dev.explainunit.checks.Example;
import dev.explainunit.checks.ModelStatistics;
import dev.explainunit.checks.StepValue;
import dev.explainunit.report.internal.PublishedResults;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PublishedResultsTest {

    @Test
    void reads_the_engine_result_layout_with_enum_check_named_statistic_and_step_rows() throws Exception {
        String json = """
                {"check":"RELEVANT_MASS","explainerId":"cd","task":"subtraction",
                 "statistics":{"mass":0.494},"statistic":"mass","threshold":0.9,"comparison":">=",
                 "verdict":"FAIL","seed":20190801,"samples":2500,"modelIds":["s-01","s-02"],"perModel":[],
                 "counterexample":{"modelId":"s-02",
                   "original":{"steps":[{"t":0,"x":[0,0.6],"relevance":0.1},{"t":1,"x":[0.7,0],"relevance":0.2},
                                        {"t":2,"x":[0.9,0],"relevance":-0.3}],"a":1,"b":2,"y":-0.2,"prediction":-0.19,"statistic":0.3},
                   "shrunk":{"steps":[{"t":0,"x":[0.7,0],"relevance":0.2},{"t":1,"x":[0.9,0],"relevance":-0.3}],
                             "a":0,"b":1,"y":-0.2,"prediction":-0.19,"statistic":0.3},
                   "property":"most relevance on a distractor"},
                 "message":"only 49.4% on a and b","seconds":0.5}""";

        CheckResult r = PublishedResults.parse(json);

        assertThat(r.key()).isEqualTo("cd/subtraction/relevant-mass");
        assertThat(r.statisticValue()).isEqualTo(0.494);
        assertThat(r.statistics()).containsEntry("mass", 0.494);
        assertThat(r.threshold()).isEqualTo(0.9);
        assertThat(r.passed()).isFalse();
        assertThat(r.modelIds()).containsExactly("s-01", "s-02");
        assertThat(r.counterexample().modelId()).isEqualTo("s-02");
        assertThat(r.seed()).isEqualTo(20190801L);
        assertThat(r.counterexample().original().inputs()[1]).containsExactly(0.7, 0.0);
        assertThat(r.counterexample().shrunk().relevance()).containsExactly(0.2, -0.3);
        assertThat(r.counterexample().shrunk().prediction()).isEqualTo(-0.19);
    }

    @Test
    void a_result_as_the_engine_publishes_it_reads_back_with_every_field() throws Exception {
        Example original = new Example(List.of(new StepValue(0, new double[] {0, 0.6}, 0.1),
                new StepValue(1, new double[] {0.7, 0}, 0.2), new StepValue(2, new double[] {0.9, 0}, -0.3)),
                truth(1, 2), -0.2, -0.19, 0.3);
        Example shrunk = new Example(List.of(new StepValue(0, new double[] {0.7, 0}, 0.2),
                new StepValue(1, new double[] {0.9, 0}, -0.3)), truth(0, 1), -0.2, -0.19, 0.3);
        CheckResult result = new CheckResult(Check.RELEVANT_MASS, "cd", "subtraction", Map.of("mass", 0.494), "mass",
                0.9, Comparison.AT_LEAST, dev.explainunit.checks.Verdict.FAIL, 11, 2500, List.of("s-01", "s-02"),
                List.of(new ModelStatistics("s-01", Map.of("rhoA", -25.9, "rhoB", -50.0, "mass", 49.4, "mse", 0.05))),
                new Counterexample("s-02", original, shrunk, "most relevance on a distractor"), "only 49.4%", 0.5, null, null);

        CheckResult r = PublishedResults.parse(dev.explainunit.checks.CheckResultJson.write(result));

        assertThat(r.key()).isEqualTo("cd/subtraction/relevant-mass");
        assertThat(r.statisticValue()).isEqualTo(0.494);
        assertThat(r.threshold()).isEqualTo(0.9);
        assertThat(r.passed()).isFalse();
        assertThat(r.seed()).isEqualTo(11);
        assertThat(r.modelIds()).containsExactly("s-01", "s-02");
        assertThat(r.message()).isEqualTo("only 49.4%");
        assertThat(r.counterexample().modelId()).isEqualTo("s-02");
        assertThat(r.counterexample().original().inputs()[2]).containsExactly(0.9, 0.0);
        assertThat(r.counterexample().original().b()).isEqualTo(2);
        assertThat(r.counterexample().shrunk().relevance()).containsExactly(0.2, -0.3);
        assertThat(r.counterexample().shrunk().y()).isEqualTo(-0.2);
        // report.json reads back to the same result, as a merge of another JVM's report needs
        String json = ReportJson.toJson(Report.ofChecks(ReportFixtures.run("x"), List.of(result)));
        assertThat(ReportJson.toJson(ReportJson.parse(json))).isEqualTo(json);
    }

    @Test
    void a_contract_failure_without_statistic_or_threshold_reads_as_nan() throws Exception {
        CheckResult r = PublishedResults.parse("""
                {"check":"CONTRACT","explainer_id":"broken","task":"addition","statistics":{},"statistic":"",
                 "threshold":"NaN","verdict":"FAIL","seed":1,"model_ids":[]}""");

        assertThat(r.check()).isEqualTo(Check.CONTRACT);
        assertThat(r.statisticValue()).isNaN();
        assertThat(r.threshold()).isNaN();
    }

    @Test
    void an_entry_without_check_explainer_or_task_is_refused_with_the_missing_keys_named() {
        assertThatThrownBy(() -> PublishedResults.parse("{\"check\":\"x\"}")).isInstanceOf(IOException.class)
                .hasMessageContaining("needs check, explainer and task");
        assertThatThrownBy(() -> PublishedResults.parse("[1]")).isInstanceOf(IOException.class)
                .hasMessageContaining("must be a JSON object");
    }

    private static dev.explainunit.task.GroundTruth truth(int a, int b) {
        return dev.explainunit.task.GroundTruth.of(new dev.explainunit.task.GroundTruth.Relevant(a, "a", 0.7, 1),
                new dev.explainunit.task.GroundTruth.Relevant(b, "b", 0.9, -1));
    }
}
