package dev.explainunit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Comparison;
import dev.explainunit.checks.ContractViolation;
import dev.explainunit.checks.Counterexample;
import dev.explainunit.checks.Example;
import dev.explainunit.checks.ModelStatistics;
import dev.explainunit.checks.StepValue;
import dev.explainunit.checks.UndefinedStatistic;
import dev.explainunit.checks.Verdict;
import dev.explainunit.task.GroundTruth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckResultJsonTest {

    private static CheckResult failed() {
        Example original = new Example(List.of(new StepValue(0, new double[] {0, 0.6}, 0.1),
                new StepValue(1, new double[] {0.7, 0}, 0.2), new StepValue(2, new double[] {0.9, 0}, -0.3)),
                truth(1, 2), -0.2, -0.19, 0.3);
        Example shrunk = new Example(List.of(new StepValue(0, new double[] {0.7, 0}, 0.2),
                new StepValue(1, new double[] {0.9, 0}, -0.3)), truth(0, 1), -0.2, -0.19, 0.3);
        return new CheckResult(Check.RELEVANT_MASS, "cd", "subtraction", Map.of("mass", 0.494), "mass",
                0.9, Comparison.AT_LEAST, Verdict.FAIL, 11, 2500, List.of("s-01", "s-02"),
                List.of(new ModelStatistics("s-01", Map.of("rhoA", -25.9, "rhoB", -50.0, "mass", 49.4, "mse", 0.05))),
                new Counterexample("s-02", original, shrunk, "most relevance on a distractor"), "only 49.4%", 0.5,
                null, new UndefinedStatistic("the absolute relevance overflows", 1, 2));
    }

    @Test
    void a_published_result_reads_back_with_nothing_dropped() throws Exception {
        CheckResult result = failed();

        CheckResult back = CheckResultJson.parse(CheckResultJson.write(result), "entry");

        assertThat(back.key()).isEqualTo("cd/subtraction/relevant-mass");
        assertThat(back.statistic()).isEqualTo("mass");
        assertThat(back.statisticValue()).isEqualTo(0.494);
        assertThat(back.comparison()).isEqualTo(Comparison.AT_LEAST);
        assertThat(back.samples()).isEqualTo(2500);
        assertThat(back.seconds()).isEqualTo(0.5);
        assertThat(back.perModel()).isEqualTo(result.perModel());
        assertThat(back.undefined()).isEqualTo(result.undefined());
        assertThat(back.counterexample().property()).isEqualTo("most relevance on a distractor");
        assertThat(back.counterexample().original().truth()).isEqualTo(truth(1, 2));
        assertThat(back.counterexample().shrunk().relevance()).containsExactly(0.2, -0.3);
        assertThat(CheckResultJson.write(back)).isEqualTo(CheckResultJson.write(result));
    }

    @Test
    void a_counterexample_names_the_roles_of_its_ground_truth_not_positions_a_and_b() {
        JsonNode shrunk = CheckResultJson.tree(failed()).at("/counterexample/shrunk");

        assertThat(shrunk.has("a") || shrunk.has("b")).isFalse();
        assertThat(shrunk.at("/truth/relevant/1/role").asText()).isEqualTo("b");
        assertThat(shrunk.at("/truth/relevant/1/sign").asDouble()).isEqualTo(-1);
    }

    @Test
    void a_contract_violation_reads_back_with_its_kind_place_and_value() throws Exception {
        ContractViolation violation = new ContractViolation(ContractViolation.Kind.NOT_FINITE,
                "explainer [nan] returned a non-finite relevance (NaN) at step 3", "sequence 0 of model addition-01",
                "NaN", "explainer [nan] returned a non-finite relevance (NaN) at step 3 (sequence 0 of model addition-01)");
        CheckResult result = new CheckResult(Check.CONTRACT, "nan", "addition", Map.of(), "", Double.NaN,
                Comparison.NONE, Verdict.FAIL, 1, 10, List.of("addition-01"), List.of(), null, "[nan] ...", 0,
                violation, null);

        CheckResult back = CheckResultJson.parse(CheckResultJson.write(result), "entry");

        assertThat(back.violation()).isEqualTo(violation);
        assertThat(back.threshold()).isNaN();
        assertThat(back.comparison()).isEqualTo(Comparison.NONE);
    }

    @Test
    void a_key_the_format_does_not_know_is_refused_naming_where_it_is() throws Exception {
        ObjectNode json = (ObjectNode) ReportJson.mapper().readTree(CheckResultJson.write(failed()));
        ((ObjectNode) json.at("/counterexample/shrunk")).put("a", 0);

        assertThatThrownBy(() -> CheckResultJson.parse(json.toString(), "explainunit-result.json"))
                .isInstanceOf(MalformedReportException.class)
                .hasMessageStartingWith("explainunit-result.json.counterexample.shrunk: unknown key [a]; known keys: ");
    }

    @Test
    void a_missing_key_a_wrong_type_and_another_format_version_are_refused_with_what_is_wrong() throws Exception {
        ObjectNode json = (ObjectNode) ReportJson.mapper().readTree(CheckResultJson.write(failed()));
        ObjectNode withoutTask = json.deepCopy();
        withoutTask.remove("task");
        ObjectNode wordySeed = json.deepCopy();
        wordySeed.put("seed", "eleven");
        ObjectNode older = json.deepCopy();
        older.put("format_version", 1);

        assertThatThrownBy(() -> CheckResultJson.parse(withoutTask.toString(), "e"))
                .hasMessage("e: missing key [task]");
        assertThatThrownBy(() -> CheckResultJson.parse(wordySeed.toString(), "e"))
                .hasMessage("e.seed: expected an integer, found a string");
        assertThatThrownBy(() -> CheckResultJson.parse(older.toString(), "e"))
                .hasMessageContaining("format_version is 1, this build reads " + Report.FORMAT_VERSION);
        assertThatThrownBy(() -> CheckResultJson.parse("[1]", "e")).hasMessage("e: expected a JSON object, found an array");
    }

    private static GroundTruth truth(int a, int b) {
        return GroundTruth.of(new GroundTruth.Relevant(a, "a", 0.7, 1), new GroundTruth.Relevant(b, "b", 0.9, -1));
    }
}
