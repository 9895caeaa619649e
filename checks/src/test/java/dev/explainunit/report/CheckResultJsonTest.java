package dev.explainunit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.report.internal.CheckResultJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CheckResultJsonTest {

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

        CheckRecord r = CheckResultJson.parse(json);

        assertThat(r.key()).isEqualTo("cd/subtraction/relevant-mass");
        assertThat(r.statistic()).isEqualTo(0.494);
        assertThat(r.statistics()).containsEntry("mass", 0.494);
        assertThat(r.threshold()).isEqualTo(0.9);
        assertThat(r.passed()).isFalse();
        assertThat(r.modelIds()).containsExactly("s-01", "s-02");
        assertThat(r.counterexample().modelId()).isEqualTo("s-02");
        assertThat(r.counterexample().seed()).isEqualTo(20190801L);
        assertThat(r.counterexample().original().inputs()[1]).containsExactly(0.7, 0.0);
        assertThat(r.counterexample().shrunk().relevance()).containsExactly(0.2, -0.3);
        assertThat(r.counterexample().shrunk().prediction()).isEqualTo(-0.19);
    }

    @Test
    void a_contract_failure_without_statistic_or_threshold_reads_as_nan() throws Exception {
        CheckRecord r = CheckResultJson.parse("""
                {"check":"CONTRACT","explainer_id":"broken","task":"addition","statistics":{},"statistic":"",
                 "threshold":"NaN","verdict":"FAIL","seed":1,"model_ids":[]}""");

        assertThat(r.check()).isEqualTo("contract");
        assertThat(r.statistic()).isNaN();
        assertThat(r.threshold()).isNaN();
    }

    @Test
    void an_entry_without_check_explainer_or_task_is_refused_with_the_missing_keys_named() {
        assertThatThrownBy(() -> CheckResultJson.parse("{\"check\":\"x\"}")).isInstanceOf(IOException.class)
                .hasMessageContaining("needs check, explainer and task");
        assertThatThrownBy(() -> CheckResultJson.parse("[1]")).isInstanceOf(IOException.class)
                .hasMessageContaining("must be a JSON object");
    }
}
