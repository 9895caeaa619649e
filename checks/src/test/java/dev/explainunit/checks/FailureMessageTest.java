package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

    private static final String NL = System.lineSeparator();

    @Test
    void without_a_counterexample_the_rerun_hint_starts_on_its_own_line() {
        CheckResult failed = new CheckResult(Check.CONTRACT, "x", "addition", Map.of(), "", Double.NaN, "",
                Verdict.FAIL, 20190801L, 100, List.of("addition-01"), List.of(), null,
                "[x] on addition: broke the contract on sequence 0 of model addition-01.", 0);
        String text = FailureMessage.with(failed, null, SanitySettings.defaults());
        assertThat(text).contains("model addition-01." + NL + "Seed 20190801: rerun with");
    }
}
