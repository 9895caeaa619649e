package dev.explainunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Run only through the launcher by {@link ExplainUnitReportListenerTest}: publishes no ExplainUnit result. */
class PlainJupiterFixture {

    @Test
    void ordinary_test(TestReporter reporter) {
        reporter.publishEntry("other", "value");
    }
}
