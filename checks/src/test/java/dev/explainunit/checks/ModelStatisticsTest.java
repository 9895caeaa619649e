package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelStatisticsTest {

    @Test
    void the_named_values_keep_the_order_the_checks_contributed_them_in_as_table_2_rows_were() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(ModelStatistics.rho("a"), 99.5);
        values.put(ModelStatistics.rho("b"), -98.0);
        values.put(ModelStatistics.MASS, 97.25);
        values.put(ModelStatistics.MSE, 0.001);

        ModelStatistics stats = new ModelStatistics("subtraction-07", values);

        assertThat(stats.values().keySet()).containsExactly("rhoA", "rhoB", "mass", "mse");
    }

    @Test
    void a_statistic_a_model_lacks_reads_as_nan_and_role_names_become_camel_case_keys() {
        ModelStatistics stats = new ModelStatistics("m", Map.of("mass", 50.0));

        assertThat(stats.get("mass")).isEqualTo(50.0);
        assertThat(stats.get("rhoA")).isNaN();
        assertThat(ModelStatistics.rho("negator")).isEqualTo("rhoNegator");
    }
}
