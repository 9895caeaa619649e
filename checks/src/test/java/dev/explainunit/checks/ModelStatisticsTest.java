package dev.explainunit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelStatisticsTest {

    @Test
    void the_named_values_are_json_keys_beside_the_model_id_in_their_order_as_table_2_rows_were() throws Exception {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(ModelStatistics.rho("a"), 99.5);
        values.put(ModelStatistics.rho("b"), -98.0);
        values.put(ModelStatistics.MASS, 97.25);
        values.put(ModelStatistics.MSE, 0.001);

        String json = new ObjectMapper().writeValueAsString(new ModelStatistics("subtraction-07", values));

        assertThat(json).isEqualTo("{\"modelId\":\"subtraction-07\",\"rhoA\":99.5,\"rhoB\":-98.0,\"mass\":97.25,"
                + "\"mse\":0.001}");
    }

    @Test
    void a_statistic_a_model_lacks_reads_as_nan_and_role_names_become_camel_case_keys() {
        ModelStatistics stats = new ModelStatistics("m", Map.of("mass", 50.0));

        assertThat(stats.get("mass")).isEqualTo(50.0);
        assertThat(stats.get("rhoA")).isNaN();
        assertThat(ModelStatistics.rho("negator")).isEqualTo("rhoNegator");
    }
}
