package dev.explainunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Run only through the launcher by {@link ExplainUnitReportListenerTest}: publishes report entries
 * the way the ExplainUnit engine does.
 */
class ResultPublishingFixture {

    static final String PASSING = """
            {"check":"relevant-mass","explainer":"lrp-all","task":"subtraction","statistic":99.3,"threshold":90,
             "verdict":"pass","seed":7,"model_ids":["subtraction-01","subtraction-02"]}""";
    static final String FAILING = """
            {"check":"relevant-mass","explainer":"cd","task":"subtraction","statistic":49.4,"threshold":90,
             "verdict":"fail","seed":7,"model_ids":["subtraction-01"],"message":"mass below threshold",
             "counterexample":{"model_id":"subtraction-01","seed":7,
               "original":{"inputs":[[0,0.5],[0.6,0],[0,0.7],[0.9,0]],"relevance":[0.1,0.2,0.3,-0.4],"a":1,"b":3},
               "shrunk":{"inputs":[[0.6,0],[0.9,0]],"relevance":[0.2,-0.4],"a":0,"b":1}}}""";

    @Test
    void publishes_two_results(TestReporter reporter) {
        reporter.publishEntry("explainunit.result", PASSING);
        reporter.publishEntry("explainunit.result", FAILING);
    }

    @Test
    void publishes_an_unreadable_result_and_an_unrelated_entry(TestReporter reporter) {
        reporter.publishEntry("explainunit.result", "{ not json");
        reporter.publishEntry("something.else", "value");
    }
}
