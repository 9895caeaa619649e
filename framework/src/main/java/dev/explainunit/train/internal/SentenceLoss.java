package dev.explainunit.train.internal;

import org.apiguardian.api.API;

/**
 * Cross-entropy of one sentence's fc logits under softmax, with its gradient with respect to θ
 * (layout of {@link SentenceParameters}) by back-propagation through time through both directions
 * into the embedding. Workspace of one thread; allocates nothing once it has held the longest
 * sentence.
 *
 * <pre>
 *   u = [h_T forward ; h_T reverse]            (paper A.1; the reverse state after reading x_T..x_1)
 *   ℓ = fc.weight u + fc.bias,   p = softmax(ℓ),   L = −log p_y = log Σ_c e^{ℓ_c} − ℓ_y
 *   ∂L/∂ℓ = p − e_y,   ∂L/∂fc.weight = (p − e_y) uᵀ,   ∂L/∂fc.bias = p − e_y,   δu = fc.weightᵀ (p − e_y)
 * </pre>
 *
 * and δu's halves enter each direction's {@link DirectionPass#backward}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SentenceLoss {

    private final SentenceParameters layout;
    private final DirectionPass[] passes;
    private final int hidden;
    private final int classes;
    private final int features;
    private final double[] logits;
    private final double[] featureValues;
    private final double[] featureGradient;

    public SentenceLoss(SentenceParameters layout) {
        this.layout = layout;
        this.passes = new DirectionPass[layout.directions()];
        for (int d = 0; d < passes.length; d++) {
            passes[d] = new DirectionPass(layout, d);
        }
        this.hidden = layout.hiddenSize();
        this.classes = layout.classes();
        this.features = layout.features();
        this.logits = new double[classes];
        this.featureValues = new double[features];
        this.featureGradient = new double[features];
    }

    /** Runs the model on {@code ids} and leaves the logits in the workspace. */
    private void forward(double[] theta, int[] ids) {
        for (int d = 0; d < passes.length; d++) {
            passes[d].forward(theta, ids);
            for (int k = 0; k < hidden; k++) {
                featureValues[d * hidden + k] = passes[d].finalHidden(k);
            }
        }
        int fcW = layout.fcWeightOffset();
        int fcB = layout.fcBiasOffset();
        for (int c = 0; c < classes; c++) {
            double sum = theta[fcB + c];
            int row = fcW + c * features;
            for (int k = 0; k < features; k++) {
                sum += theta[row + k] * featureValues[k];
            }
            logits[c] = sum;
        }
    }

    /** The class with the largest logit for {@code ids} (the first of equal ones). */
    public int predict(double[] theta, int[] ids) {
        forward(theta, ids);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Adds {@code weight} · ∂L/∂θ of the sentence to {@code gradient} (modified, |θ| long) and
     * returns L = −log p_label.
     */
    public double lossAndGradient(double[] theta, int[] ids, int label, double weight, double[] gradient) {
        forward(theta, ids);
        double max = logits[0];
        for (int c = 1; c < classes; c++) {
            max = Math.max(max, logits[c]);
        }
        double labelLogit = logits[label] - max;
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        double loss = Math.log(sum) - labelLogit;
        int fcW = layout.fcWeightOffset();
        int fcB = layout.fcBiasOffset();
        for (int k = 0; k < features; k++) {
            featureGradient[k] = 0;
        }
        for (int c = 0; c < classes; c++) {
            double dl = weight * (logits[c] / sum - (c == label ? 1 : 0));
            gradient[fcB + c] += dl;
            int row = fcW + c * features;
            for (int k = 0; k < features; k++) {
                gradient[row + k] += dl * featureValues[k];
                featureGradient[k] += dl * theta[row + k];
            }
        }
        for (int d = 0; d < passes.length; d++) {
            passes[d].backward(theta, featureGradient, d * hidden, gradient);
        }
        return loss;
    }

    /** L = −log p_label of the sentence, without gradient. */
    public double loss(double[] theta, int[] ids, int label) {
        forward(theta, ids);
        double max = logits[0];
        for (int c = 1; c < classes; c++) {
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[c] - max);
        }
        return Math.log(sum) - (logits[label] - max);
    }
}
