package dev.explainunit.train.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.sentence.SentenceModel;
import dev.explainunit.sentence.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceLossGradientTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of(List.of("<unk>", "not", "good", "bad", "film", "."));
    private static final int[][] SENTENCES = {{1, 2, 4, 5}, {3}, {2, 3, 1, 4}, {4, 1, 1, 3, 2, 5, 4}, {2, 2},
            {1, 2, 2, 5}, {5, 3}};
    private static final int[] LABELS = {0, 2, 1, 1, 2, 0, 1};
    /** The sentences in an order that puts three of length 4 and two of length 2 next to each other. */
    private static final int[] ORDER = {0, 2, 5, 1, 4, 6, 3};
    private static final int CLASSES = 3;

    /** Every parameter drawn from U(−1.5, 1.5), so that no gate saturates and no bias is zero. */
    private static double[] randomTheta(SentenceParameters layout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[layout.count()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 3 * random.nextDouble() - 1.5;
        }
        return theta;
    }

    /**
     * Σ_n −log softmax(f(x_n))_{y_n}, with f the model θ describes run by {@link SentenceModel#predict}
     * (the inference code, not the training code) and the softmax written out here.
     */
    private static double lossThroughInference(SentenceParameters layout, double[] theta) {
        SentenceModel model = layout.toModel(theta, VOCABULARY);
        double total = 0;
        for (int n = 0; n < SENTENCES.length; n++) {
            List<String> tokens = new ArrayList<>();
            for (int id : SENTENCES[n]) {
                tokens.add(VOCABULARY.token(id));
            }
            double[] logits = model.predict(tokens);
            double sum = 0;
            for (double l : logits) {
                sum += Math.exp(l);
            }
            total += Math.log(sum) - logits[LABELS[n]];
        }
        return total;
    }

    @ParameterizedTest(name = "bidirectional = {0}")
    @ValueSource(booleans = {true, false})
    void full_loss_gradient_matches_central_differences_of_the_inference_forward_pass_in_every_parameter(
            boolean bidirectional) {
        SentenceParameters layout = new SentenceParameters(VOCABULARY.size(), 3, 2, bidirectional, CLASSES);
        double[] theta = randomTheta(layout, 7);
        SentenceLoss loss = new SentenceLoss(layout);
        double[] analytic = new double[theta.length];
        loss.clear();
        loss.add(layout.toNetwork(theta), theta, SENTENCES, LABELS, ORDER, 0, ORDER.length, 1.0, analytic);
        loss.writeParameterGradient(analytic);
        double h = 1e-5;
        double largest = 0;
        for (int k = 0; k < theta.length; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (lossThroughInference(layout, plus) - lossThroughInference(layout, minus)) / (2 * h);
            largest = Math.max(largest, Math.abs(numeric));
            // central differences err by O(h²) ≈ 1e-10 here, rounding by about 1e-16 / h ≈ 1e-11
            assertThat(analytic[k]).as("∂L/∂θ[%d] of %d", k, theta.length)
                    .isCloseTo(numeric, org.assertj.core.api.Assertions.within(1e-7 * Math.max(1, Math.abs(numeric))));
        }
        assertThat(largest).as("the check is not vacuous").isGreaterThan(0.1);
    }

    @ParameterizedTest(name = "bidirectional = {0}")
    @ValueSource(booleans = {true, false})
    void loss_equals_the_cross_entropy_of_the_inference_forward_pass(boolean bidirectional) {
        SentenceParameters layout = new SentenceParameters(VOCABULARY.size(), 3, 2, bidirectional, CLASSES);
        double[] theta = randomTheta(layout, 8);
        SentenceLoss loss = new SentenceLoss(layout);
        double[] ignored = new double[theta.length];
        loss.clear();
        double total = loss.add(layout.toNetwork(theta), theta, SENTENCES, LABELS, ORDER, 0, ORDER.length, 1.0,
                ignored);
        assertThat(total).isCloseTo(lossThroughInference(layout, theta),
                org.assertj.core.api.Assertions.within(1e-12));
        double separately = 0;
        for (int n = 0; n < SENTENCES.length; n++) {
            separately += loss.loss(layout.toNetwork(theta), theta, SENTENCES[n], LABELS[n]);
        }
        assertThat(separately).isCloseTo(total, org.assertj.core.api.Assertions.within(1e-12));
    }

    /**
     * Sentences of equal length run side by side; every sum is still taken sentence after sentence,
     * so the gradient has the bits of one sentence per call.
     */
    @ParameterizedTest(name = "bidirectional = {0}")
    @ValueSource(booleans = {true, false})
    void sentences_side_by_side_give_the_bits_of_one_sentence_at_a_time(boolean bidirectional) {
        SentenceParameters layout = new SentenceParameters(VOCABULARY.size(), 3, 2, bidirectional, CLASSES);
        double[] theta = randomTheta(layout, 9);
        var network = layout.toNetwork(theta);
        SentenceLoss together = new SentenceLoss(layout);
        double[] g1 = new double[theta.length];
        together.clear();
        double l1 = together.add(network, theta, SENTENCES, LABELS, ORDER, 0, ORDER.length, 0.25, g1);
        together.writeParameterGradient(g1);
        SentenceLoss alone = new SentenceLoss(layout);
        double[] g2 = new double[theta.length];
        alone.clear();
        double l2 = 0;
        for (int k = 0; k < ORDER.length; k++) {
            l2 += alone.add(network, theta, SENTENCES, LABELS, ORDER, k, k + 1, 0.25, g2);
        }
        alone.writeParameterGradient(g2);
        assertThat(l1).isEqualTo(l2);
        assertThat(g1).containsExactly(g2);
        assertThat(together.correct(network, theta, SENTENCES, LABELS, 0, SENTENCES.length))
                .isEqualTo(alone.correct(network, theta, SENTENCES, LABELS, 0, SENTENCES.length)).isBetween(0, 7);
    }
}
