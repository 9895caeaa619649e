package dev.explainunit.toy;

import org.apiguardian.api.API;

/** The addition task y = n_a + n_b (paper 3.2), registered as task {@code "addition"}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AdditionTask extends ToyArithmeticTask {

    public AdditionTask() {
        super(ToyTask.ADDITION);
    }
}
