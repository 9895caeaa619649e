package dev.explainunit.assertj;

import dev.explainunit.Relevance;
import dev.explainunit.checks.SanityReport;
import org.apiguardian.api.API;

/**
 * AssertJ entry points for hand-written Jupiter tests:
 *
 * <pre>
 *   assertThat(relevance).isWellFormedFor(sequence).hasMassOn(a, b).atLeast(0.95);
 *   assertThat(SanityChecks.of(explainer).on(Task.ADDITION).run()).passes();
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ExplainUnitAssertions {

    private ExplainUnitAssertions() {
    }

    public static RelevanceAssert assertThat(Relevance actual) {
        return new RelevanceAssert(actual);
    }

    public static SanityReportAssert assertThat(SanityReport actual) {
        return new SanityReportAssert(actual);
    }
}
