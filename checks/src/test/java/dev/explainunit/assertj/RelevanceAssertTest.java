package dev.explainunit.assertj;

import static dev.explainunit.assertj.ExplainUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import org.junit.jupiter.api.Test;

class RelevanceAssertTest {

    private static final Sequence THREE_STEPS = Sequence.of(new double[][] {{1, 0}, {0, 1}, {1, 0}});

    @Test
    void mass_on_the_operands_passes_at_or_below_its_value_and_fails_above_it() {
        Relevance r = Relevance.perStep(0.9, 0.2, 0.9);
        assertThat(r).hasMassOn(0, 2).atLeast(0.9); // 1.8 / 2.0
        assertThatThrownBy(() -> assertThat(r).hasMassOn(0, 2).atLeast(0.95))
                .hasMessageContaining("at least 95.0%").hasMessageContaining("they hold 90.0%");
    }

    @Test
    void a_relevance_with_a_nan_or_the_wrong_length_is_not_well_formed() {
        assertThat(Relevance.perStep(1, 2, 3)).isWellFormedFor(THREE_STEPS);
        assertThatThrownBy(() -> assertThat(Relevance.perStep(1, Double.NaN, 3)).isWellFormedFor(THREE_STEPS))
                .hasMessageContaining("non-finite relevance (NaN) at step 1");
        assertThatThrownBy(() -> assertThat(Relevance.perStep(1, 2)).isWellFormedFor(THREE_STEPS))
                .hasMessageContaining("returned 2 relevance values for a sequence of 3 steps");
    }

    @Test
    void conservation_needs_the_declared_rest_to_close_the_balance() {
        assertThat(Relevance.perStep(0.5, 0.25).withRest(0.25)).conserves(1.0, 1e-12);
        assertThatThrownBy(() -> assertThat(Relevance.perStep(0.5, 0.25).withRest(0.0)).conserves(1.0, 1e-6))
                .hasMessageContaining("error 0.25");
        assertThatThrownBy(() -> assertThat(Relevance.perStep(1.0)).conserves(1.0, 1e-6))
                .hasMessageContaining("declares its rest");
    }
}
