package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.assertj.ExplainUnitAssertions;
import dev.explainunit.explainers.OcclusionExplainer;
import org.junit.jupiter.api.Test;

class NotApplicableTest {

    /** The checks of a toy task's run: every check but composition, which exists on sentence classifiers only. */
    private static final int TOY_CHECKS = dev.explainunit.checks.SanityChecks.orderedChecks(
            dev.explainunit.checks.SanitySettings.defaults(), dev.explainunit.task.Tasks.byId("addition")).size();

    private static SanityReport run(Explainer explainer) {
        return SanityChecks.of(explainer).models(2).samples(20).run();
    }

    @Test
    void an_explainer_that_does_not_support_the_models_is_not_applicable_rather_than_failed() {
        SanityReport report = run(new OcclusionExplainer.ProbabilityDifference());
        assertThat(report.results()).hasSize(2 * TOY_CHECKS)
                .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE));
        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isFalse();
        assertThat(report.verdict("addition")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(report.summary()).startsWith("not applicable").contains(
                "occlusion-p-diff does not apply to the addition task's models: supports(model) is false for");
        ExplainUnitAssertions.assertThat(report).isNotApplicableTo("addition").isNotApplicableTo("subtraction");
        assertThatThrownBy(() -> ExplainUnitAssertions.assertThat(report).passes())
                .hasMessageContaining("were not applicable").hasMessageContaining("a regression model");
        assertThatThrownBy(() -> ExplainUnitAssertions.assertThat(report).passes(Check.RELEVANT_MASS, "addition"))
                .hasMessageContaining("was not applicable");
    }

    @Test
    void an_explainer_that_claims_support_and_then_throws_still_fails_the_contract() {
        Explainer claimsSupport = new Explainer() {
            @Override
            public String id() {
                return "claims-support";
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                throw new IllegalArgumentException("cannot explain a regression model");
            }
        };
        SanityReport report = SanityChecks.of(claimsSupport).on("addition").checks(Check.CONTRACT).models(2)
                .samples(20).run();
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.message()).contains("explainer [claims-support] threw");
        });
    }

    @Test
    void a_supports_method_that_throws_breaks_the_contract() {
        Explainer brokenSupports = new Explainer() {
            @Override
            public String id() {
                return "broken-supports";
            }

            @Override
            public boolean supports(RecurrentModel model) {
                throw new IllegalStateException("boom");
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                return Relevance.perStep(new double[input.length()]);
            }
        };
        SanityReport report = SanityChecks.of(brokenSupports).on("addition").checks(Check.CONTRACT).models(2)
                .samples(20).run();
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.message()).contains("threw java.lang.IllegalStateException: boom from supports(model)");
        });
    }

    @Test
    void a_supports_method_that_hangs_fails_the_contract_naming_the_explainer_and_the_time_limit() {
        Explainer hangingSupports = new Explainer() {
            @Override
            public String id() {
                return "hanging-supports";
            }

            @Override
            public boolean supports(RecurrentModel model) {
                try {
                    new java.util.concurrent.CountDownLatch(1).await(); // until the abandoned run interrupts it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }

            @Override
            public Relevance explain(RecurrentModel model, Sequence input, int target) {
                return Relevance.perStep(new double[input.length()]);
            }
        };
        SanityReport report = SanityChecks.of(hangingSupports).on("addition").checks(Check.CONTRACT).models(2)
                .samples(20).timeLimit(java.time.Duration.ofMillis(200)).run();
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.message()).contains("explainer [hanging-supports] hung: supports did not return within 200 ms")
                    .contains("model addition-");
        });
    }
}
