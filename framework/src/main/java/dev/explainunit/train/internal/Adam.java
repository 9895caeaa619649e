package dev.explainunit.train.internal;

import org.apiguardian.api.API;

/**
 * Adam (Kingma and Ba 2015, algorithm 1), as PyTorch's {@code torch.optim.Adam} without weight
 * decay:
 *
 * <pre>
 *   m ← β₁ m + (1 − β₁) g          v ← β₂ v + (1 − β₂) g²          t ← t + 1
 *   θ ← θ − η (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * Element-wise, so its result does not depend on how the work is divided. Allocates nothing per step.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Adam {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private int t;

    public Adam(int dimension, double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[dimension];
        this.v = new double[dimension];
    }

    /** One step: updates {@code theta} (modified) with {@code gradient}. */
    public void step(double[] theta, double[] gradient) {
        t++;
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        for (int k = 0; k < theta.length; k++) {
            double g = gradient[k];
            m[k] = beta1 * m[k] + (1 - beta1) * g;
            v[k] = beta2 * v[k] + (1 - beta2) * g * g;
            theta[k] -= learningRate * (m[k] / correction1) / (Math.sqrt(v[k] / correction2) + epsilon);
        }
    }

    /** Steps taken. */
    public int steps() {
        return t;
    }
}
