package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import org.junit.jupiter.api.Test;

/** A model randomization counterexample shows the relevances on both models, the trained and the randomised. */
class RandomizationCounterexampleTest {

    /** Relevance that ignores the model: the same on any weights. */
    private static final Explainer MODEL_BLIND = new Explainer() {
        @Override
        public String id() {
            return "model-blind";
        }

        @Override
        public Relevance explain(RecurrentModel model, Sequence input, int target) {
            double[] r = new double[input.length()];
            for (int t = 0; t < r.length; t++) {
                r[t] = input.get(t, 0) + 0.5 * input.get(t, 1) + 0.01 * t;
            }
            return Relevance.perStep(r);
        }
    };

    @Test
    void the_counterexample_holds_the_randomised_models_relevances_beside_the_trained_ones() {
        CheckResult result = SanityChecks.of(MODEL_BLIND).on("addition").checks(Check.MODEL_RANDOMIZATION).models(2)
                .samples(40).run().results().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        Example shown = result.counterexample().shrunk();
        assertThat(shown.randomised()).as("R_t on the randomised model").isNotNull().hasSize(shown.steps().size());
        assertThat(result.message()).contains("R_t randomised");
        String html = dev.explainunit.report.HtmlReportWriter.render(dev.explainunit.report.Report.ofChecks(
                new dev.explainunit.report.RunInfo("t", "junit", 1, 40, 2, java.util.List.of("addition"), "2026-01-01T00:00:00Z",
                        1, "r"), java.util.List.of(result)));
        assertThat(html).contains("randomised model");
    }
}
