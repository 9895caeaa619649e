package dev.explainunit.train.internal;

import dev.explainunit.model.NetworkBatch;
import dev.explainunit.model.ParameterGradient;
import dev.explainunit.model.RecurrentNetwork;
import org.apiguardian.api.API;

/**
 * The full-batch mean squared error of a toy network (any cell kind, L layers, H units; layout of
 * {@link NetworkParameters}) over a {@link SequenceBatch}, with its gradient with respect to θ, on
 * the model's own passes: θ becomes a {@link RecurrentNetwork}, whose {@link NetworkBatch} runs the
 * sequences forward, equal-length ones side by side, and back-propagates the loss through time,
 * accumulating the parameter gradients in a {@link ParameterGradient}.
 *
 * <pre>
 *   L = (1/N) Σ_n (f(x_n) − y_n)²       ∂L/∂f(x_n) = 2 (f(x_n) − y_n) / N
 *   ∂L/∂θ:  NetworkBatch.backward of these output gradients (formulas on ParameterGradient),
 *           gathered into θ's layout by NetworkParameters.gradient
 * </pre>
 *
 * So training runs the arithmetic that inference and the explainers run, for every architecture.
 * The squared errors are summed in the batch's (length-sorted) order.
 *
 * <p>Not thread-safe: one instance holds the workspaces of one training run. The batch is shared
 * read-only.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class NetworkMseObjective implements MseLoss {

    /** Equal-length sequences run side by side per pass. */
    static final int LANES = 16;

    private final SequenceBatch batch;
    private final NetworkParameters layout;
    private final double[][] outputGradients = new double[LANES][1];
    private ParameterGradient parameters;

    public NetworkMseObjective(SequenceBatch batch, NetworkParameters layout) {
        if (batch.dim() != layout.inputs()) {
            throw new IllegalArgumentException("the batch has " + batch.dim() + " inputs per step, the model reads "
                    + layout.inputs());
        }
        this.batch = batch;
        this.layout = layout;
    }

    @Override
    public int dimension() {
        return layout.count();
    }

    @Override
    public double value(double[] theta) {
        return evaluate(theta, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        return evaluate(theta, gradient);
    }

    private double evaluate(double[] theta, double[] gradient) {
        for (double v : theta) {
            if (!Double.isFinite(v)) { // no model has such weights; the minimiser backs off from NaN
                if (gradient != null) {
                    java.util.Arrays.fill(gradient, 0, layout.count(), Double.NaN);
                }
                return Double.NaN;
            }
        }
        RecurrentNetwork network = layout.toNetwork(theta);
        NetworkBatch lanes = new NetworkBatch(network, LANES);
        if (gradient != null) {
            if (parameters == null) {
                parameters = new ParameterGradient(network);
            }
            parameters.clear();
        }
        double scale = 2.0 / batch.size;
        double sum = 0;
        int n = 0;
        while (n < batch.size) {
            int length = batch.length(n);
            int count = 1;
            while (count < LANES && n + count < batch.size && batch.length(n + count) == length) {
                count++;
            }
            lanes.forward(batch.sequences, n, count);
            for (int b = 0; b < count; b++) {
                double error = lanes.trace(b).output(0) - batch.targets[n + b];
                sum += error * error;
                outputGradients[b][0] = scale * error;
            }
            if (gradient != null) {
                lanes.backward(outputGradients, null, parameters);
            }
            n += count;
        }
        if (gradient != null) {
            layout.gradient(parameters, gradient);
        }
        return sum / batch.size;
    }
}
