package dev.explainunit.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.model.NetworkTrace;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.SentenceModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceRepresentationsTest {

    private static final Sequence X = Sequence.of(new double[][] {{1, 2}, {3, -1}, {0.5, 4}});

    @Test
    void per_dimension_relevance_weights_each_embedding_value_by_its_own_relevance() {
        Relevance r = Relevance.perInput(new double[][] {{1, 0}, {0.5, 2}, {-1, 1}});
        // d0: 1·1 + 0.5·3 + (−1)·0.5 = 2; d1: 0·2 + 2·(−1) + 1·4 = 2
        assertThat(SentenceRepresentations.weighted(X, r)).containsExactly(new double[] {2, 2}, within(1e-15));
    }

    @Test
    void per_word_relevance_weights_the_whole_embedding_of_the_word() {
        Relevance r = Relevance.perStep(2, -1, 0.5);
        // d0: 2·1 − 3 + 0.25 = −0.75; d1: 4 + 1 + 2 = 7
        assertThat(SentenceRepresentations.weighted(X, r)).containsExactly(new double[] {-0.75, 7}, within(1e-15));
    }

    @Test
    void average_is_the_mean_embedding() {
        assertThat(SentenceRepresentations.average(X)).containsExactly(new double[] {1.5, 5 / 3.0}, within(1e-15));
    }

    @Test
    void lrp_last_hidden_relevances_sum_to_the_output_without_its_bias_when_eps_is_zero() {
        SentenceModel model = TinySentenceModels.model(8, 3, 4, 5, true, 1.5);
        Sequence x = model.embed(List.of("not", "very", "good", "film", "."));
        RecurrentNetwork lstm = model.lstm();
        for (int c = 0; c < 5; c++) {
            double[] v = SentenceRepresentations.lrpLastHidden(lstm, x, c, 0, 0);
            double[] h = lastHidden(lstm, x);
            double sum = 0;
            for (int k = 0; k < v.length; k++) {
                sum += v[k] / h[k]; // R_k
            }
            assertThat(sum).isCloseTo(lstm.predict(x)[c] - lstm.fcBias(c), within(1e-12));
        }
    }

    @Test
    void lrp_last_hidden_with_a_stabiliser_and_full_bias_factor_conserves_the_stabilised_share() {
        SentenceModel model = TinySentenceModels.model(9, 3, 4, 5, true, 1.5);
        Sequence x = model.embed(List.of("bad", "film", "."));
        RecurrentNetwork lstm = model.lstm();
        double eps = 0.3;
        double f = lstm.predict(x)[2];
        double sign = f >= 0 ? 1 : -1;
        double[] v = SentenceRepresentations.lrpLastHidden(lstm, x, 2, eps, 1);
        double[] h = lastHidden(lstm, x);
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            sum += v[k] / h[k];
        }
        // Σ_k (h_k w_ck + ε·sign/N) · f/(f + ε·sign) = (f − b + ε·sign) · f / (f + ε·sign)
        assertThat(sum).isCloseTo((f - lstm.fcBias(2) + eps * sign) * f / (f + eps * sign), within(1e-12));
    }

    /** [forward h_T; reverse h at its last step] read directly from a fresh trace. */
    private static double[] lastHidden(RecurrentNetwork lstm, Sequence x) {
        NetworkTrace trace = lstm.forward(x, lstm.newTrace());
        int hidden = lstm.hiddenSize();
        double[] h = new double[2 * hidden];
        for (int k = 0; k < hidden; k++) {
            h[k] = trace.forward().h(x.length() - 1, k);
            h[hidden + k] = trace.reverse().h(x.length() - 1, k);
        }
        return h;
    }
}
