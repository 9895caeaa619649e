package dev.explainunit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatTest {

    @Test
    void std_is_the_population_standard_deviation_like_numpy() {
        // values 2,4,4,4,5,5,7,9: mean 5, squared deviations sum to 32, 32/8 = 4
        Stat s = Stat.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});

        assertThat(s.mean()).isEqualTo(5.0);
        assertThat(s.std()).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void difference_counts_only_beyond_the_reference_std() {
        Stat paper = new Stat(99.0, 2.0);

        assertThat(paper.differsBeyondStd(new Stat(97.5, 0), 0.01)).isFalse();
        assertThat(paper.differsBeyondStd(new Stat(96.5, 0), 0.01)).isTrue();
    }

    @Test
    void paper_table_has_the_seven_methods_of_each_task_with_their_bold_verdicts() {
        var table = PaperResults.table2();

        assertThat(table.get("addition")).hasSize(7);
        assertThat(table.get("subtraction")).hasSize(7);
        assertThat(table.get("subtraction").get("lrp-all").passed()).isTrue();
        assertThat(table.get("subtraction").get("cd").passed()).isFalse();
        assertThat(table.get("addition").get("cd").rhoA().std()).isEqualTo(0.002);
    }
}
