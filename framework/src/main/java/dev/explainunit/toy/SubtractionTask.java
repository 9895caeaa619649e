package dev.explainunit.toy;

import org.apiguardian.api.API;

/** The subtraction task y = n_a − n_b (paper 3.2), registered as task {@code "subtraction"}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SubtractionTask extends ToyArithmeticTask {

    public SubtractionTask() {
        super(ToyTask.SUBTRACTION);
    }
}
