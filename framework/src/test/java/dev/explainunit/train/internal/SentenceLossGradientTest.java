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
    private static final int[][] SENTENCES = {{1, 2, 4, 5}, {3}, {4, 1, 1, 3, 2, 5, 4}, {2, 2}};
    private static final int[] LABELS = {0, 2, 1, 2};
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
        for (int n = 0; n < SENTENCES.length; n++) {
            loss.lossAndGradient(theta, SENTENCES[n], LABELS[n], 1.0, analytic);
        }
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
        double total = 0;
        double[] ignored = new double[theta.length];
        for (int n = 0; n < SENTENCES.length; n++) {
            total += loss.lossAndGradient(theta, SENTENCES[n], LABELS[n], 1.0, ignored);
        }
        assertThat(total).isCloseTo(lossThroughInference(layout, theta),
                org.assertj.core.api.Assertions.within(1e-12));
    }
}
