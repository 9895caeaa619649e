package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

    private static final String NL = System.lineSeparator();

    @Test
    void without_a_counterexample_the_rerun_hint_starts_on_its_own_line() {
        CheckResult failed = new CheckResult(Check.RELEVANT_MASS, "x", "addition", Map.of(), "", Double.NaN, "",
                Verdict.FAIL, 20190801L, 100, List.of("addition-01"), List.of(), null,
                "[x] on addition: relevant mass 0.4 < 0.9.", 0);
        String text = FailureMessage.with(failed, null, SanitySettings.defaults());
        assertThat(text).contains("0.9." + NL + "Seed 20190801: rerun with");
    }

    @Test
    void a_contract_failure_has_no_rerun_hint_because_a_seed_cannot_help() {
        CheckResult failed = new CheckResult(Check.CONTRACT, "x", "addition", Map.of(), "", Double.NaN, "",
                Verdict.FAIL, 20190801L, 100, List.of("addition-01"), List.of(), null,
                "[x] on addition: broke the contract on sequence 0 of model addition-01.", 0);
        assertThat(FailureMessage.with(failed, null, SanitySettings.defaults()))
                .isEqualTo("[x] on addition: broke the contract on sequence 0 of model addition-01.");
    }
}
