package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.fixtures.BrokenExplainers;
import dev.explainunit.toy.ToyTask;
import org.junit.jupiter.api.Test;

class UndefinedStatisticTest {

    @Test
    void a_constant_relevance_fails_the_correlation_as_undefined_rather_than_as_zero() {
        CheckResult r = SanityChecks.of(BrokenExplainers.constant()).on(ToyTask.ADDITION)
                .checks(Check.GROUND_TRUTH_CORRELATION).models(2).samples(30).run().results().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message().lines().findFirst().orElseThrow())
                .contains("undefined (constant relevance) on 2 of 2 models").doesNotContain("= 0.000")
                .doesNotContain("others");
        assertThat(r.statistics().get("signed_min")).isNaN();
        assertThat(r.statistics().get("undefined_models")).isEqualTo(2.0);
    }

    @Test
    void relevances_whose_absolute_sum_overflows_fail_the_mass_as_undefined_rather_than_as_zero() {
        CheckResult r = SanityChecks.of(BrokenExplainers.huge()).on(ToyTask.ADDITION).checks(Check.RELEVANT_MASS)
                .models(2).samples(30).run().results().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message().lines().findFirst().orElseThrow())
                .contains("undefined (the absolute relevance overflows) on 2 of 2 models").doesNotContain(" 0.0%")
                .doesNotContain("NaN%");
    }
}
