package dev.explainunit.train;

import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.train.internal.MseLoss;
import dev.explainunit.train.internal.NetworkMseObjective;
import dev.explainunit.train.internal.NetworkParameters;
import dev.explainunit.train.internal.SequenceBatch;
import dev.explainunit.zoo.Architecture;
import org.apiguardian.api.API;

/**
 * The unit of work of {@link ToyTrainer}, for the JMH benchmark {@code TrainingBenchmark}: one
 * evaluation of the full-batch loss and its gradient on the 10000 training sequences of a toy task
 * (data seed 1) at a fixed θ, by the objective the trainer uses for the architecture (the unrolled
 * copy for the paper's single-unit LSTM) or by the general objective on the model's passes. Not
 * part of the public API.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class TrainingWorkload {

    private final MseLoss loss;
    private final double[] theta;
    private final double[] gradient;

    private TrainingWorkload(ToyTask task, NetworkParameters layout, double[] theta, boolean general) {
        SequenceBatch batch = SequenceBatch.of(ToyData.generate(task, Split.TRAIN, 1));
        this.loss = general ? new NetworkMseObjective(batch, layout) : MseLoss.create(batch, layout);
        this.theta = theta;
        this.gradient = new double[theta.length];
    }

    /**
     * At the paper's initialisation from {@code seed} ({@code general}: by the general objective,
     * else by the trainer's choice).
     */
    public static TrainingWorkload initial(ToyTask task, Architecture architecture, long seed, boolean general) {
        NetworkParameters layout = NetworkParameters.of(architecture, ToyTrainer.INPUTS);
        return new TrainingWorkload(task, layout, layout.initial(seed), general);
    }

    /** At the parameters of {@code model} (a trained model: saturated gates, as late in training). */
    public static TrainingWorkload at(ToyTask task, RecurrentNetwork model, boolean general) {
        NetworkParameters layout = NetworkParameters.of(Architecture.of(model), ToyTrainer.INPUTS);
        return new TrainingWorkload(task, layout, layout.fromNetwork(model), general);
    }

    /** The name of the objective's class, to label results. */
    public String objective() {
        return loss.getClass().getSimpleName();
    }

    /** One evaluation: the loss, with its gradient written to a buffer of this workload. */
    public double evaluate() {
        return loss.valueAndGradient(theta, gradient);
    }
}
