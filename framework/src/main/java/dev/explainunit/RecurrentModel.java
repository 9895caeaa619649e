package dev.explainunit;

import org.apiguardian.api.API;

/** The black-box view of a sequence model that every explainer gets. */
@API(status = API.Status.STABLE, since = "0.1")
public interface RecurrentModel {

    /** Number of input dimensions D of each time step. */
    int inputSize();

    /** Number of outputs C (1 for regression). */
    int outputSize();

    /** The model's output f(x), a fresh array of length {@link #outputSize()}. */
    double[] predict(Sequence x);
}
